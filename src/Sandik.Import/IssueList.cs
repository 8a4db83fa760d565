namespace Sandik.Import;

/// <summary>Collects the problems of one file, keeping the first ones in full and counting the rest.</summary>
public sealed class IssueList(string fileName)
{
    private readonly List<ImportIssue> _issues = [];

    public int Count { get; private set; }

    public void Add(int line, string? column, string message)
    {
        Count++;
        if (_issues.Count < ImportFailedException.MaxReported) _issues.Add(new ImportIssue(line, column, message));
    }

    /// <summary>Throws when any problem was found, so that a file is imported whole or not at all.</summary>
    /// <exception cref="ImportFailedException">One or more problems were found.</exception>
    public void ThrowIfAny()
    {
        if (Count > 0) throw new ImportFailedException(fileName, _issues, Count);
    }
}
