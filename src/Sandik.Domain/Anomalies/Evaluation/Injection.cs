namespace Sandik.Domain.Anomalies.Evaluation;

/// <summary>How the size of a manipulation is measured.</summary>
public enum SizeMeasure
{
    /// <summary>Ballots added, as a share of the box's registered voters.</summary>
    ShareOfRegistered,
    /// <summary>Votes moved, as a share of the box's valid votes.</summary>
    ShareOfValid,
    /// <summary>The largest change of any count on the sheet, in votes.</summary>
    Votes,
}

/// <summary>A kind of manipulation an injector produces.</summary>
/// <param name="Id">Stable id, e.g. <c>stuffing</c>, <c>ramp-stuffing</c>.</param>
public sealed record ManipulationKind(string Id, SizeMeasure Measure, string Description)
{
    /// <summary>The report's size class of a manipulation of this kind.</summary>
    public string SizeClass(double size) => Measure switch
    {
        SizeMeasure.Votes => size switch { < 20 => "<20 votes", < 50 => "20-49 votes", < 100 => "50-99 votes", _ => "100+ votes" },
        _ => size switch { < 0.05 => "2-5%", < 0.10 => "5-10%", _ => "10-20%" },
    };
}

/// <summary>One manipulated box.</summary>
/// <param name="Size">A share (of registered or of valid votes) or a number of votes, per the kind's measure.</param>
/// <param name="VotesChanged">The largest change of any count on the sheet.</param>
/// <param name="SamplingDistance">The change in spreads of an honest count's sampling noise (see <see cref="Sheet.SamplingDistance"/>).</param>
public sealed record Injection(int Box, ManipulationKind Kind, double Size, int VotesChanged, double SamplingDistance)
{
    public string SizeClass => Kind.SizeClass(Size);

    /// <summary>
    /// The chance that an oracle finds this box within a review budget: a detector that knew the box's honest
    /// expected counts exactly and the shape of the change, facing only the sampling noise of the count, and
    /// flagging the given share of honest boxes. Its one-sided test flags when the box lies beyond Φ⁻¹(1 − budget)
    /// spreads, so it finds the box with chance Φ(distance − Φ⁻¹(1 − budget)). No detector knows as much; it is the
    /// reference for what the size of a change allows.
    /// </summary>
    public double OracleRecall(double budget) => OracleRecallBeyond(Forensics.StandardNormal.Quantile(1 - budget));

    /// <summary><see cref="OracleRecall"/> with the budget's threshold Φ⁻¹(1 − budget) already worked out.</summary>
    public double OracleRecallBeyond(double threshold) =>
        double.IsPositiveInfinity(SamplingDistance) ? 1 : Forensics.StandardNormal.Cdf(SamplingDistance - threshold);
}
