namespace Sandik.Server.Ingest;

/// <summary>The store could not take a commit within the retry window; the submission was not acknowledged.</summary>
public sealed class StoreUnavailableException(Exception inner) : Exception("The store is not accepting writes right now.", inner);
