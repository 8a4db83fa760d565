using Sandik.Domain.Submissions;

namespace Sandik.Domain.Projection;

internal sealed partial class ProjectionEngine
{
    /// <summary>Counted votes of a pooled group a node needs before its own split between the group's choices is used.</summary>
    private const double SplitVotes = 50;

    private int[] _splitNode = [];

    /// <summary>
    /// Each uncounted box: the prior's turnout and composition at the box, moved by the swing estimated for its
    /// neighbourhood (already pooled with everything above it), then renormalised.
    /// </summary>
    private void ProjectUncounted(IReadOnlyList<Tally?> counted)
    {
        Array.Clear(ProjectedVotes);
        Array.Clear(ProjectedGroups);
        Array.Clear(ProjectedValid);
        Array.Clear(ProjectedVoted);
        Array.Clear(UncountedRegistered);
        Array.Clear(NodeValid);
        Array.Clear(NodeGroups);
        Array.Clear(NodeVoted);
        Array.Clear(LowerGroups);
        Array.Clear(LowerValid);
        Array.Clear(LowerVoted);
        Array.Clear(KindValid);
        Array.Clear(KindGroups);
        Array.Clear(KindVoted);
        FindSplitNodes();
        MeasureMembers();
        Normalisers(counted);
        var groups = Groups.Count;
        var boxLevel = Tree.LevelCount;
        var byPrior = PooledWithoutCounts();
        Span<double> shares = stackalloc double[groups];
        for (var b = 0; b < counted.Count; b++)
        {
            if (counted[b] is not null) continue;
            var leaf = Tree.Leaf(b);
            var unit = Tree.BoxUnit[b];
            var registered = Registered[b];
            var valid = registered * Priors.ValidRate[b] * Valid.Ratio[leaf];
            var voted = Math.Max(valid, registered * Priors.VotedRate[b] * Voted.Ratio[leaf]);
            Shares(b, leaf, shares);
            UncountedRegistered[unit] += registered;
            NodeValid[leaf] += valid;
            NodeVoted[leaf] += voted;
            for (var g = 0; g < groups; g++)
            {
                NodeGroups[leaf * groups + g] += valid * shares[g];
                if (byPrior[g]) SplitByPrior(b, g, valid * shares[g], ProjectedVotes.AsSpan(unit * Choices, Choices));
            }
            if (Composition.Size[leaf] <= 0) continue;
            for (var g = 0; g < groups; g++) LowerGroups[unit * groups + g] += valid * valid * shares[g] * Composition.Spread(boxLevel, g, valid);
            LowerValid[unit] += valid * valid * Valid.Spread(boxLevel, 0, valid);
            LowerVoted[unit] += voted * voted * Voted.Spread(boxLevel, 0, valid);
        }
        for (var leaf = Tree.LevelStart[Tree.LevelCount - 1]; leaf < Tree.NodeCount; leaf++) AddLeaf(leaf, byPrior);
        for (var n = Tree.NodeCount - 1; n > 0; n--)
        {
            var parent = Tree.Parent[n];
            NodeValid[parent] += NodeValid[n];
            NodeVoted[parent] += NodeVoted[n];
            for (var g = 0; g < groups; g++) NodeGroups[parent * groups + g] += NodeGroups[n * groups + g];
        }
    }

    /// <summary>A leaf's projected votes into its unit's and kind's sums, each pooled group split as counted nearby.</summary>
    private void AddLeaf(int leaf, bool[] byPrior)
    {
        var valid = NodeValid[leaf];
        if (valid <= 0) return;
        var groups = Groups.Count;
        var unit = Tree.NodeUnit[leaf];
        ProjectedValid[unit] += valid;
        ProjectedVoted[unit] += NodeVoted[leaf];
        var kind = Tree.SplitLevel >= 0 ? unit * PoolingTree.Kinds + Tree.Kind[Tree.Parent[leaf]] : -1;
        if (kind >= 0)
        {
            KindValid[kind] += valid;
            KindVoted[kind] += NodeVoted[leaf];
        }
        for (var g = 0; g < groups; g++)
        {
            var votes = NodeGroups[leaf * groups + g];
            ProjectedGroups[unit * groups + g] += votes;
            if (kind >= 0) KindGroups[kind * groups + g] += votes;
            if (!byPrior[g]) Split(leaf, g, votes, ProjectedVotes.AsSpan(unit * Choices, Choices));
        }
    }
}
