namespace Sandik.Domain.Anomalies;

/// <summary>
/// Finds boxes of the same district with exactly the same votes: two real boxes of a few hundred voters almost never
/// agree on every count, a copied sheet always does. Keyed by district and a hash of the votes. Not thread-safe.
/// </summary>
/// <remarks>
/// Nearly every key holds one box, so the boxes of a key are chained through arrays indexed by box (in the order they
/// were indexed) rather than kept in a list each: a list per box of the country took about 40 MB, and a full scan
/// made them all again.
/// </remarks>
public sealed class DuplicateIndex(PeerGroups groups, int minValid)
{
    private const int None = -1;
    private readonly Dictionary<(int District, int Hash), int> _first = [];
    private readonly int[] _next = Filled(groups.Geography.Boxes.Count, None);
    private readonly int[] _hashOf = new int[groups.Geography.Boxes.Count];
    private readonly bool[] _indexed = new bool[groups.Geography.Boxes.Count];

    public void Clear()
    {
        _first.Clear();
        Array.Fill(_next, None);
        Array.Clear(_indexed);
    }

    /// <summary>Indexes (or re-indexes) a box's current votes.</summary>
    public void Update(BoxCounts counts, int box)
    {
        var district = groups.DistrictOf(box);
        if (_indexed[box]) Unlink(district, box);
        if (!counts.IsReported(box) || counts.Valid(box) < minValid) return;
        var hash = Hash(counts.Votes(box));
        _hashOf[box] = hash;
        _indexed[box] = true;
        if (!_first.TryGetValue((district, hash), out var at))
        {
            _first[(district, hash)] = box;
            return;
        }
        while (_next[at] != None) at = _next[at];
        _next[at] = box;
    }

    /// <summary>Another indexed box of the district with the same votes, or -1.</summary>
    public int TwinOf(BoxCounts counts, int box)
    {
        if (!_indexed[box] || !_first.TryGetValue((groups.DistrictOf(box), _hashOf[box]), out var other)) return -1;
        var votes = counts.Votes(box);
        for (; other != None; other = _next[other])
        {
            if (other != box && counts.Votes(other).SequenceEqual(votes)) return other;
        }
        return -1;
    }

    private void Unlink(int district, int box)
    {
        _indexed[box] = false;
        var key = (district, _hashOf[box]);
        var next = _next[box];
        _next[box] = None;
        if (!_first.TryGetValue(key, out var at)) return;
        if (at == box)
        {
            if (next == None) _first.Remove(key);
            else _first[key] = next;
            return;
        }
        while (_next[at] != None && _next[at] != box) at = _next[at];
        if (_next[at] == box) _next[at] = next;
    }

    private static int Hash(ReadOnlySpan<int> votes)
    {
        var hash = new HashCode();
        foreach (var v in votes) hash.Add(v);
        return hash.ToHashCode();
    }

    private static int[] Filled(int length, int value)
    {
        var array = new int[length];
        Array.Fill(array, value);
        return array;
    }
}
