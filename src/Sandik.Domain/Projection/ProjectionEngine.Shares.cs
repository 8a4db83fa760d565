using Sandik.Domain.Submissions;

namespace Sandik.Domain.Projection;

internal sealed partial class ProjectionEngine
{
    private double[] _normaliser = [];

    /// <summary>The level whose nodes box shares are scaled over: the district, just above the split by kind of box.</summary>
    private int NormalLevel => Math.Max(0, Tree.SplitLevel - 1);

    /// <summary>
    /// Box shares are the prior moved by the swing, scaled so that they add up over the boxes of a whole node rather
    /// than box by box: the ratios were fitted to match counted totals, and scaling each box alone would pull a
    /// polarised area's projection back toward its prior (a gaining party gains less in boxes it already dominates).
    /// </summary>
    private void Normalisers(IReadOnlyList<Tally?> counted)
    {
        var level = NormalLevel;
        if (level < 0) return;
        if (_normaliser.Length == 0) _normaliser = new double[Tree.NodeCount * 2];
        Array.Clear(_normaliser);
        var groups = Groups.Count;
        for (var b = 0; b < counted.Count; b++)
        {
            if (counted[b] is not null) continue;
            var leaf = Tree.Leaf(b);
            var node = Tree.BoxChain[b * Tree.LevelCount + level];
            var valid = Registered[b] * (double)Priors.ValidRate[b] * Valid.Ratio[leaf];
            var prior = Priors.GroupShare.AsSpan(b * groups, groups);
            var ratio = Composition.Ratio.AsSpan(leaf * groups, groups);
            var raw = 0.0;
            for (var g = 0; g < groups; g++) raw += Composition.Uniform ? Math.Max(0, prior[g] + ratio[g]) : prior[g] * ratio[g];
            _normaliser[node * 2] += valid * raw;
            _normaliser[node * 2 + 1] += valid;
        }
    }

    private void Shares(int box, int leaf, Span<double> shares)
    {
        var groups = Groups.Count;
        var prior = Priors.GroupShare.AsSpan(box * groups, groups);
        var ratio = Composition.Ratio.AsSpan(leaf * groups, groups);
        var total = 0.0;
        for (var g = 0; g < groups; g++)
        {
            shares[g] = Composition.Uniform ? Math.Max(0, prior[g] + ratio[g]) : prior[g] * ratio[g];
            total += shares[g];
        }
        var level = NormalLevel;
        if (level >= 0)
        {
            var node = Tree.BoxChain[box * Tree.LevelCount + level];
            var (raw, valid) = (_normaliser[node * 2], _normaliser[node * 2 + 1]);
            total = raw > 0 && valid > 0 ? raw / valid : total;
        }
        for (var g = 0; g < groups; g++) shares[g] = total > 0 ? shares[g] / total : 1.0 / groups;
    }
}
