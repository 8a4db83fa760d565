using Sandik.Domain.Elections;

namespace Sandik.Domain.Anomalies;

/// <summary>
/// The dimensions the pattern check compares a box on: turnout, the share of the valid votes of each major choice and
/// of the other choices together, and the invalid share. Natural differences between boxes are of two kinds that these keep apart — more or fewer
/// people voting (turnout), and a different mix of voters (shares) — while a manipulation moves them in a fixed
/// way: extra ballots raise turnout and one share, a flip moves two shares and leaves turnout alone.
/// The shares add up to one, which the pattern test's small ridge absorbs. Immutable.
/// </summary>
public sealed class VoteComponents
{
    private readonly int[] _majorOf;
    private readonly bool[] _minor;

    private VoteComponents(Race race, int[] majors)
    {
        Majors = majors;
        _majorOf = new int[race.Choices.Count];
        Array.Fill(_majorOf, -1);
        for (var m = 0; m < majors.Length; m++) _majorOf[majors[m]] = m;
        _minor = [.. _majorOf.Select(m => m < 0)];
        HasOthers = majors.Length < race.Choices.Count;
        Count = majors.Length + (HasOthers ? 1 : 0) + 2;
        Names = [.. majors.Select(j => race.Choices[j].Name), .. HasOthers ? new[] { "others" } : []];
    }

    /// <summary>Choice indexes of the major choices, largest first.</summary>
    public int[] Majors { get; }

    public bool HasOthers { get; }

    /// <summary>Dimensions: turnout (0), one share per choice group (1..: majors, then others), invalid share (last).</summary>
    public int Count { get; }

    public const int Turnout = 0;

    public int Invalid => Count - 1;

    /// <summary>The dimension of a choice group's share (a major's index, or <see cref="Majors"/>.Length for others).</summary>
    public int ShareOf(int group) => 1 + group;

    /// <summary>Choice groups manipulations move votes between: each major choice, then "others" when there are any.</summary>
    public int Groups => Majors.Length + (HasOthers ? 1 : 0);

    /// <summary>Names of the choice groups (choice names, "others").</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The major index of a choice, or -1 for a minor one.</summary>
    public int MajorOf(int choice) => _majorOf[choice];

    /// <summary>For each choice, whether it is minor (pooled into "others").</summary>
    public ReadOnlySpan<bool> Minor => _minor;

    /// <summary>The choice group of a choice: its major index, or <see cref="Majors"/>.Length ("others") for a minor one.</summary>
    public int GroupOf(int choice) => _majorOf[choice] is var m and >= 0 ? m : Majors.Length;

    /// <summary>
    /// The largest choices of the race by total votes: each with at least <paramref name="minShare"/> of all valid
    /// votes, at most <paramref name="maxMajors"/> of them, and at least two when the race has two.
    /// </summary>
    public static VoteComponents Choose(Race race, IReadOnlyList<long> totals, int maxMajors = 6, double minShare = 0.02)
    {
        long all = 0;
        foreach (var t in totals) all += t;
        var order = Enumerable.Range(0, race.Choices.Count).OrderByDescending(j => totals[j]).ThenBy(j => j).ToArray();
        var majors = order.Where((j, rank) => rank < 2 || (all > 0 && totals[j] >= minShare * all)).Take(maxMajors).ToArray();
        return new VoteComponents(race, majors);
    }

    /// <summary>Totals per choice over the reported boxes.</summary>
    public static long[] Totals(BoxCounts counts)
    {
        var totals = new long[counts.ChoiceCount];
        for (var box = 0; box < counts.BoxCount; box++)
        {
            if (!counts.IsReported(box)) continue;
            var votes = counts.Votes(box);
            for (var j = 0; j < votes.Length; j++) totals[j] += votes[j];
        }
        return totals;
    }
}
