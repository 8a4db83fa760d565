namespace Sandik.Domain.Projection;

internal sealed partial class ProjectionEngine
{
    /// <summary>
    /// How wrong the projection of the uncounted boxes may be, level by level: a counted area's own swing is known
    /// only up to its posterior variance; an area with nothing counted (under a parent with counts) strays from its
    /// parent as much as counted areas of its level and size do. Areas above the electoral districts keep their effect
    /// shared (drawn once per simulation); below, the effects are independent and summed per district.
    /// </summary>
    private void GatherVariance()
    {
        Array.Clear(ExplicitGroups);
        Array.Clear(ExplicitValid);
        Array.Clear(ExplicitVoted);
        var groups = Groups.Count;
        var explicitEnd = Tree.LevelStart[Tree.ExplicitLevels];
        for (var n = 1; n < Tree.NodeCount; n++)
        {
            var uncounted = NodeValid[n];
            if (uncounted <= 0) continue;
            var level = Tree.Level[n];
            var parent = Tree.Parent[n];
            var unit = Tree.NodeUnit[n];
            for (var g = 0; g < groups; g++)
            {
                var share = NodeGroups[n * groups + g] / uncounted;
                var perVote = share * Effect(Composition, n, parent, level, g, uncounted);
                if (n < explicitEnd) ExplicitGroups[n * groups + g] = perVote;
                else LowerGroups[unit * groups + g] += uncounted * uncounted * perVote;
            }
            var valid = Effect(Valid, n, parent, level, 0, uncounted);
            var voted = Effect(Voted, n, parent, level, 0, uncounted);
            if (n < explicitEnd) (ExplicitValid[n], ExplicitVoted[n]) = (valid, voted);
            else
            {
                LowerValid[unit] += uncounted * uncounted * valid;
                LowerVoted[unit] += NodeVoted[n] * NodeVoted[n] * voted;
            }
        }
        GatherRoot();
    }

    private static double Effect(RatioModel model, int node, int parent, int level, int s, double uncounted) =>
        model.Size[node] > 0 ? model.Posterior[node * model.Series + s]
        : model.Size[parent] > 0 ? model.Spread(level, s, uncounted)
        : 0;

    /// <summary>The national swing itself: known to about the spread of the provinces over their number; guessed when nothing is counted.</summary>
    private void GatherRoot()
    {
        var uncounted = NodeValid[0];
        if (uncounted <= 0) return;
        var groups = Groups.Count;
        var counted = 0;
        for (var n = Tree.LevelStart[1]; n < Tree.LevelStart[Math.Min(2, Tree.LevelCount)]; n++)
        {
            if (Composition.Size[n] > 0) counted++;
        }
        for (var g = 0; g < groups; g++)
        {
            var share = NodeGroups[g] / uncounted;
            ExplicitGroups[g] = share * RootEffect(Composition, g, uncounted, counted);
        }
        ExplicitValid[0] = RootEffect(Valid, 0, uncounted, counted);
        ExplicitVoted[0] = RootEffect(Voted, 0, uncounted, counted);
    }

    private static double RootEffect(RatioModel model, int s, double uncounted, int countedChildren) =>
        model.Size[0] <= 0
            ? model.FallbackBetween + model.FallbackWithin / uncounted
            : model.Between[model.Series + s] / Math.Max(1, countedChildren);
}
