namespace Sandik.Domain.Projection;

internal sealed partial class ProjectionEngine
{
    /// <summary>Counted votes of a pooled group a district needs to take part in measuring how its split varies.</summary>
    private const double MemberAreaVotes = 50;

    private double[] _kindSplit = [];

    /// <summary>
    /// Relative variance, per choice of a pooled group, of its part of the group between counted districts: how far a
    /// district's uncounted boxes may split the group differently from the counted ones nearby.
    /// </summary>
    public double[] MemberSpread { get; private set; } = [];

    /// <summary>
    /// How each kind of box splits each pooled group, relative to all counted boxes (1 when too little is counted):
    /// applied when an uncounted box's split has to come from above its own kind's node.
    /// </summary>
    private void MeasureMembers()
    {
        if (MemberSpread.Length == 0)
        {
            MemberSpread = new double[Choices];
            _kindSplit = new double[PoolingTree.Kinds * Choices];
        }
        Array.Clear(MemberSpread);
        Array.Fill(_kindSplit, 1.0);
        var districtLevel = Math.Max(0, Tree.SplitLevel - 1);
        foreach (var members in Groups.Members)
        {
            if (members.Length < 2) continue;
            var national = GroupVotes(0, members);
            if (national <= 0) continue;
            foreach (var k in members)
            {
                var share = NodeChoiceVotes[k] / national;
                if (share <= 0) continue;
                double squares = 0, weight = 0;
                for (var n = Tree.LevelStart[districtLevel]; n < Tree.LevelStart[districtLevel + 1]; n++)
                {
                    var votes = GroupVotes(n, members);
                    if (votes < MemberAreaVotes) continue;
                    var relative = NodeChoiceVotes[n * Choices + k] / votes / share - 1;
                    squares += votes * relative * relative;
                    weight += votes;
                }
                MemberSpread[k] = weight > 0 ? squares / weight : 0;
            }
            if (Tree.SplitLevel < 0) continue;
            for (var kind = 0; kind < PoolingTree.Kinds; kind++) MeasureKindSplit(kind, members, national);
        }
    }

    private void MeasureKindSplit(int kind, int[] members, double national)
    {
        var byKind = new double[Choices];
        var total = 0.0;
        for (var n = Tree.LevelStart[Tree.SplitLevel]; n < Tree.LevelStart[Tree.SplitLevel + 1]; n++)
        {
            if (Tree.Kind[n] != kind) continue;
            foreach (var k in members)
            {
                byKind[k] += NodeChoiceVotes[n * Choices + k];
                total += NodeChoiceVotes[n * Choices + k];
            }
        }
        if (total < 10 * MemberAreaVotes) return;
        foreach (var k in members)
        {
            var share = NodeChoiceVotes[k] / national;
            if (share > 0) _kindSplit[kind * Choices + k] = (byKind[k] + 1) / total / (share + 1 / total);
        }
    }

    private double GroupVotes(int node, int[] members)
    {
        var total = 0.0;
        foreach (var k in members) total += NodeChoiceVotes[node * Choices + k];
        return total;
    }
}
