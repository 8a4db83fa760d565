using Sandik.Domain.Submissions;

namespace Sandik.Domain.Anomalies;

/// <summary>
/// The counted tally of every box of one race, column by column (flat arrays indexed by box), so that a scan of
/// 175,000 boxes reads memory in order and allocates nothing. Counts a sheet does not carry are kept as -1.
/// Not thread-safe: the detector owning it serialises access.
/// </summary>
public sealed class BoxCounts
{
    private readonly bool[] _reported;
    private readonly int[] _registered;
    private readonly int[] _voted;
    private readonly int[] _valid;
    private readonly int[] _invalid;
    private readonly int[] _votes;

    public BoxCounts(int boxCount, int choiceCount)
    {
        BoxCount = boxCount;
        ChoiceCount = choiceCount;
        _reported = new bool[boxCount];
        _registered = new int[boxCount];
        _voted = new int[boxCount];
        _valid = new int[boxCount];
        _invalid = new int[boxCount];
        _votes = new int[boxCount * choiceCount];
    }

    public int BoxCount { get; }

    public int ChoiceCount { get; }

    public bool IsReported(int box) => _reported[box];

    /// <summary>Registered voters as the sheet gives them, or -1.</summary>
    public int Registered(int box) => _registered[box];

    /// <summary>Voters as the sheet gives them, or -1.</summary>
    public int Voted(int box) => _voted[box];

    public int Valid(int box) => _valid[box];

    /// <summary>Invalid votes as the sheet gives them, or -1.</summary>
    public int Invalid(int box) => _invalid[box];

    /// <summary>Votes per choice, in the race's order.</summary>
    public ReadOnlySpan<int> Votes(int box) => _votes.AsSpan(box * ChoiceCount, ChoiceCount);

    public void Set(int box, Tally tally)
    {
        if (tally.ChoiceCount != ChoiceCount)
            throw new ArgumentException($"The tally has {tally.ChoiceCount} choices, the race {ChoiceCount}.", nameof(tally));
        Set(box, tally.Registered ?? -1, tally.Voted ?? -1, tally.Valid, tally.Invalid ?? -1, tally.Votes);
    }

    /// <summary>Sets a box's counts; pass -1 for a count the sheet does not carry.</summary>
    public void Set(int box, int registered, int voted, int valid, int invalid, ReadOnlySpan<int> votes)
    {
        _reported[box] = true;
        _registered[box] = registered;
        _voted[box] = voted;
        _valid[box] = valid;
        _invalid[box] = invalid;
        votes.CopyTo(_votes.AsSpan(box * ChoiceCount, ChoiceCount));
    }

    public void Clear(int box)
    {
        _reported[box] = false;
        _votes.AsSpan(box * ChoiceCount, ChoiceCount).Clear();
    }

    public Tally ToTally(int box) => new(
        _registered[box] < 0 ? null : _registered[box],
        _voted[box] < 0 ? null : _voted[box],
        _valid[box],
        _invalid[box] < 0 ? null : _invalid[box],
        Votes(box).ToArray());

    public BoxCounts Clone()
    {
        var copy = new BoxCounts(BoxCount, ChoiceCount);
        copy.CopyFrom(this);
        return copy;
    }

    /// <summary>Overwrites every count with another table's (same boxes and choices).</summary>
    public void CopyFrom(BoxCounts other)
    {
        if (other.BoxCount != BoxCount || other.ChoiceCount != ChoiceCount)
            throw new ArgumentException("The tables have different boxes or choices.", nameof(other));
        other._reported.CopyTo(_reported, 0);
        other._registered.CopyTo(_registered, 0);
        other._voted.CopyTo(_voted, 0);
        other._valid.CopyTo(_valid, 0);
        other._invalid.CopyTo(_invalid, 0);
        other._votes.CopyTo(_votes, 0);
    }

    /// <summary>The counts of the given boxes; boxes not listed stay unreported.</summary>
    public static BoxCounts From(int boxCount, int choiceCount, IEnumerable<(int Box, Tally Tally)> tallies)
    {
        var counts = new BoxCounts(boxCount, choiceCount);
        foreach (var (box, tally) in tallies) counts.Set(box, tally);
        return counts;
    }
}
