namespace Sandik.Cli.CommandLine;

/// <summary>The command line is wrong; the message says how, and the command's usage follows it.</summary>
public sealed class UsageException(string message) : Exception(message);
