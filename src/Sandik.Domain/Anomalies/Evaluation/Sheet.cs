namespace Sandik.Domain.Anomalies.Evaluation;

/// <summary>A mutable copy of one box's counts, for injectors to edit and write back.</summary>
internal sealed class Sheet
{
    private Sheet(int box, int registered, int voted, int valid, int invalid, int[] votes)
    {
        Box = box;
        Registered = registered;
        Voted = voted;
        Valid = valid;
        Invalid = invalid;
        Votes = votes;
        Original = (int[])votes.Clone();
        OriginalVoted = voted;
        OriginalValid = valid;
    }

    public int Box { get; }
    public int Registered { get; }
    public int Voted { get; set; }
    public int Valid { get; set; }
    public int Invalid { get; set; }
    public int[] Votes { get; }
    private int[] Original { get; }
    private int OriginalVoted { get; }
    private int OriginalValid { get; }

    public static Sheet Of(BoxCounts counts, int box) =>
        new(box, counts.Registered(box), counts.Voted(box), counts.Valid(box), counts.Invalid(box), counts.Votes(box).ToArray());

    /// <summary>Adds ballots for one choice: more voters, more valid votes.</summary>
    public void AddBallots(int choice, int ballots)
    {
        Votes[choice] += ballots;
        Valid += ballots;
        Voted += ballots;
    }

    /// <summary>Moves votes between choices; turnout unchanged.</summary>
    public int Move(int from, int to, int votes)
    {
        var moved = Math.Min(votes, Votes[from]);
        Votes[from] -= moved;
        Votes[to] += moved;
        return moved;
    }

    /// <summary>Makes valid votes and voters agree with the votes again, as a consistent but wrong sheet would.</summary>
    public void Rebalance()
    {
        var sum = Votes.Sum();
        Voted += sum - Valid;
        Valid = sum;
    }

    /// <summary>The largest change of any count against the original sheet.</summary>
    public int LargestChange()
    {
        var largest = Math.Max(Math.Abs(Voted - OriginalVoted), Math.Abs(Valid - OriginalValid));
        for (var j = 0; j < Votes.Length; j++) largest = Math.Max(largest, Math.Abs(Votes[j] - Original[j]));
        return largest;
    }

    public void WriteTo(BoxCounts counts) => counts.Set(Box, Registered, Voted, Valid, Invalid, Votes);
}
