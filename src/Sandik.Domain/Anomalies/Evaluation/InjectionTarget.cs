using Sandik.Domain.Geography;

namespace Sandik.Domain.Anomalies.Evaluation;

/// <summary>
/// The boxes an injector may manipulate: reported, with at least <see cref="MinRegistered"/> registered voters (a
/// share of a tiny box is a handful of votes, which nothing can tell from noise) and full counts.
/// </summary>
public sealed class InjectionTarget
{
    public const int MinRegistered = 100;
    private readonly HashSet<int> _used = [];
    private Dictionary<int, int[]>? _byNeighbourhood;

    /// <param name="parties">Choice indexes that plausibly gain or lose in a manipulation (the major parties), largest first.</param>
    public InjectionTarget(ElectionGeography geography, BoxCounts counts, IReadOnlyList<int> parties)
    {
        Geography = geography;
        Counts = counts;
        Parties = parties;
        var eligible = new List<int>();
        for (var box = 0; box < counts.BoxCount; box++)
        {
            if (counts.IsReported(box) && counts.Registered(box) >= MinRegistered && counts.Valid(box) >= 50
                && counts.Voted(box) >= 0 && counts.Invalid(box) >= 0)
                eligible.Add(box);
        }
        Eligible = eligible;
    }

    public ElectionGeography Geography { get; }

    public BoxCounts Counts { get; }

    public IReadOnlyList<int> Parties { get; }

    public IReadOnlyList<int> Eligible { get; }

    /// <summary>A random eligible box not manipulated yet in this round.</summary>
    public int Pick(Random random)
    {
        while (true)
        {
            var box = Eligible[random.Next(Eligible.Count)];
            if (_used.Add(box)) return box;
        }
    }

    /// <summary>Claims a box (for injectors that choose their own boxes); false when it is taken or not eligible.</summary>
    public bool TryClaim(int box) => IsEligible(box) && _used.Add(box);

    public bool IsEligible(int box) => Counts.IsReported(box) && Counts.Registered(box) >= MinRegistered && Counts.Valid(box) >= 50;

    /// <summary>The boxes of each neighbourhood, in box-number order (consecutive numbers usually share a school).</summary>
    public IReadOnlyDictionary<int, int[]> BoxesByNeighbourhood() => _byNeighbourhood ??= Geography.Boxes
        .GroupBy(b => b.Area)
        .ToDictionary(g => g.Key, g => g.OrderBy(b => b.Number.Length).ThenBy(b => b.Number, StringComparer.Ordinal).Select(b => b.Index).ToArray());

    /// <summary>Forgets which boxes were taken, for a new round on fresh counts.</summary>
    public void Reset() => _used.Clear();
}
