using Sandik.Domain.Reconciliation;
using Sandik.Domain.Geography;
using Sandik.Domain.Tallies;

namespace Sandik.Server.Ui;

/// <summary>One line of a drill-down table: an area's totals, or one ballot box's counted tally.</summary>
/// <param name="Status">The box's status, for box rows; null for area rows.</param>
public sealed record AreaRow(string Code, string Name, long Boxes, long BoxesTotal, long Registered, long Voted, long Valid, long Invalid,
    long[] Votes, long Confirmed, long Conflicts, BoxStatus? Status)
{
    public double Turnout => Registered == 0 ? 0 : (double)Voted / Registered;

    public double CountedShare => BoxesTotal == 0 ? 0 : (double)Boxes / BoxesTotal;

    public double Share(int choice) => Valid == 0 ? 0 : (double)Votes[choice] / Valid;

    /// <summary>Index of the leading choice, or -1 when nothing is counted.</summary>
    public int Leader
    {
        get
        {
            var best = -1;
            for (var i = 0; i < Votes.Length; i++)
            {
                if (Votes[i] > 0 && (best < 0 || Votes[i] > Votes[best])) best = i;
            }
            return best;
        }
    }

    /// <summary>The leader's lead over the runner-up, as a share of valid votes.</summary>
    public double Margin
    {
        get
        {
            long first = 0, second = 0;
            foreach (var v in Votes)
            {
                if (v > first) (first, second) = (v, first);
                else if (v > second) second = v;
            }
            return Valid == 0 ? 0 : (double)(first - second) / Valid;
        }
    }

    public static AreaRow Of(LiveRace live, AreaTotals t)
    {
        var area = live.Geography.Areas[t.AreaIndex];
        return new AreaRow(area.Code, area.Name, t.BoxesCounted, t.BoxesTotal, t.Registered, t.Voted, t.Valid, t.Invalid, t.Votes, t.Confirmed, t.Conflicts, null);
    }

    public static AreaRow OfBox(LiveRace live, SourceView view, BallotBox box)
    {
        var status = live.StatusOf(box.Index, view);
        var counted = live.CountedTally(box.Index, view)?.Tally;
        if (counted is null)
            return new AreaRow(box.Code, box.Number, 0, 1, 0, 0, 0, 0, new long[live.Race.Choices.Count], 0, 0, status);
        var votes = new long[counted.ChoiceCount];
        for (var i = 0; i < votes.Length; i++) votes[i] = counted.Votes[i];
        return new AreaRow(box.Code, box.Number, 1, 1, counted.Registered ?? 0, counted.Voted ?? 0, counted.Valid, counted.Invalid ?? 0, votes,
            status == BoxStatus.Confirmed ? 1 : 0, status == BoxStatus.Conflict ? 1 : 0, status);
    }
}
