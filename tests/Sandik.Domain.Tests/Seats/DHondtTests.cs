using Sandik.Domain.Seats;
using Shouldly;
using Xunit;

namespace Sandik.Domain.Tests.Seats;

public sealed class DHondtTests
{
    [Fact]
    public void Allocates_the_textbook_example_four_three_one_none()
    {
        // Quotients 100k 80k 50k 40k 33.3k 30k 26.7k 25k take the 8 seats; D's 20k would only tie for the ninth.
        DHondt.Allocate([100_000, 80_000, 30_000, 20_000], 8).ShouldBe([4, 3, 1, 0]);
    }

    [Fact]
    public void Gives_every_seat_to_a_lone_contestant()
    {
        DHondt.Allocate([5, 0, 0], 3).ShouldBe([3, 0, 0]);
    }

    [Fact]
    public void Favours_large_parties_over_proportional_shares()
    {
        // 52% / 48% of 5 seats is 2.6 / 2.4, but D'Hondt gives the larger party 3.
        DHondt.Allocate([52, 48], 5).ShouldBe([3, 2]);
    }

    [Fact]
    public void Settles_an_equal_quotient_in_favour_of_more_votes()
    {
        // Third seat: 300/3 = 100 against 100/1 = 100.
        DHondt.Allocate([100, 300], 3).ShouldBe([0, 3]);
    }

    [Fact]
    public void Settles_equal_quotients_and_equal_votes_in_favour_of_the_earlier_contestant()
    {
        DHondt.Allocate([100, 100], 3).ShouldBe([2, 1]);
        DHondt.Allocate([100, 100], 1).ShouldBe([1, 0]);
    }

    [Fact]
    public void Ties_fractional_votes_exactly_as_whole_ones()
    {
        DHondt.Allocate([2.5, 1.25], 3).ShouldBe([2, 1]);
    }

    [Fact]
    public void Never_seats_a_contestant_capped_at_zero()
    {
        DHondt.Allocate([1000, 500, 200], 4, [0, int.MaxValue, int.MaxValue]).ShouldBe([0, 3, 1]);
    }

    [Fact]
    public void Gives_an_independent_at_most_one_seat_however_many_votes()
    {
        DHondt.Allocate([100, 1000], 3, [int.MaxValue, 1]).ShouldBe([2, 1]);
    }

    [Fact]
    public void Seats_an_independent_only_when_it_beats_the_party_quotients()
    {
        // Party quotients 900, 450, 300; the independent's 350 beats the third.
        DHondt.Allocate([900, 350], 3, [int.MaxValue, 1]).ShouldBe([2, 1]);
        DHondt.Allocate([900, 250], 3, [int.MaxValue, 1]).ShouldBe([3, 0]);
    }

    [Fact]
    public void Leaves_seats_empty_when_nobody_has_votes()
    {
        DHondt.Allocate([0, 0], 2).ShouldBe([0, 0]);
        DHondt.Allocate([10, 20], 3, [1, 1]).ShouldBe([1, 1]);
    }

    [Fact]
    public void Rejects_negative_votes_and_mismatched_caps()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => DHondt.Allocate([10, -1], 1));
        Should.Throw<ArgumentOutOfRangeException>(() => DHondt.Allocate([10, double.NaN], 1));
        Should.Throw<ArgumentException>(() => DHondt.Allocate([10, 20], 1, [1]));
    }
}
