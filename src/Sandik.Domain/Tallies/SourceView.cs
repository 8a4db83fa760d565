using Sandik.Domain.Sources;

namespace Sandik.Domain.Tallies;

/// <summary>
/// Which sources a view counts: all of them reconciled, one, or any subset. A bit mask over the catalogue's source
/// indexes (which a change of ranks keeps); within the view, each box is counted from its best-ranked source in the set.
/// </summary>
public readonly record struct SourceView(uint Mask)
{
    /// <summary>Every source that counts (retired ones left out): the reconciled count.</summary>
    public static SourceView All(SourceCatalog catalog) => new(catalog.CountedMask);

    public static SourceView Only(int sourceIndex) => new(1u << sourceIndex);

    /// <summary>The view over the named sources; unknown ids are returned so the caller can report them.</summary>
    public static SourceView Of(SourceCatalog catalog, IEnumerable<string> sourceIds, out IReadOnlyList<string> unknown)
    {
        uint mask = 0;
        var missing = new List<string>();
        foreach (var id in sourceIds)
        {
            var index = catalog.IndexOf(id);
            if (index < 0) missing.Add(id);
            else mask |= 1u << index;
        }
        unknown = missing;
        return new SourceView(mask);
    }

    public bool Includes(int sourceIndex) => (Mask & (1u << sourceIndex)) != 0;

    /// <summary>The single source this view shows, or -1 when it shows none or several.</summary>
    public int SingleSource => Mask != 0 && (Mask & (Mask - 1)) == 0 ? System.Numerics.BitOperations.TrailingZeroCount(Mask) : -1;

    /// <summary>The ids of the view's sources, in trust order.</summary>
    public IEnumerable<string> SourceIds(SourceCatalog catalog)
    {
        var mask = Mask;
        return catalog.ByTrustRank.Where(s => (mask & (1u << catalog.IndexOf(s.Id))) != 0).Select(s => s.Id);
    }
}
