using Sandik.Domain.Reconciliation;

namespace Sandik.Domain.Anomalies;

/// <summary>The widest disagreement between the counted sheet of a box and another source's copy of it.</summary>
/// <param name="Votes">The largest difference on any count, in votes.</param>
/// <param name="Field">The count it is on: <c>registered</c>, <c>voted</c>, <c>valid</c>, <c>invalid</c> or a choice id.</param>
/// <param name="CountedSource">The source whose sheet is counted.</param>
/// <param name="OtherSource">The source that disagrees most.</param>
public sealed record SourceGap(int Votes, string Field, string CountedSource, string OtherSource, int CountedValue, int OtherValue)
{
    /// <summary>The widest disagreement in an explanation, or null when every source agrees (or only one sent the box).</summary>
    public static SourceGap? From(TallyExplanation explanation, IReadOnlyList<string> choiceIds)
    {
        var counted = explanation.Entries.FirstOrDefault(e => e.Counted);
        if (counted is null) return null;
        SourceGap? widest = null;
        foreach (var other in explanation.Entries)
        {
            if (other.Counted) continue;
            Compare("registered", counted.Tally.Registered, other.Tally.Registered);
            Compare("voted", counted.Tally.Voted, other.Tally.Voted);
            Compare("valid", counted.Tally.Valid, other.Tally.Valid);
            Compare("invalid", counted.Tally.Invalid, other.Tally.Invalid);
            var n = Math.Min(counted.Tally.ChoiceCount, other.Tally.ChoiceCount);
            for (var j = 0; j < n; j++) Compare(j < choiceIds.Count ? choiceIds[j] : $"#{j}", counted.Tally.Votes[j], other.Tally.Votes[j]);

            void Compare(string field, int? mine, int? theirs)
            {
                if (mine is not { } a || theirs is not { } b || a == b) return;
                if (widest is null || Math.Abs(a - b) > widest.Votes)
                    widest = new SourceGap(Math.Abs(a - b), field, counted.SourceId, other.SourceId, a, b);
            }
        }
        return widest;
    }
}
