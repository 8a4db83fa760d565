using System.Globalization;
using Sandik.Domain.Geography;
using Sandik.Domain.Reconciliation;
using Sandik.Domain.Tallies;

namespace Sandik.Server.Ui;

/// <summary>
/// The drill-down table of one area in one source view: a summary row for the area and one row per child area, or
/// per ballot box below a neighbourhood, with the same columns throughout. Built on request from the live state;
/// an immutable snapshot.
/// </summary>
public sealed record AreaRows(Area Area, AreaRow Summary, GeographyLevel? ChildLevel, IReadOnlyList<int> LeadingChoices, IReadOnlyList<AreaRow> Rows)
{
    /// <summary>How many parties get their own columns.</summary>
    public const int LeadingCount = 4;

    public bool RowsAreBoxes => ChildLevel is null;

    public static AreaRows Build(LiveRace live, SourceView view, int areaIndex)
    {
        var geography = live.Geography;
        var area = geography.Areas[areaIndex];
        var summary = AreaRow.Of(live, live.Totals(areaIndex, view));
        var leading = Leading(summary.Votes);
        if (area.Level + 1 < geography.Depth)
        {
            var rows = live.ChildTotals(areaIndex, view).Select(t => AreaRow.Of(live, t)).ToList();
            return new AreaRows(area, summary, geography.Levels[area.Level + 1], leading, rows);
        }
        var boxes = new List<AreaRow>();
        foreach (var box in geography.Boxes)
        {
            if (box.Area == areaIndex) boxes.Add(AreaRow.OfBox(live, view, box));
        }
        return new AreaRows(area, summary, null, leading, boxes);
    }

    /// <summary>Rows whose name (see <see cref="NameSearch"/>) or code holds the filter, sorted by a column key.</summary>
    /// <param name="sort"><c>name</c>, <c>boxes</c>, <c>counted</c>, <c>turnout</c>, <c>valid</c>, <c>invalid</c>,
    /// <c>leader</c>, <c>margin</c>, <c>confirmed</c>, <c>conflicts</c> or <c>choice:ID</c> (by share).</param>
    public IReadOnlyList<AreaRow> Select(LiveRace live, string? filter, string? sort, bool descending, CultureInfo culture)
    {
        IEnumerable<AreaRow> rows = Rows;
        if (!string.IsNullOrWhiteSpace(filter))
        {
            var text = filter.Trim();
            rows = rows.Where(r => NameSearch.Matches(r.Name, text) || r.Code.Contains(text, StringComparison.OrdinalIgnoreCase));
        }
        var names = StringComparer.Create(culture, CompareOptions.IgnoreCase | CompareOptions.NumericOrdering);
        var choice = sort is not null && sort.StartsWith("choice:", StringComparison.Ordinal) ? live.Race.IndexOf(sort["choice:".Length..]) : -1;
        Func<AreaRow, double>? key = sort switch
        {
            "boxes" => r => r.Boxes,
            "counted" => r => r.CountedShare,
            "turnout" => r => r.Turnout,
            "valid" => r => r.Valid,
            "invalid" => r => r.Invalid,
            "margin" => r => r.Margin,
            "confirmed" => r => r.Confirmed,
            "conflicts" => r => r.Conflicts,
            "leader" => r => r.Leader,
            _ when choice >= 0 => r => r.Share(choice),
            _ => null,
        };
        if (key is null)
            return [.. descending ? rows.OrderByDescending(r => r.Name, names) : rows.OrderBy(r => r.Name, names)];
        return [.. descending ? rows.OrderByDescending(key).ThenBy(r => r.Name, names) : rows.OrderBy(key).ThenBy(r => r.Name, names)];
    }

    private static int[] Leading(long[] votes) =>
        [.. Enumerable.Range(0, votes.Length).OrderByDescending(i => votes[i]).ThenBy(i => i).Take(LeadingCount)];
}
