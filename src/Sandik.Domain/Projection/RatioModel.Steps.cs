namespace Sandik.Domain.Projection;

internal sealed partial class RatioModel
{
    /// <summary>Counted areas a level's spread is measured on at most: beyond that, an even subsample tells as much, faster.</summary>
    public const int MaxFitted = 20_000;

    /// <summary>Every how many counted areas (or boxes) one is fitted, for a level of <paramref name="count"/>.</summary>
    public static int Stride(int count) => Math.Max(1, (count + MaxFitted - 1) / MaxFitted);

    /// <summary>What a node's ratio is before its own counts: its parent's, times its kind's effect on the split level.</summary>
    private double BaseRatio(int node, int s)
    {
        var ratio = Ratio[_tree.Parent[node] * Series + s];
        return _tree.Level[node] == _tree.SplitLevel ? Move(ratio, KindShift(node, s)) : ratio;
    }

    /// <summary>
    /// Nodes of very small boxes (their kind's node and their leaves): left out of every level's spread, which they
    /// would dominate with turnouts of officials voting where they serve.
    /// </summary>
    private bool IsSpecial(int node)
    {
        var level = _tree.Level[node];
        if (_tree.SplitLevel < 0 || level < _tree.SplitLevel) return false;
        var split = level == _tree.SplitLevel ? node : _tree.Parent[node];
        return _tree.Kind[split] == PoolingTree.SpecialBox;
    }

    /// <summary>Whether a node's counts are pooled into its parent's (not so for very small boxes).</summary>
    private bool FeedsParent(int node) => _tree.Level[node] != _tree.SplitLevel || _tree.Kind[node] != PoolingTree.SpecialBox;

    /// <summary>The parent's ratio as it would be without one child's counts (empty counts: the parent as it is).</summary>
    private void LeaveOneOut(int parent, ReadOnlySpan<double> y, ReadOnlySpan<double> e, double size, Span<double> loo)
    {
        var at = parent * Series;
        if (_tree.Parent[parent] < 0)
        {
            var restSize = Size[parent] - size;
            for (var s = 0; s < Series; s++)
            {
                var (counted, prior) = (Math.Max(Y[at + s] - At(y, s), 0), Math.Max(E[at + s] - At(e, s), 0));
                loo[s] = Uniform ? (restSize > 0 ? (counted - prior) / restSize : 0) : (counted + Pseudo) / (prior + Pseudo);
            }
            return;
        }
        var rest = Size[parent] - size;
        for (var s = 0; s < Series; s++) loo[s] = BaseRatio(parent, s);
        if (rest <= 0) return;
        Span<double> remaining = stackalloc double[Series];
        Span<double> expected = stackalloc double[Series];
        for (var s = 0; s < Series; s++) remaining[s] = Math.Max(E[at + s] - At(e, s), 0);
        Predict(remaining, rest, loo, expected);
        var level = _tree.Level[parent];
        for (var s = 0; s < Series; s++)
            loo[s] = Move(loo[s], Shrinkage(level, s, rest) * Step(Math.Max(Y[at + s] - At(y, s), 0), expected[s], rest));
    }

    private static double At(ReadOnlySpan<double> values, int s) => values.IsEmpty ? 0 : values[s];

    /// <summary>How far counted votes are from the expected, in the model's own terms (log ratio, or share points).</summary>
    private double Step(double observed, double expected, double size) => Uniform
        ? Math.Clamp(size > 0 ? (observed - expected) / size : 0, -MaxShift, MaxShift)
        : Math.Clamp(Math.Log((observed + Pseudo) / (expected + Pseudo)), -MaxLogStep, MaxLogStep);

    /// <summary>A ratio (or shift) moved by a step.</summary>
    private double Move(double value, double step) => Uniform ? value + step : value * Math.Exp(step);
    private double Predict(ReadOnlySpan<double> e, double size, ReadOnlySpan<double> ratio, Span<double> predicted)
    {
        var total = 0.0;
        for (var s = 0; s < Series; s++)
        {
            predicted[s] = Uniform ? Math.Max(0, e[s] + ratio[s] * size) : e[s] * ratio[s];
            total += predicted[s];
        }
        if (Normalised && total > 0)
        {
            var scale = size / total;
            for (var s = 0; s < Series; s++) predicted[s] *= scale;
        }
        return total;
    }
}
