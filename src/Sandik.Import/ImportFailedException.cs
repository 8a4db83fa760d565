namespace Sandik.Import;

/// <summary>
/// An input file could not be imported. Nothing from it was kept; <see cref="Issues"/> lists what is wrong
/// (the first problems, up to a limit, each with its line and column).
/// </summary>
public sealed class ImportFailedException(string fileName, IReadOnlyList<ImportIssue> issues, int totalIssues)
    : Exception(Describe(fileName, issues, totalIssues))
{
    public const int MaxReported = 50;

    public string FileName { get; } = fileName;
    public IReadOnlyList<ImportIssue> Issues { get; } = issues;
    public int TotalIssues { get; } = totalIssues;

    private static string Describe(string fileName, IReadOnlyList<ImportIssue> issues, int total) =>
        $"{fileName}: {total} problem(s), nothing was imported.{Environment.NewLine}"
        + string.Join(Environment.NewLine, issues.Select(i => "  " + i))
        + (total > issues.Count ? $"{Environment.NewLine}  … and {total - issues.Count} more." : "");
}
