using Sandik.Domain.Projection;
using Sandik.Domain.Projection.Golden;
using Sandik.Domain.Tallies;

namespace Sandik.Server.Projection;

/// <summary>
/// A projection snapshot as the API gives it: the national projection per choice with its 90% intervals beside the raw
/// count, seats, probabilities, turnout, notes and the prior used; provinces and electoral districts when asked for.
/// Shares are fractions of the valid votes (0.4948 = 49.48%); numbers are rounded to six decimals.
/// </summary>
public sealed record ProjectionResponse(
    string Election,
    string Race,
    IReadOnlyList<string> Sources,
    long Version,
    int BoxesCounted,
    int BoxesTotal,
    double CountedFraction,
    double RegisteredCounted,
    double Coverage,
    ProjectionResponse.Range Turnout,
    ProjectionResponse.PriorInfo Prior,
    ProjectionResponse.SeatRules? Seats,
    IReadOnlyList<ProjectionResponse.NationalChoice> Choices,
    IReadOnlyList<string> Notes,
    ProjectionResponse.QuickCount? Golden,
    IReadOnlyList<ProjectionResponse.Area>? Provinces,
    IReadOnlyList<ProjectionResponse.Area>? Constituencies)
{
    /// <summary>A value and its interval.</summary>
    public sealed record Range(double Value, double Low, double High)
    {
        public static Range Of(Estimate e) => new(Round(e.Value), Round(e.Low), Round(e.High));
    }

    /// <param name="Election">The prior election's id, or null when the projection runs from counted boxes alone.</param>
    /// <param name="BoxesByMatch">Boxes per way of matching the prior: <c>box</c>, an area level, or <c>none</c>.</param>
    public sealed record PriorInfo(string? Election, bool CountedOnly, IReadOnlyDictionary<string, int> BoxesByMatch, IReadOnlyList<string> OwnSwing);

    public sealed record SeatRules(int Total, int Majority, double Threshold);

    /// <param name="Counted">The raw running share of the valid votes counted.</param>
    /// <param name="Share">The projected final share.</param>
    public sealed record NationalChoice(string Id, string Name, double Counted, Range Share, Range? Seats, double? PassesThreshold,
        double? WinsMajority, double AboveHalf);

    public sealed record Area(string Code, string Name, int BoxesCounted, int BoxesTotal, Range Turnout, IReadOnlyList<AreaChoice> Choices);

    public sealed record AreaChoice(string Id, double Counted, Range Share, Range? Seats);

    /// <summary>The golden-box quick count: shares by the ratio and the regression estimators, margins at 95% (null while unknown).</summary>
    public sealed record QuickCount(int BoxesReported, int BoxesInSample, double Confidence, IReadOnlyList<QuickCountChoice> Choices)
    {
        public static QuickCount Of(GoldenEstimate e) => new(e.BoxesReported, e.BoxesInSample, GoldenEstimate.Confidence,
            [.. e.Choices.Select(c => new QuickCountChoice(c.ChoiceId, Round(c.Ratio), Margin(c.RatioMargin), Round(c.Regression), Margin(c.RegressionMargin)))]);

        private static double? Margin(double margin) => double.IsFinite(margin) ? Round(margin) : null;
    }

    public sealed record QuickCountChoice(string Id, double Ratio, double? RatioMargin, double Regression, double? RegressionMargin);

    public static ProjectionResponse From(ProjectionSnapshot s, LiveRace live, SourceView view, bool areas, GoldenEstimate? golden)
    {
        var names = live.Race.Choices.ToDictionary(c => c.Id, c => c.Name, StringComparer.Ordinal);
        var outlook = s.Outlook.ToDictionary(o => o.ChoiceId, StringComparer.Ordinal);
        var choices = s.Nation.Choices.Select(c =>
        {
            var o = outlook.GetValueOrDefault(c.ChoiceId);
            return new NationalChoice(c.ChoiceId, names.GetValueOrDefault(c.ChoiceId, c.ChoiceId), Round(c.Counted), Range.Of(c.Share),
                c.Seats is { } seats ? Range.Of(seats) : null, Round(o?.PassesThreshold), Round(o?.WinsMajority), Round(o?.AboveHalf ?? 0));
        }).ToList();
        return new ProjectionResponse(s.ElectionId, s.RaceId, [.. view.SourceIds(live.Sources)], s.Version, s.BoxesCounted, s.BoxesTotal,
            Round(s.CountedFraction), Round(s.RegisteredCounted), s.Coverage, Range.Of(s.Nation.Turnout),
            new PriorInfo(s.Prior.ElectionId, s.Prior.CountedOnly, s.Prior.BoxesByMatch, s.Prior.OwnSwing),
            s.Seats is { } rules ? new SeatRules(rules.TotalSeats, rules.Majority, rules.Threshold) : null,
            choices, s.Notes, golden is null ? null : QuickCount.Of(golden), areas ? [.. s.Provinces.Select(AreaOf)] : null, areas ? [.. s.Constituencies.Select(AreaOf)] : null);
    }

    private static Area AreaOf(AreaProjection a) => new(a.Code, a.Name, a.BoxesCounted, a.BoxesTotal, Range.Of(a.Turnout),
        [.. a.Choices.Select(c => new AreaChoice(c.ChoiceId, Round(c.Counted), Range.Of(c.Share), c.Seats is { } seats ? Range.Of(seats) : null))]);

    /// <summary>Six decimals; a figure the count cannot give yet (0/0) is 0, never NaN, which JSON cannot carry.</summary>
    internal static double Round(double value) => double.IsFinite(value) ? Math.Round(value, 6) : 0;

    private static double? Round(double? value) => value is { } v ? Round(v) : null;
}
