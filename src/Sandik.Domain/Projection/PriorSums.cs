using Sandik.Domain.Elections;

namespace Sandik.Domain.Projection;

/// <summary>
/// The prior election summed over every prior area, with its votes already mapped onto the current race's choices:
/// column k is current choice k, the last column the prior votes of choices the current race does not have.
/// </summary>
internal sealed class PriorSums
{
    public PriorSums(PriorElection prior, Race current, IReadOnlyDictionary<string, string> aliases)
    {
        Prior = prior;
        Columns = current.Choices.Count + 1;
        Map = new int[prior.Race.Choices.Count];
        for (var j = 0; j < Map.Length; j++)
        {
            var id = prior.Race.Choices[j].Id;
            var k = current.IndexOf(aliases.TryGetValue(id, out var alias) ? alias : id);
            Map[j] = k < 0 ? Columns - 1 : k;
        }
        var areas = prior.Geography.Areas.Count;
        Votes = new double[areas * Columns];
        Valid = new double[areas];
        Voted = new double[areas];
        Registered = new double[areas];
        for (var b = 0; b < prior.Tallies.Count; b++)
        {
            if (prior.Tallies[b] is not { } tally) continue;
            var registered = prior.Geography.Boxes[b].Registered;
            foreach (var area in prior.Geography.ChainOf(b))
            {
                Add(area, tally.Votes);
                Valid[area] += tally.Valid;
                Voted[area] += tally.Voted ?? tally.Valid;
                Registered[area] += registered;
            }
        }
    }

    public PriorElection Prior { get; }

    /// <summary>Prior areas by forgiving key (<see cref="AreaNames"/>), for areas whose codes are spelt differently.</summary>
    public IReadOnlyDictionary<string, int> AreasByKey => _areasByKey ??= BuildKeys();

    private Dictionary<string, int>? _areasByKey;

    private Dictionary<string, int> BuildKeys()
    {
        var keys = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var area in Prior.Geography.Areas) keys.TryAdd(AreaNames.Key(area.Code), area.Index);
        return keys;
    }

    /// <summary>The prior area with this code, or with the same forgiving key; -1 when none.</summary>
    public int FindArea(string code)
    {
        if (Prior.Geography.TryGetArea(code, out var area)) return area.Index;
        return AreasByKey.TryGetValue(AreaNames.Key(code), out var index) ? index : -1;
    }

    /// <summary>Current choices plus one column for the prior's vanished choices.</summary>
    public int Columns { get; }

    /// <summary>Column of each prior choice.</summary>
    public int[] Map { get; }

    public double[] Votes { get; }
    public double[] Valid { get; }
    public double[] Voted { get; }
    public double[] Registered { get; }

    /// <summary>Prior national share of each current choice (vanished choices left out).</summary>
    public double[] NationalShares()
    {
        var shares = new double[Columns - 1];
        var valid = Valid[0];
        for (var k = 0; k < shares.Length; k++) shares[k] = valid > 0 ? Votes[k] / valid : 0;
        return shares;
    }

    private void Add(int area, ReadOnlySpan<int> votes)
    {
        var row = Votes.AsSpan(area * Columns, Columns);
        for (var j = 0; j < votes.Length; j++) row[Map[j]] += votes[j];
    }
}
