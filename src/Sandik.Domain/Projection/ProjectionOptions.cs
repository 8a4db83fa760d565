namespace Sandik.Domain.Projection;

/// <summary>The knobs of the live projection. The defaults are the ones the backtests in <c>docs/backtests.md</c> used.</summary>
/// <param name="Draws">Simulated outcomes behind every interval and probability.</param>
/// <param name="Seed">Seed of those simulations: the same count and seed always give the same snapshot.</param>
/// <param name="Coverage">Probability mass of the reported intervals (0.90 for 90% intervals).</param>
/// <param name="OwnSwingShare">
/// A choice with at least this share of the prior national vote gets a swing of its own; smaller ones, and choices
/// the prior did not have, share the swing of one pooled "other" group.
/// </param>
/// <param name="PriorSmoothing">Votes of the neighbourhood's prior mixed into a matched box's prior, so that a tiny box does not carry a zero.</param>
/// <param name="SmallAreaBoxes">Neighbourhoods with at most this many boxes (villages) are pooled apart from larger ones in their district.</param>
/// <param name="ConstituencyLevel">Geography level whose areas elect seats and are the unit of the simulations.</param>
public sealed record ProjectionOptions(
    int Draws = 400,
    int Seed = 1,
    double Coverage = 0.90,
    double OwnSwingShare = 0.01,
    double PriorSmoothing = 20,
    int SmallAreaBoxes = 2,
    string ConstituencyLevel = "constituency",
    string ProvinceLevel = "province")
{
    /// <summary>Geography levels not used for pooling swing (an electoral district mostly equals its province).</summary>
    public IReadOnlyList<string> SkipLevels { get; init; } = ["constituency"];

    /// <summary>
    /// Prior choice ids counted as a current choice (e.g. <c>dbp → hdp</c> when a party ran under another name).
    /// Choices are otherwise matched by id.
    /// </summary>
    public IReadOnlyDictionary<string, string> PriorAliases { get; init; } = new Dictionary<string, string>();

    /// <summary>Variance of a whole area's swing around its parent's when a level has too few counted areas to measure it.</summary>
    public double FallbackBetween { get; init; } = 0.02;

    /// <summary>Companion of <see cref="FallbackBetween"/>: spread that shrinks with the area's votes.</summary>
    public double FallbackWithin { get; init; } = 5;

    /// <summary>
    /// Prior variance (scaled) of how differently villages and larger neighbourhoods swing, nationally; the counted
    /// villages narrow it down. Until villages are counted it is the main shared uncertainty of an early projection.
    /// </summary>
    public double KindPrior { get; init; } = 0.01;

    /// <summary>Boxes of larger neighbourhoods with fewer registered voters than this swing on their own (see <c>docs/projection.md</c>).</summary>
    public int SpecialBoxVoters { get; init; } = 100;

    /// <summary>
    /// Swing as a shift of every share (uniform swing) instead of a ratio (proportional swing, the default: in a
    /// comparison on the 2015 pair, uniform swing under-projected the winner by 0.2 to 0.8 points at 10% counted).
    /// </summary>
    public bool UniformSwing { get; init; }

    /// <summary>Fewest counted areas of a level needed to measure its spread instead of using the fallbacks.</summary>
    public int MinAreasToFit { get; init; } = 12;

    /// <summary>
    /// Expect the uncounted boxes' turnout to keep drifting the way the counted boxes' did from the early to the late
    /// half, log-linearly in arrival rank: boxes with fewer voters are counted sooner, so turnout rises all night.
    /// </summary>
    public bool ExtrapolateTurnoutDrift { get; init; } = true;

    public static ProjectionOptions Default { get; } = new();
}
