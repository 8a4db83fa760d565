using Sandik.Domain.Submissions;

namespace Sandik.Storage;

/// <summary>The logged entry for one appended submission; <paramref name="AlreadyLogged"/> when it was a retry.</summary>
public sealed record AppendResult(LoggedSubmission Entry, bool AlreadyLogged);
