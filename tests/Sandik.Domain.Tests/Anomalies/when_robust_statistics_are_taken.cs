using Sandik.Domain.Anomalies;
using Shouldly;
using Xunit;

namespace Sandik.Domain.Tests.Anomalies;

public sealed class when_robust_statistics_are_taken
{
    [Fact]
    public void the_median_of_an_odd_count_is_the_middle_value()
    {
        RobustStats.Median(new double[] { 9, 1, 5, 3, 7 }).ShouldBe(5);
    }

    [Fact]
    public void the_median_of_an_even_count_is_the_mean_of_the_two_middle_values()
    {
        RobustStats.Median(new double[] { 4, 1, 3, 2 }).ShouldBe(2.5);
        RobustStats.Median(new double[] { 7, 7, 7, 7 }).ShouldBe(7);
    }

    [Fact]
    public void nothing_has_no_median()
    {
        double.IsNaN(RobustStats.Median(Span<double>.Empty)).ShouldBeTrue();
    }

    [Fact]
    public void one_wild_value_moves_neither_median_nor_spread()
    {
        var (median, sigma) = RobustStats.MedianAndSigma(new double[] { 0.84, 0.86, 0.85, 0.83, 0.87, 5.0 });

        median.ShouldBe(0.855, 1e-12);
        // |deviations| 0.015, 0.005, 0.005, 0.025, 0.015, 4.145: median 0.015, times 1.4826.
        sigma.ShouldBe(0.015 * 1.4826, 1e-12);
    }

    [Fact]
    public void selection_finds_every_order_statistic()
    {
        var random = new Random(3);
        var values = Enumerable.Range(0, 101).Select(_ => random.NextDouble()).ToArray();
        var sorted = values.Order().ToArray();
        for (var k = 0; k < values.Length; k += 10)
            Sandik.Domain.Statistics.Selection.Select(values.ToArray(), k).ShouldBe(sorted[k]);
    }
}
