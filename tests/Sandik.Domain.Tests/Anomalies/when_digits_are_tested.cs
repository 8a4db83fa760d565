using Sandik.Domain.Anomalies;
using Sandik.Domain.Anomalies.Forensics;
using Shouldly;
using Xunit;

namespace Sandik.Domain.Tests.Anomalies;

public sealed class when_digits_are_tested
{
    [Fact]
    public void benford_second_digits_have_the_published_shares()
    {
        DigitTests.SecondDigitShares.Sum().ShouldBe(1, 1e-12);
        DigitTests.SecondDigitShares[0].ShouldBe(0.11968, 1e-5);
        DigitTests.SecondDigitShares[9].ShouldBe(0.08500, 1e-5);
        DigitTests.SecondDigitShares.Select((p, d) => p * d).Sum().ShouldBe(4.187, 1e-3);
    }

    [Fact]
    public void the_second_digit_is_read_from_the_left()
    {
        DigitTests.SecondDigitOf(10).ShouldBe(0);
        DigitTests.SecondDigitOf(47).ShouldBe(7);
        DigitTests.SecondDigitOf(382).ShouldBe(8);
        DigitTests.SecondDigitOf(1905).ShouldBe(9);
    }

    [Fact]
    public void evenly_spread_last_digits_pass_and_invented_round_numbers_fail()
    {
        var honest = DigitTests.LastDigit(Enumerable.Range(10, 1000));
        var invented = DigitTests.LastDigit(Enumerable.Range(1, 300).Select(i => i % 3 == 0 ? i * 10 : 10 + i));

        honest.Numbers.ShouldBe(910);
        honest.ChiSquare.ShouldBe(0);
        honest.PValue.ShouldBe(1);
        honest.Rejects().ShouldBeFalse();
        invented.Rejects().ShouldBeTrue();
        invented.Observed[0].ShouldBeGreaterThan(90);
    }

    [Fact]
    public void counts_too_small_for_a_test_are_left_out()
    {
        var second = DigitTests.SecondDigit([1, 5, 9, 12, 250]);
        var last = DigitTests.LastDigit([1, 5, 9, 12, 99, 250]);

        second.Numbers.ShouldBe(2);
        second.Observed[2].ShouldBe(1);
        second.Observed[5].ShouldBe(1);
        second.DegreesOfFreedom.ShouldBe(9);
        last.Numbers.ShouldBe(1);
        last.Observed[0].ShouldBe(1);
    }

    [Fact]
    public void the_statistic_is_pearsons_chi_square_worked_by_hand()
    {
        // 100 counts whose second digit is 0: (100 − 100·p0)²/(100·p0) + Σ over the other digits of 100·p_d,
        // which comes to 100·(1 − p0)/p0.
        var zeros = DigitTests.SecondDigit(Enumerable.Repeat(10, 60).Concat(Enumerable.Repeat(207, 40)));
        var p0 = DigitTests.SecondDigitShares[0];

        zeros.Numbers.ShouldBe(100);
        zeros.ChiSquare.ShouldBe(100 * (1 - p0) / p0, 1e-9);
        zeros.ChiSquare.ShouldBe(735.56, 0.01);
        zeros.Mean.ShouldBe(0);
        zeros.ExpectedMean.ShouldBe(4.187, 1e-3);
        zeros.PValue.ShouldBeLessThan(1e-100);

        // 200 counts of 100 or more, half ending in 0 and half in 5, against 20 expected for each digit:
        // 2·(100 − 20)²/20 + 8·20²/20 = 800, mean digit 2.5.
        var rounded = DigitTests.LastDigit(Enumerable.Range(0, 200).Select(i => 100 + 5 * i));
        rounded.ChiSquare.ShouldBe(800, 1e-9);
        rounded.Mean.ShouldBe(2.5, 1e-12);
        rounded.Rejects().ShouldBeTrue();

        // Exactly the expected counts: nothing to reject.
        var even = DigitTests.LastDigit(Enumerable.Range(100, 50));
        even.ChiSquare.ShouldBe(0, 1e-12);
        even.PValue.ShouldBe(1, 1e-12);
    }

    [Fact]
    public void a_fingerprint_counts_every_box_once_and_finds_the_stuffed_corner()
    {
        var e = new SyntheticElection();
        var counts = e.Counts.Clone();
        var boxes = Enumerable.Range(0, counts.BoxCount).ToList();
        foreach (var box in boxes.Take(16))
        {
            var votes = new int[4];
            votes[0] = counts.Registered(box) - 2;
            counts.Set(box, counts.Registered(box), counts.Registered(box), votes[0], 2, votes);
        }

        var print = Fingerprints.Of(e.Geography, e.Race, counts, e.Geography.Root, boxes, bins: 20);

        print.Cells.Sum().ShouldBe(320);
        print.Boxes.ShouldBe(320);
        print.Choice.ShouldBe("P");
        print.CornerShare.ShouldBe(16 / 320.0, 1e-12);
        print[19, 19].ShouldBe(16);
        print.Correlation.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void areas_of_a_level_are_tested_one_by_one()
    {
        var e = new SyntheticElection();

        var districts = ForensicsScan.ByArea(e.Geography, e.Race, e.Counts, "district");

        districts.Count.ShouldBe(4);
        districts.ShouldAllBe(d => d.Boxes == 80 && d.Province != null && d.SecondDigit.Numbers > 200 && d.LastDigit.Numbers > 50);
        Should.Throw<ArgumentException>(() => ForensicsScan.ByArea(e.Geography, e.Race, e.Counts, "galaxy"));
    }
}
