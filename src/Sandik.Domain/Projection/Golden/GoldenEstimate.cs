namespace Sandik.Domain.Projection.Golden;

/// <summary>The quick count from the golden boxes reported so far.</summary>
/// <param name="BoxesReported">Sampled boxes with a counted tally.</param>
/// <param name="StrataReported">Strata with at least one reported box; the others are filled in as described per estimator.</param>
/// <param name="Choices">Per choice, in ballot order.</param>
public sealed record GoldenEstimate(int BoxesReported, int BoxesInSample, int StrataReported, int StrataTotal, IReadOnlyList<GoldenChoiceEstimate> Choices)
{
    /// <summary>The confidence of every margin (0.95).</summary>
    public const double Confidence = 0.95;
}

/// <summary>One choice's national share by the two estimators, each with its margin of error at 95% confidence.</summary>
/// <param name="Ratio">Stratified (combined) ratio estimator of the share; strata with nothing reported are left out.</param>
/// <param name="Regression">
/// Combined regression estimator on the prior-expected votes of each box; a stratum with fewer than two boxes
/// reported is predicted from its prior total, with the variance of a stratum of one box.
/// </param>
public sealed record GoldenChoiceEstimate(string ChoiceId, double Ratio, double RatioMargin, double Regression, double RegressionMargin);
