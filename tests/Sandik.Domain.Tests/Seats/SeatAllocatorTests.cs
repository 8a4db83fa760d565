using Sandik.Domain.Seats;
using Shouldly;
using Xunit;

namespace Sandik.Domain.Tests.Seats;

public sealed class SeatAllocatorTests
{
    private static readonly SeatCandidate A = new("a", SeatEligibility.Party);
    private static readonly SeatCandidate B = new("b", SeatEligibility.Party);
    private static readonly SeatCandidate C = new("c", SeatEligibility.Party);

    private static SeatRules Rules(double threshold, params (string Code, int Magnitude)[] districts) =>
        Rules(threshold, new Dictionary<string, long>(), districts);

    private static SeatRules Rules(double threshold, Dictionary<string, long> abroad, params (string Code, int Magnitude)[] districts) =>
        new(districts.Sum(d => d.Magnitude), threshold, [.. districts.Select(d => new Constituency(d.Code, d.Code, d.Magnitude))], abroad);

    [Fact]
    public void Allocates_each_constituency_by_dhondt_and_adds_up_nationally()
    {
        var rules = Rules(0.10, ("x", 5), ("y", 3));
        var votes = new Dictionary<string, double[]> { ["x"] = [520, 480, 0], ["y"] = [100, 300, 200] };

        var result = SeatAllocator.Allocate(rules, [A, B, C], votes);

        result.ConstituencySeats["x"].ShouldBe([3, 2, 0]);
        result.ConstituencySeats["y"].ShouldBe([0, 2, 1]);
        result.Seats.ShouldBe([3, 4, 1]);
        result.AllocatedSeats.ShouldBe(8);
        result.Votes.ShouldBe([620, 780, 200]);
        result.Shares[2].ShouldBe(200.0 / 1600, 1e-12);
    }

    [Fact]
    public void Gives_no_seat_to_a_party_below_the_national_threshold_even_where_it_leads()
    {
        var rules = Rules(0.10, ("x", 2), ("y", 2));
        var votes = new Dictionary<string, double[]> { ["x"] = [1000, 800, 50], ["y"] = [100, 60, 150] };

        var result = SeatAllocator.Allocate(rules, [A, B, C], votes);

        result.PassedThreshold.ShouldBe([true, true, false]);
        result.ConstituencySeats["y"].ShouldBe([1, 1, 0]);
        result.SeatsOf("c").ShouldBe(0);
    }

    [Fact]
    public void Fails_a_party_whose_share_is_exactly_the_threshold()
    {
        var rules = Rules(0.10, ("x", 3));
        var votes = new Dictionary<string, double[]> { ["x"] = [900, 100] };

        SeatAllocator.Allocate(rules, [A, B], votes).PassedThreshold.ShouldBe([true, false]);
    }

    [Fact]
    public void Seats_an_independent_below_the_national_threshold_in_its_own_constituency()
    {
        var independent = new SeatCandidate("ind", SeatEligibility.Independent);
        var rules = Rules(0.10, ("x", 10), ("y", 3));
        var votes = new Dictionary<string, double[]> { ["x"] = [5000, 4000, 0], ["y"] = [200, 120, 180] };

        var result = SeatAllocator.Allocate(rules, [A, B, independent], votes);

        result.Shares[2].ShouldBeLessThan(0.10);
        result.PassedThreshold[2].ShouldBeFalse();
        result.ConstituencySeats["y"].ShouldBe([1, 1, 1]);
    }

    [Fact]
    public void Never_seats_a_choice_that_is_not_eligible_even_with_the_most_votes()
    {
        var allIndependents = new SeatCandidate("bagimsiz", SeatEligibility.NotEligible);
        var rules = Rules(0.10, ("x", 2));
        var votes = new Dictionary<string, double[]> { ["x"] = [300, 200, 900] };

        var result = SeatAllocator.Allocate(rules, [A, B, allIndependents], votes);

        result.Seats.ShouldBe([1, 1, 0]);
    }

    [Fact]
    public void Spreads_abroad_votes_over_constituencies_by_their_share_of_domestic_valid_votes()
    {
        // x holds 60% of the domestic valid votes, so it receives 600 of b's 1000 abroad votes and y the other 400.
        var rules = Rules(0.10, new Dictionary<string, long> { ["b"] = 1000 }, ("x", 1), ("y", 1));
        var votes = new Dictionary<string, double[]> { ["x"] = [350, 250], ["y"] = [250, 150] };

        var withAbroad = SeatAllocator.Allocate(rules, [A, B], votes);
        var without = SeatAllocator.Allocate(rules with { AbroadVotes = new Dictionary<string, long>() }, [A, B], votes);

        withAbroad.Seats.ShouldBe([0, 2]);
        withAbroad.Votes.ShouldBe([600, 1400]);
        without.Seats.ShouldBe([2, 0]);
    }

    [Fact]
    public void Counts_abroad_votes_towards_the_national_threshold()
    {
        var rules = Rules(0.10, new Dictionary<string, long> { ["b"] = 100 }, ("x", 2));
        var votes = new Dictionary<string, double[]> { ["x"] = [950, 50] };

        SeatAllocator.Allocate(rules, [A, B], votes).PassedThreshold.ShouldBe([true, true]);
    }

    [Fact]
    public void Leaves_the_seats_of_a_constituency_without_votes_unallocated()
    {
        var rules = Rules(0.10, ("x", 2), ("y", 3));
        var votes = new Dictionary<string, double[]> { ["x"] = [60, 40] };

        var result = SeatAllocator.Allocate(rules, [A, B], votes);

        result.AllocatedSeats.ShouldBe(2);
        result.ConstituencySeats["y"].ShouldBe([0, 0]);
    }

    [Fact]
    public void Rejects_inputs_that_contradict_the_rules()
    {
        var rules = Rules(0.10, ("x", 2));
        Should.Throw<ArgumentException>(() => SeatAllocator.Allocate(rules with { TotalSeats = 3 }, [A, B], new Dictionary<string, double[]>()));
        Should.Throw<ArgumentException>(() => SeatAllocator.Allocate(rules, [A, B], new Dictionary<string, double[]> { ["z"] = [1, 1] }));
        Should.Throw<ArgumentException>(() => SeatAllocator.Allocate(rules, [A, B], new Dictionary<string, double[]> { ["x"] = [1] }));
        Should.Throw<ArgumentException>(() => SeatAllocator.Allocate(rules with { AbroadVotes = new Dictionary<string, long> { ["q"] = 5 } }, [A, B], new Dictionary<string, double[]>()));
        Should.Throw<ArgumentException>(() => SeatAllocator.Allocate(rules, [A, A], new Dictionary<string, double[]>()));
    }
}
