using Sandik.Domain.Seats;
using Shouldly;
using Xunit;

namespace Sandik.Domain.Tests.Seats;

public sealed class OfficialSeatsTests
{
    [Fact]
    public void Allocates_november_2015_seats_exactly_as_official()
    {
        var result = Allocate(OfficialSeatInput.Load("tr-2015-11-general"));

        SeatsWon(result).ShouldBe([("ak_parti", 317), ("chp", 134), ("mhp", 40), ("hdp", 59)]);
    }

    [Fact]
    public void Allocates_june_2015_seats_exactly_as_official()
    {
        var result = Allocate(OfficialSeatInput.Load("tr-2015-06-general"));

        SeatsWon(result).ShouldBe([("ak_parti", 258), ("chp", 132), ("mhp", 80), ("hdp", 80)]);
    }

    [Fact]
    public void Counts_november_2015_national_votes_and_shares_as_official()
    {
        var result = Allocate(OfficialSeatInput.Load("tr-2015-11-general"));

        // Official national results, abroad included: AK Parti 23,681,926 (49.50%), HDP 5,148,085 (10.76%).
        result.Votes[Index(result, "ak_parti")].ShouldBe(23_681_926);
        result.Votes[Index(result, "hdp")].ShouldBe(5_148_085);
        Math.Round(result.Shares[Index(result, "hdp")] * 100, 2).ShouldBe(10.76);
        result.PassedThreshold.Count(p => p).ShouldBe(4);
    }

    [Fact]
    public void Misses_the_official_november_2015_seats_when_abroad_votes_are_left_out()
    {
        var input = OfficialSeatInput.Load("tr-2015-11-general");
        var result = Allocate(input with { Rules = input.Rules with { AbroadVotes = new Dictionary<string, long>() } });

        // Abroad votes decide several close last seats; without them AK Parti loses three.
        result.SeatsOf("ak_parti").ShouldBe(314);
        result.AllocatedSeats.ShouldBe(550);
    }

    private static SeatAllocation Allocate(OfficialSeatInput input) =>
        SeatAllocator.Allocate(input.Rules, input.Candidates, input.DomesticVotes);

    private static int Index(SeatAllocation result, string id) => result.Candidates.ToList().FindIndex(c => c.Id == id);

    // Every choice that won a seat, in the race's order.
    private static (string Id, int Seats)[] SeatsWon(SeatAllocation result) =>
        [.. result.Candidates.Select((c, i) => (c.Id, result.Seats[i])).Where(x => x.Item2 > 0)];
}
