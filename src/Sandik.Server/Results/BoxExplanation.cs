using Sandik.Domain.Reconciliation;
using Sandik.Domain.Submissions;
using Sandik.Domain.Tallies;

namespace Sandik.Server.Results;

/// <summary>A box with every source's latest tally side by side, the counted one marked, and the differences.</summary>
public sealed record BoxExplanation(string Code, string Number, string Status, string? CountedSource, long? CountedSequence, string Reason,
    long Disagreement, IReadOnlyList<BoxExplanation.Entry> Entries, IReadOnlyList<BoxExplanation.Crumb> Path)
{
    public sealed record Crumb(string Code, string Name);

    public sealed record Entry(string Source, int TrustRank, long Sequence, DateTimeOffset ReceivedAt, bool Counted, IReadOnlyList<string> Differences,
        int? Registered, int? Voted, int Valid, int? Invalid, IReadOnlyDictionary<string, int> Votes, string? Evidence, string? Reporter);

    public static BoxExplanation From(LiveRace live, int boxIndex, TallyExplanation why)
    {
        var box = live.Geography.Boxes[boxIndex];
        var path = new List<Crumb>();
        foreach (var area in live.Geography.ChainOf(boxIndex)) path.Add(new Crumb(live.Geography.Areas[area].Code, live.Geography.Areas[area].Name));
        var counted = why.Entries.FirstOrDefault(e => e.Counted)?.Tally;
        var entries = why.Entries.Select(e => new Entry(e.SourceId, e.TrustRank, e.Sequence, e.ReceivedAt, e.Counted, e.Differences,
            e.Tally.Registered, e.Tally.Voted, e.Tally.Valid, e.Tally.Invalid, Votes(live, e.Tally), e.Evidence, e.Reporter)).ToList();
        var disagreement = counted is null ? 0 : why.Entries.Max(e => Distance(e.Tally, counted));
        return new BoxExplanation(box.Code, box.Number, why.Status.ToString(), why.CountedSourceId, why.CountedSequence, why.Reason,
            disagreement, entries, path);
    }

    private static Dictionary<string, int> Votes(LiveRace live, Tally tally)
    {
        var votes = new Dictionary<string, int>(tally.ChoiceCount);
        for (var i = 0; i < tally.ChoiceCount; i++) votes[live.Race.Choices[i].Id] = tally.Votes[i];
        return votes;
    }

    /// <summary>Votes that would move if one tally replaced the other: half the sum of absolute differences per choice.</summary>
    private static long Distance(Tally a, Tally b)
    {
        long sum = 0;
        for (var i = 0; i < a.ChoiceCount; i++) sum += Math.Abs(a.Votes[i] - b.Votes[i]);
        return (sum + Math.Abs(a.Valid - b.Valid) + 1) / 2;
    }
}
