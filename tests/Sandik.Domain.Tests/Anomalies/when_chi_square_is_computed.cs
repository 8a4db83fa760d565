using Sandik.Domain.Anomalies.Forensics;
using Shouldly;
using Xunit;

namespace Sandik.Domain.Tests.Anomalies;

public sealed class when_chi_square_is_computed
{
    [Theory]
    // Critical values from statistical tables: P(χ²_k ≥ x) = p.
    [InlineData(3.841458820694124, 1, 0.05)]
    [InlineData(6.634896601021214, 1, 0.01)]
    [InlineData(16.918977604620448, 9, 0.05)]
    [InlineData(21.665994333461924, 9, 0.01)]
    [InlineData(27.877164871256568, 9, 0.001)]
    [InlineData(18.307038053275146, 10, 0.05)]
    [InlineData(124.34211340400407, 100, 0.05)]
    public void the_upper_tail_matches_the_tables(double x, int degreesOfFreedom, double p)
    {
        ChiSquare.UpperTail(x, degreesOfFreedom).ShouldBe(p, 1e-9);
    }

    [Fact]
    public void two_degrees_of_freedom_are_an_exponential()
    {
        foreach (var x in new[] { 0.1, 1.0, 2.0, 10.0, 50.0 })
            ChiSquare.UpperTail(x, 2).ShouldBe(Math.Exp(-x / 2), 1e-12);
    }

    [Fact]
    public void the_median_of_ten_degrees_of_freedom_is_where_the_distribution_is_one_half()
    {
        ChiSquare.Cdf(9.34181776559197, 10).ShouldBe(0.5, 1e-9);
    }

    [Fact]
    public void the_regularized_gamma_functions_add_up_to_one_and_know_their_edges()
    {
        ChiSquare.RegularizedGammaP(1, 3).ShouldBe(1 - Math.Exp(-3), 1e-12);
        (ChiSquare.RegularizedGammaP(4.5, 2.2) + ChiSquare.RegularizedGammaQ(4.5, 2.2)).ShouldBe(1, 1e-12);
        ChiSquare.RegularizedGammaP(3, 0).ShouldBe(0);
        ChiSquare.UpperTail(0, 9).ShouldBe(1);
        ChiSquare.UpperTail(400, 9).ShouldBeLessThan(1e-70);
    }

    [Fact]
    public void log_gamma_matches_factorials()
    {
        ChiSquare.LogGamma(5).ShouldBe(Math.Log(24), 1e-12);
        ChiSquare.LogGamma(0.5).ShouldBe(Math.Log(Math.Sqrt(Math.PI)), 1e-12);
        ChiSquare.LogGamma(101).ShouldBe(363.73937555556347, 1e-9);
    }

    [Theory]
    // Standard normal table values: Φ(z) = p.
    [InlineData(0.0, 0.5)]
    [InlineData(1.959963984540054, 0.975)]
    [InlineData(-1.6448536269514722, 0.05)]
    [InlineData(2.3263478740408408, 0.99)]
    [InlineData(-3.090232306167813, 0.001)]
    public void the_normal_distribution_is_half_a_chi_square_tail_on_each_side(double z, double p)
    {
        StandardNormal.Cdf(z).ShouldBe(p, 1e-9);
        StandardNormal.Quantile(p).ShouldBe(z, 1e-8);
    }

    [Fact]
    public void a_probability_outside_zero_and_one_has_no_normal_quantile()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => StandardNormal.Quantile(1));
        Should.Throw<ArgumentOutOfRangeException>(() => StandardNormal.Quantile(0));
    }
}
