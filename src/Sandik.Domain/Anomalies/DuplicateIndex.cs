namespace Sandik.Domain.Anomalies;

/// <summary>
/// Finds boxes of the same district with exactly the same votes: two real boxes of a few hundred voters almost never
/// agree on every count, a copied sheet always does. Keyed by district and a hash of the votes. Not thread-safe.
/// </summary>
public sealed class DuplicateIndex(PeerGroups groups, int minValid)
{
    private readonly Dictionary<(int District, int Hash), List<int>> _boxes = [];
    private readonly Dictionary<int, int> _hashOf = [];

    public void Clear()
    {
        _boxes.Clear();
        _hashOf.Clear();
    }

    /// <summary>Indexes (or re-indexes) a box's current votes.</summary>
    public void Update(BoxCounts counts, int box)
    {
        var district = groups.DistrictOf(box);
        if (_hashOf.Remove(box, out var old) && _boxes.TryGetValue((district, old), out var previous)) previous.Remove(box);
        if (!counts.IsReported(box) || counts.Valid(box) < minValid) return;
        var hash = Hash(counts.Votes(box));
        _hashOf[box] = hash;
        if (!_boxes.TryGetValue((district, hash), out var list)) _boxes[(district, hash)] = list = [];
        list.Add(box);
    }

    /// <summary>Another indexed box of the district with the same votes, or -1.</summary>
    public int TwinOf(BoxCounts counts, int box)
    {
        if (!_hashOf.TryGetValue(box, out var hash) || !_boxes.TryGetValue((groups.DistrictOf(box), hash), out var list)) return -1;
        var votes = counts.Votes(box);
        foreach (var other in list)
        {
            if (other != box && counts.Votes(other).SequenceEqual(votes)) return other;
        }
        return -1;
    }

    private static int Hash(ReadOnlySpan<int> votes)
    {
        var hash = new HashCode();
        foreach (var v in votes) hash.Add(v);
        return hash.ToHashCode();
    }
}
