namespace Sandik.Import;

/// <summary>One problem found in an input file, located as precisely as the format allows.</summary>
/// <param name="Line">1-based line number, 0 when the problem concerns the whole file.</param>
/// <param name="Column">The column name, when one column is at fault.</param>
public sealed record ImportIssue(int Line, string? Column, string Message)
{
    public override string ToString() =>
        (Line > 0 ? $"line {Line}" : "file") + (Column is null ? "" : $", column '{Column}'") + $": {Message}";
}
