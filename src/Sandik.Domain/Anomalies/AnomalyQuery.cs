using Sandik.Domain.Geography;

namespace Sandik.Domain.Anomalies;

/// <summary>Which boxes of a ranking to return.</summary>
/// <param name="Area">Only boxes inside this area (a province, district or neighbourhood code, e.g. <c>34</c> or
/// <c>34/Kadıköy</c>), or null for all.</param>
/// <param name="Check">Only boxes where this check found something (surprise of one box in twenty or rarer).</param>
/// <param name="MinScore">Only boxes scoring at least this.</param>
/// <param name="Top">At most this many boxes, best first.</param>
public sealed record AnomalyQuery(string? Area = null, AnomalyCheck? Check = null, double MinScore = double.NegativeInfinity, int Top = int.MaxValue)
{
    public static AnomalyQuery All { get; } = new();

    /// <param name="checks">The box's surprise per check.</param>
    internal bool Matches(ElectionGeography geography, int box, double score, ReadOnlySpan<double> checks)
    {
        if (score < MinScore) return false;
        if (Check is { } check && !Found(check, checks[(int)check])) return false;
        if (Area is null) return true;
        if (!geography.TryGetArea(Area, out var area)) return false;
        foreach (var a in geography.ChainOf(box))
        {
            if (a == area.Index) return true;
        }
        return false;
    }

    // Statistical checks speak from one box in twenty; checks with fixed surprises whenever they find anything.
    private static bool Found(AnomalyCheck check, double surprise) =>
        ScoreCombiner.IsStatistical(check) ? surprise >= ReasonWriter.MinSurprise : surprise > 0;
}
