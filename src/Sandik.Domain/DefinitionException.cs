namespace Sandik.Domain;

/// <summary>A definition file (election, sources, geography) is malformed; the message names the file and the problem.</summary>
public sealed class DefinitionException(string message, Exception? inner = null) : Exception(message, inner);
