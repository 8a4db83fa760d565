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

    /// <summary>
    /// How far the manipulation moved the sheet, in spreads of the sampling noise of an honest count of the same
    /// box: √(Σ δ²/c) over its categories (not voting, invalid, each choice), c the original count (at least ½) and δ
    /// its change. A count of n voters falls into categories as a multinomial draw, and for a shift δ that keeps the
    /// total this is how many standard deviations the likelihood-ratio test of "δ was added" moves. Positive infinity
    /// when the sheet no longer adds up (the arithmetic check finds that for certain).
    /// </summary>
    public double SamplingDistance()
    {
        if (Votes.Sum() != Valid || Valid > Voted) return double.PositiveInfinity;
        double sum = 0;
        void Add(double original, double now) => sum += (now - original) * (now - original) / Math.Max(0.5, original);
        Add(Registered - OriginalVoted, Registered - Voted);
        Add(OriginalVoted - OriginalValid, Voted - Valid);
        for (var j = 0; j < Votes.Length; j++) Add(Original[j], Votes[j]);
        return Math.Sqrt(sum);
    }

    /// <summary>This sheet's manipulation, as the evaluation records it.</summary>
    public Injection ToInjection(ManipulationKind kind, double size) => new(Box, kind, size, LargestChange(), SamplingDistance());

    public void WriteTo(BoxCounts counts) => counts.Set(Box, Registered, Voted, Valid, Invalid, Votes);
}
