namespace Sandik.Domain.Projection;

internal sealed partial class ProjectionEngine
{
    /// <summary>
    /// Splits a leaf's projected votes of a group between the group's choices as counted nearby, corrected for the
    /// leaf's kind of box when "nearby" had to reach above its district's boxes of that kind.
    /// </summary>
    private void Split(int leaf, int group, double votes, Span<double> into)
    {
        var members = Groups.Members[group];
        if (members.Length == 1)
        {
            into[members[0]] += votes;
            return;
        }
        var node = _splitNode[leaf * Groups.Count + group];
        var counted = NodeChoiceVotes.AsSpan(node * Choices, Choices);
        var kind = Tree.SplitLevel >= 0 && Tree.Level[node] < Tree.SplitLevel ? Tree.Kind[Tree.Parent[leaf]] * Choices : -1;
        var total = 0.0;
        foreach (var k in members) total += counted[k] * (kind < 0 ? 1 : _kindSplit[kind + k]);
        if (total <= 0) return;
        foreach (var k in members) into[k] += votes * counted[k] * (kind < 0 ? 1 : _kindSplit[kind + k]) / total;
    }

    /// <summary>Pooled groups with nothing counted anywhere yet: split box by box as the prior had them.</summary>
    private bool[] PooledWithoutCounts()
    {
        var result = new bool[Groups.Count];
        for (var g = 0; g < Groups.Count; g++)
        {
            var members = Groups.Members[g];
            if (members.Length < 2) continue;
            var total = 0.0;
            foreach (var k in members) total += NodeChoiceVotes[k];
            result[g] = total <= 0;
        }
        return result;
    }

    private void SplitByPrior(int box, int group, double votes, Span<double> into)
    {
        var members = Groups.Members[group];
        var prior = Priors.ChoiceShare.AsSpan(box * Choices, Choices);
        var total = 0.0;
        foreach (var k in members) total += prior[k];
        foreach (var k in members) into[k] += total > 0 ? votes * prior[k] / total : votes / members.Length;
    }

    /// <summary>For each node and pooled group, the nearest node at or above it with enough counted votes of the group.</summary>
    private void FindSplitNodes()
    {
        var groups = Groups.Count;
        if (_splitNode.Length == 0) _splitNode = new int[Tree.NodeCount * groups];
        for (var n = 0; n < Tree.NodeCount; n++)
        {
            for (var g = 0; g < groups; g++)
            {
                var members = Groups.Members[g];
                if (members.Length < 2) continue;
                var total = 0.0;
                foreach (var k in members) total += NodeChoiceVotes[n * Choices + k];
                _splitNode[n * groups + g] = total >= SplitVotes || n == 0 ? n : _splitNode[Tree.Parent[n] * groups + g];
            }
        }
    }
}
