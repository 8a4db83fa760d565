namespace Sandik.Domain.Anomalies;

/// <summary>
/// Why a box looks suspicious, in words a province chair understands.
/// </summary>
/// <param name="Code">Stable code, e.g. <c>turnout.high</c> or <c>pattern.extra-ballots</c> (see docs/anomalies.md).</param>
/// <param name="Surprise">−log10 of how rare this is among boxes: 2 is one box in a hundred, 4 one in ten thousand.</param>
/// <param name="Text">The sentence in Turkish and in English.</param>
/// <param name="Observed">The box's value (a ratio or a count), when the reason compares one.</param>
/// <param name="Expected">What its peers suggest.</param>
/// <param name="Z">The departure in robust spreads, for statistical reasons.</param>
/// <param name="Votes">The votes involved (excess voters, estimated extra ballots, the gap between sources...).</param>
public sealed record AnomalyReason(
    string Code,
    AnomalyCheck Check,
    double Surprise,
    LocalizedText Text,
    double? Observed = null,
    double? Expected = null,
    double? Z = null,
    int? Votes = null);
