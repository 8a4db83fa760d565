using Sandik.Domain.Submissions;
using Sandik.Domain.Tallies;

namespace Sandik.Domain.Projection.Backtest;

/// <summary>What the count finally said: counted through an ordinary live race, so that it is the same arithmetic the night shows.</summary>
internal sealed record FinalResult(double[] Shares, double Turnout, int[] Seats)
{
    public static FinalResult Of(BacktestInput input)
    {
        var live = new LiveRace(input.Election, input.Race, input.Geography, input.Sources);
        var sequence = 0L;
        for (var b = 0; b < input.Truth.Count; b++)
        {
            if (input.Truth[b] is not { } tally) continue;
            live.Apply(new LoggedSubmission(++sequence, DateTimeOffset.UnixEpoch, input.Sources.Sources[0].Id, null, input.Race.Id,
                input.Geography.Boxes[b].Code, null, null, tally, [], null));
        }
        var view = SourceView.All(input.Sources);
        var totals = live.Totals(0, view);
        var shares = new double[input.Race.Choices.Count];
        for (var k = 0; k < shares.Length; k++) shares[k] = totals.Share(k);
        var turnout = totals.RegisteredTotal > 0 ? (double)totals.Voted / totals.RegisteredTotal : 0;
        int[] seats = [];
        if (input.Race.Seats is not null && input.Geography.LevelOf("constituency") >= 0)
        {
            try
            {
                seats = LiveSeats.Allocate(live, view).Seats;
            }
            catch (ArgumentException)
            {
                seats = [];
            }
        }
        return new FinalResult(shares, turnout, seats);
    }
}
