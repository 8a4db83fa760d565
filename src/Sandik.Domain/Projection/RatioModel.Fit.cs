namespace Sandik.Domain.Projection;

internal sealed partial class RatioModel
{
    private double[] _squares = [], _inverse = [], _predicted = [];
    private int[] _rows = [];

    /// <summary>Estimates every node's ratio, top-down, fitting each level's spread on the way.</summary>
    /// <param name="minAreas">Fewest counted nodes a level needs to be measured rather than given the fallbacks.</param>
    public void Fit(int minAreas)
    {
        for (var s = 0; s < Series; s++)
        {
            Ratio[s] = Uniform ? (Size[0] > 0 ? (Y[s] - E[s]) / Size[0] : 0) : (Y[s] + Pseudo) / (E[s] + Pseudo);
            Posterior[s] = 0;
        }
        Array.Clear(KindEffect);
        Array.Fill(KindPosterior, KindPrior);
        Span<double> loo = stackalloc double[Series];
        for (var level = 1; level < _tree.LevelCount; level++)
        {
            var (from, to) = (_tree.LevelStart[level], _tree.LevelStart[level + 1]);
            var count = 0;
            var withData = 0;
            for (var n = from; n < to; n++) withData += Size[n] > 0 ? 1 : 0;
            var stride = level == _tree.SplitLevel ? 1 : Stride(withData);
            Reserve((withData + stride - 1) / stride);
            var seen = 0;
            for (var n = from; n < to; n++)
            {
                if (Size[n] <= 0 || seen++ % stride != 0) continue;
                if (FeedsParent(n)) LeaveOneOut(_tree.Parent[n], Y.AsSpan(n * Series, Series), E.AsSpan(n * Series, Series), Size[n], loo);
                else LeaveOneOut(_tree.Parent[n], [], [], 0, loo);
                Predict(E.AsSpan(n * Series, Series), Size[n], loo, _predicted.AsSpan(count * Series, Series));
                _rows[count++] = n;
            }
            if (level == _tree.SplitLevel) EstimateKinds(count);
            var used = 0;
            for (var i = 0; i < count; i++)
            {
                var n = _rows[i];
                if (IsSpecial(n)) continue;
                if (Residuals(Y.AsSpan(n * Series, Series), Size[n], _predicted.AsSpan(i * Series, Series), used)) used++;
            }
            FitLevel(level, used, minAreas);
            for (var n = from; n < to; n++) Estimate(n, level);
        }
    }

    /// <summary>Measures the spread of counted boxes around their neighbourhood (the last spread row).</summary>
    /// <param name="count">Boxes given: every <see cref="Stride"/>-th counted box, in box order.</param>
    /// <param name="y">Counted votes of each box, <c>[i * Series + s]</c>.</param>
    /// <param name="leaf">Leaf node of each box.</param>
    public void FitBoxes(int count, double[] y, double[] e, double[] size, int[] leaf, int minAreas)
    {
        Reserve(count);
        Span<double> loo = stackalloc double[Series];
        Span<double> predicted = stackalloc double[Series];
        var used = 0;
        for (var i = 0; i < count; i++)
        {
            if (size[i] <= 0 || IsSpecial(leaf[i])) continue;
            var yi = y.AsSpan(i * Series, Series);
            LeaveOneOut(leaf[i], yi, e.AsSpan(i * Series, Series), size[i], loo);
            Predict(e.AsSpan(i * Series, Series), size[i], loo, predicted);
            if (Residuals(yi, size[i], predicted, used)) used++;
        }
        FitLevel(_tree.LevelCount, used, minAreas);
    }

    private void Estimate(int n, int level)
    {
        var at = n * Series;
        Span<double> ratio = stackalloc double[Series];
        for (var s = 0; s < Series; s++) ratio[s] = BaseRatio(n, s);
        if (Size[n] <= 0)
        {
            for (var s = 0; s < Series; s++) (Ratio[at + s], Posterior[at + s]) = (ratio[s], 0);
            return;
        }
        Span<double> predicted = stackalloc double[Series];
        Predict(E.AsSpan(at, Series), Size[n], ratio, predicted);
        for (var s = 0; s < Series; s++)
        {
            var lambda = Shrinkage(level, s, Size[n]);
            Ratio[at + s] = Move(ratio[s], lambda * Step(Y[at + s], predicted[s], Size[n]));
            Posterior[at + s] = lambda * Within[level * Series + s] / Size[n];
        }
    }

    private void Reserve(int rows)
    {
        if (_inverse.Length >= rows) return;
        // At once as many rows as any fit can take, so that the buffers are made once and not again as the count grows.
        _inverse = new double[Math.Max(rows, MostRows())];
        _squares = new double[_inverse.Length * Series];
        _predicted = new double[_inverse.Length * Series];
        _rows = new int[_inverse.Length];
    }

    /// <summary>The most rows one fit takes: a level's nodes (all of the split level's), or the boxes, subsampled.</summary>
    private int MostRows()
    {
        var most = Math.Min(_tree.BoxUnit.Length, MaxFitted);
        for (var level = 1; level < _tree.LevelCount; level++)
        {
            var nodes = _tree.LevelStart[level + 1] - _tree.LevelStart[level];
            most = Math.Max(most, level == _tree.SplitLevel ? nodes : Math.Min(nodes, MaxFitted));
        }
        return most;
    }
}
