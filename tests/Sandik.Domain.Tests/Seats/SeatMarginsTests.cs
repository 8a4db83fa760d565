using Sandik.Domain.Seats;
using Shouldly;
using Xunit;

namespace Sandik.Domain.Tests.Seats;

public sealed class SeatMarginsTests
{
    private static readonly SeatCandidate[] Parties =
        [new("a", SeatEligibility.Party), new("b", SeatEligibility.Party), new("c", SeatEligibility.Party), new("ind", SeatEligibility.Independent)];

    private static SeatRules Rules(params (string Code, int Magnitude)[] districts) =>
        new(districts.Sum(d => d.Magnitude), 0.10, [.. districts.Select(d => new Constituency(d.Code, d.Code, d.Magnitude))], new Dictionary<string, long>());

    [Fact]
    public void The_votes_to_move_are_the_fewest_that_hand_the_last_seat_over()
    {
        var rules = Rules(("x", 5), ("y", 3), ("z", 4));
        var votes = new Dictionary<string, double[]>
        {
            ["x"] = [5_210, 4_790, 1_020, 0],
            ["y"] = [1_000, 3_000, 2_010, 0],
            ["z"] = [4_000, 2_600, 700, 2_100],
        };
        var allocation = SeatAllocator.Allocate(rules, Parties, votes);

        var margins = SeatMargins.LastSeats(rules, allocation, votes);

        margins.Count.ShouldBe(3);
        margins.Select(m => m.VotesToMove).ShouldBeInOrder(SortDirection.Ascending);
        foreach (var margin in margins)
        {
            var code = margin.Constituency.Code;
            var won = allocation.ConstituencySeats[code];
            won[margin.Holder].ShouldBe(margin.HolderSeats);
            margin.QuotientGap.ShouldBeGreaterThanOrEqualTo(0);
            // Moving one vote fewer than the margin leaves the seats as they are; the margin itself moves the seat.
            SeatsAfterMoving(rules, votes, code, margin, margin.VotesToMove - 1)[margin.Challenger].ShouldBe(won[margin.Challenger], code);
            var moved = SeatsAfterMoving(rules, votes, code, margin, margin.VotesToMove);
            moved[margin.Challenger].ShouldBe(won[margin.Challenger] + 1, code);
            moved[margin.Holder].ShouldBe(won[margin.Holder] - 1, code);
            // New votes for the challenger alone: the same test.
            SeatsAfterGaining(rules, votes, code, margin, margin.VotesToGain - 1)[margin.Challenger].ShouldBe(won[margin.Challenger], code);
            SeatsAfterGaining(rules, votes, code, margin, margin.VotesToGain)[margin.Challenger].ShouldBe(won[margin.Challenger] + 1, code);
        }
    }

    [Fact]
    public void An_independent_with_its_seat_is_not_next_in_line_and_a_party_below_the_threshold_never_is()
    {
        var rules = Rules(("x", 3), ("y", 3));
        // c is below the national threshold; the independent wins its one seat in x and can win no second.
        var votes = new Dictionary<string, double[]>
        {
            ["x"] = [3_000, 2_000, 200, 2_900],
            ["y"] = [2_000, 1_900, 900, 0],
        };
        var allocation = SeatAllocator.Allocate(rules, Parties, votes);
        allocation.PassedThreshold[2].ShouldBeFalse();

        var margins = SeatMargins.LastSeats(rules, allocation, votes).ToDictionary(m => m.Constituency.Code);

        allocation.ConstituencySeats["x"].ShouldBe([1, 1, 0, 1]);
        margins["x"].Challenger.ShouldBe(0);
        margins["y"].Challenger.ShouldNotBe(2);
    }

    [Fact]
    public void The_threshold_margin_counts_the_partys_own_votes_in_the_denominator()
    {
        var rules = Rules(("x", 3));
        var votes = new Dictionary<string, double[]> { ["x"] = [6_000, 3_100, 900, 0] };
        var allocation = SeatAllocator.Allocate(rules, Parties, votes);

        var margins = SeatMargins.Threshold(rules, allocation);

        margins.Select(m => m.Candidate).ShouldBe([0, 1, 2]);
        margins[2].Passed.ShouldBeFalse();
        // c needs x with (900 + x) / (10,000 + x) > 0.10: x > 111.1.
        margins[2].Spare.ShouldBe(-1_000.0 / 9, 1e-9);
        margins[1].Spare.ShouldBe(2_100 / 0.9, 1e-9);
        ((margins[2].Votes - margins[2].Spare) / (allocation.Votes.Sum() - margins[2].Spare)).ShouldBe(0.10, 1e-12);
    }

    [Fact]
    public void The_closest_last_seat_of_november_2015_went_to_chp_in_mersin_by_25_votes_over_hdp()
    {
        var input = OfficialSeatInput.Load("tr-2015-11-general");
        var allocation = SeatAllocator.Allocate(input.Rules, input.Candidates, input.DomesticVotes);

        var margins = SeatMargins.LastSeats(input.Rules, allocation, input.DomesticVotes);

        margins.Count.ShouldBe(85);
        var closest = margins.MinBy(m => m.QuotientGap)!;
        closest.Constituency.Name.ShouldBe("Mersin");
        input.Candidates[closest.Holder].Id.ShouldBe("chp");
        input.Candidates[closest.Challenger].Id.ShouldBe("hdp");
        Math.Round(closest.QuotientGap).ShouldBe(25);
        // Every constituency's last seat is held by one of the four parties that passed the threshold.
        margins.Select(m => input.Candidates[m.Holder].Id).Distinct().Order().ShouldBe(["ak_parti", "chp", "hdp", "mhp"]);
    }

    [Fact]
    public void The_closest_last_seat_of_june_2015_went_to_mhp_in_samsun_by_164_votes_over_ak_parti()
    {
        var input = OfficialSeatInput.Load("tr-2015-06-general");
        var allocation = SeatAllocator.Allocate(input.Rules, input.Candidates, input.DomesticVotes);

        var closest = SeatMargins.LastSeats(input.Rules, allocation, input.DomesticVotes).MinBy(m => m.QuotientGap)!;

        closest.Constituency.Name.ShouldBe("Samsun");
        input.Candidates[closest.Holder].Id.ShouldBe("mhp");
        input.Candidates[closest.Challenger].Id.ShouldBe("ak_parti");
        Math.Round(closest.QuotientGap).ShouldBe(164);
    }

    [Fact]
    public void Hdp_passed_the_november_2015_threshold_with_about_404_thousand_votes_to_spare()
    {
        var input = OfficialSeatInput.Load("tr-2015-11-general");
        var allocation = SeatAllocator.Allocate(input.Rules, input.Candidates, input.DomesticVotes);

        var hdp = SeatMargins.Threshold(input.Rules, allocation).Single(m => input.Candidates[m.Candidate].Id == "hdp");

        // Official: 5,148,085 of 47,840,231 valid votes; (5,148,085 − 4,784,023.1) / 0.9.
        hdp.Passed.ShouldBeTrue();
        hdp.Spare.ShouldBe((5_148_085 - 0.1 * 47_840_231) / 0.9, 1e-6);
    }

    [Fact]
    public void The_votes_to_move_hold_whatever_the_other_contestants_do()
    {
        // Whoever else stands, the voters to move are exact: at the point where the challenger's next quotient passes
        // the holder's last one, both lie above every other contestant's next quotient (the challenger's was the
        // highest of those to begin with, and only rises), so no third contestant can take the seat first.
        var random = new Random(2015);
        var checkedDistricts = 0;
        for (var round = 0; round < 400; round++)
        {
            var magnitude = random.Next(2, 12);
            var rules = Rules(("x", magnitude));
            var votes = new Dictionary<string, double[]>
            {
                ["x"] = [random.Next(1_000, 60_000), random.Next(1_000, 60_000), random.Next(1_000, 60_000), random.Next(0, 2) * random.Next(1_000, 30_000)],
            };
            var allocation = SeatAllocator.Allocate(rules, Parties, votes);
            if (SeatMargins.LastSeats(rules, allocation, votes) is not [var margin]) continue;
            var won = allocation.ConstituencySeats["x"];
            SeatsAfterMoving(rules, votes, "x", margin, margin.VotesToMove - 1)[margin.Challenger].ShouldBe(won[margin.Challenger], $"round {round}");
            var moved = SeatsAfterMoving(rules, votes, "x", margin, margin.VotesToMove);
            moved[margin.Challenger].ShouldBe(won[margin.Challenger] + 1, $"round {round}");
            moved[margin.Holder].ShouldBe(won[margin.Holder] - 1, $"round {round}: the seat comes from the holder, not from a third contestant");
            checkedDistricts++;
        }
        checkedDistricts.ShouldBeGreaterThan(300);
    }

    private static int[] SeatsAfterMoving(SeatRules rules, Dictionary<string, double[]> votes, string code, SeatMargin margin, long moved) =>
        Reallocate(rules, votes, code, v => { v[margin.Holder] -= moved; v[margin.Challenger] += moved; });

    private static int[] SeatsAfterGaining(SeatRules rules, Dictionary<string, double[]> votes, string code, SeatMargin margin, long gained) =>
        Reallocate(rules, votes, code, v => v[margin.Challenger] += gained);

    // The constituency counted again with its votes changed, at the original allocation's threshold outcome.
    private static int[] Reallocate(SeatRules rules, Dictionary<string, double[]> votes, string code, Action<double[]> change)
    {
        var local = (double[])votes[code].Clone();
        change(local);
        var caps = SeatAllocator.Allocate(rules, Parties, votes).PassedThreshold.Select((p, i) => Parties[i].Eligibility == SeatEligibility.Independent ? 1 : p ? int.MaxValue : 0).ToArray();
        return DHondt.Allocate(local, rules.Constituencies.Single(c => c.Code == code).Magnitude, caps);
    }
}
