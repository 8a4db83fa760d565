namespace Sandik.Domain.Projection.Golden;

/// <summary>
/// Merges strata too small for <c>min</c> sampled boxes under proportional allocation: (province, leader) into
/// (province, any); a province remainder still too small into (any, the leader most of its boxes had); a national
/// leader stratum still too small into (any, any). Keys use -1 for "any".
/// </summary>
internal sealed class StrataCollapse
{
    private readonly Dictionary<(int, int), int> _index = [];
    private readonly List<(int Province, int Leader)> _keys = [];
    private readonly Dictionary<(int, int), (int, int)> _mergedInto = [];

    public int Count => _keys.Count;

    public (int Province, int Leader) KeyOf(int stratum) => _keys[stratum];

    /// <summary>The final stratum of a box's original key.</summary>
    public int Of((int Province, int Leader) key)
    {
        while (_mergedInto.TryGetValue(key, out var next)) key = next;
        return _index[key];
    }

    public static StrataCollapse Collapse((int Province, int Leader)[] keys, int size, int min)
    {
        var counts = new Dictionary<(int, int), int>();
        foreach (var key in keys) counts[key] = counts.GetValueOrDefault(key) + 1;
        var result = new StrataCollapse();
        bool TooSmall((int, int) key) => (double)size * counts[key] / keys.Length < min;
        var leadersOfRemainder = new Dictionary<int, Dictionary<int, int>>();
        foreach (var key in Sorted(counts, k => k.Item1 >= 0 && k.Item2 >= 0))
        {
            if (!TooSmall(key)) continue;
            if (!leadersOfRemainder.TryGetValue(key.Item1, out var leaders)) leadersOfRemainder[key.Item1] = leaders = [];
            leaders[key.Item2] = counts[key];
            result.Move(counts, key, (key.Item1, -1));
        }
        foreach (var key in Sorted(counts, k => k.Item1 >= 0 && k.Item2 < 0))
        {
            if (!TooSmall(key)) continue;
            var leader = leadersOfRemainder.TryGetValue(key.Item1, out var leaders) && leaders.Count > 0 ? leaders.MaxBy(l => l.Value).Key : -1;
            result.Move(counts, key, (-1, leader));
        }
        foreach (var key in Sorted(counts, k => k.Item1 < 0 && k.Item2 >= 0))
        {
            if (TooSmall(key)) result.Move(counts, key, (-1, -1));
        }
        foreach (var key in Sorted(counts, _ => true))
        {
            result._index[key] = result._keys.Count;
            result._keys.Add(key);
        }
        return result;
    }

    private static List<(int, int)> Sorted(Dictionary<(int, int), int> counts, Func<(int, int), bool> which) =>
        [.. counts.Keys.Where(which).OrderBy(k => k.Item1).ThenBy(k => k.Item2)];

    private void Move(Dictionary<(int, int), int> counts, (int, int) from, (int, int) into)
    {
        counts[into] = counts.GetValueOrDefault(into) + counts[from];
        counts.Remove(from);
        _mergedInto[from] = into;
    }
}
