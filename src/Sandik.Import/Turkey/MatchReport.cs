namespace Sandik.Import.Turkey;

/// <summary>Why a row of a source file could not be matched to a box of the registry.</summary>
public enum MatchFailure
{
    /// <summary>The province name is not one of the registry's provinces.</summary>
    UnknownProvince,
    /// <summary>The province is known, the district name is not one of its districts.</summary>
    UnknownDistrict,
    /// <summary>The district is known, it has no box with that number.</summary>
    UnknownBox,
}

/// <summary>A row that was not matched, as the file gave it.</summary>
public sealed record UnmatchedRow(int Line, string Province, string District, string Neighbourhood, string Box)
{
    public override string ToString() => $"line {Line}: {Province} / {District} / {Neighbourhood} / box {Box}";
}

/// <summary>The rows that failed for one reason: how many, and the first few.</summary>
public sealed record UnmatchedRows(MatchFailure Reason, int Count, IReadOnlyList<UnmatchedRow> Examples);

/// <summary>
/// How the rows of a source file met the box registry: every row with a result is either matched (and became a
/// submission) or counted here under its reason, so that nothing is dropped without a trace.
/// </summary>
/// <param name="Rows">Data rows in the file.</param>
/// <param name="RowsWithoutResult">Rows that list a box but carry no result for the race.</param>
/// <param name="Matched">Rows with a result whose box was found.</param>
/// <param name="Unmatched">The other rows with a result, by reason (reasons with no row are left out).</param>
public sealed record MatchReport(int Rows, int RowsWithoutResult, int Matched, IReadOnlyList<UnmatchedRows> Unmatched)
{
    public const int MaxExamples = 5;

    public int UnmatchedCount => Unmatched.Sum(u => u.Count);

    public int CountOf(MatchFailure reason) => Unmatched.FirstOrDefault(u => u.Reason == reason)?.Count ?? 0;

    public override string ToString() =>
        $"{Rows} rows, {RowsWithoutResult} without a result, {Matched} matched, {UnmatchedCount} unmatched"
        + string.Concat(Unmatched.Select(u => $"{Environment.NewLine}  {u.Reason}: {u.Count}, e.g. {string.Join("; ", u.Examples)}"));

    /// <summary>Counts failures while a file is read. Not thread-safe.</summary>
    internal sealed class Builder
    {
        private readonly Dictionary<MatchFailure, (int Count, List<UnmatchedRow> Examples)> _failures = [];

        public int Rows { get; set; }
        public int RowsWithoutResult { get; set; }
        public int Matched { get; set; }

        public void Fail(MatchFailure reason, UnmatchedRow row)
        {
            var (count, examples) = _failures.GetValueOrDefault(reason, (0, []));
            if (examples.Count < MaxExamples) examples.Add(row);
            _failures[reason] = (count + 1, examples);
        }

        public MatchReport Build() => new(Rows, RowsWithoutResult, Matched,
            [.. _failures.OrderBy(f => f.Key).Select(f => new UnmatchedRows(f.Key, f.Value.Count, f.Value.Examples))]);
    }
}
