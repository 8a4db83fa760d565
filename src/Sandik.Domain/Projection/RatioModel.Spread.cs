namespace Sandik.Domain.Projection;

internal sealed partial class RatioModel
{
    /// <summary>Fewest counted areas of a kind before its national effect is estimated rather than left at zero.</summary>
    private const int MinKindAreas = 5;

    /// <summary>
    /// Scaled squared residual of one counted area against its prediction: for shares, the difference over
    /// sqrt(s(1-s)) with s midway between predicted and counted share (so that a wrong prior of zero does not explode
    /// it); for turnout, relative to the prediction.
    /// </summary>
    private bool Residuals(ReadOnlySpan<double> y, double size, ReadOnlySpan<double> predicted, int row)
    {
        if (size <= 0) return false;
        for (var s = 0; s < Series; s++)
        {
            double z2;
            if (Normalised)
            {
                var share = (predicted[s] / size + y[s] / size) / 2;
                var delta = (y[s] - predicted[s]) / size;
                z2 = delta * delta / (share * (1 - share) + 1e-4);
            }
            else
            {
                var relative = (y[s] - predicted[s]) / (predicted[s] + Pseudo);
                z2 = relative * relative;
            }
            _squares[s * _inverse.Length + row] = z2;
        }
        _inverse[row] = 1 / size;
        return true;
    }

    private void FitLevel(int level, int count, int minAreas)
    {
        FittedAreas[level] = count >= minAreas ? count : 0;
        for (var s = 0; s < Series; s++)
        {
            var (a, b) = count >= minAreas
                ? SpreadFit.Fit(_squares.AsSpan(s * _inverse.Length, count), _inverse.AsSpan(0, count))
                : (FallbackBetween, FallbackWithin);
            Between[level * Series + s] = a;
            Within[level * Series + s] = b;
        }
    }

    /// <summary>
    /// The national effect of each kind of settlement on the split level: counted village (or town) areas against
    /// what their districts without them predict, pooled over the country, shrunk toward no effect by its standard
    /// error. Applied to the predictions of this level before their residuals are taken.
    /// </summary>
    private void EstimateKinds(int count)
    {
        for (var kind = 0; kind < PoolingTree.Kinds; kind++)
        {
            for (var s = 0; s < Series; s++)
            {
                var (effect, posterior) = KindEffectOver(count, kind, s, -1, 0, KindPrior);
                KindEffect[kind * Series + s] = effect;
                KindPosterior[kind * Series + s] = posterior;
            }
        }
        for (var i = 0; i < count; i++)
        {
            var n = _rows[i];
            var row = _predicted.AsSpan(i * Series, Series);
            var total = 0.0;
            for (var s = 0; s < Series; s++)
            {
                total += row[s];
                var effect = KindShift(n, s);
                row[s] = Uniform ? Math.Max(0, row[s] + effect * Size[n]) : row[s] * Math.Exp(effect);
            }
            if (!Normalised) continue;
            var after = 0.0;
            foreach (var v in row) after += v;
            if (after > 0)
            {
                for (var s = 0; s < Series; s++) row[s] *= total / after;
            }
        }
    }

    /// <summary>
    /// The effect of one kind of box among the given rows (one province's, or all when <paramref name="province"/> is
    /// -1) on top of <paramref name="baseEffect"/>, shrunk toward it by its standard error against a prior variance.
    /// (Provinces' own kind effects were tried on the 2015 pair and did not improve seats or shares; only the national
    /// one is used.)
    /// </summary>
    private (double Effect, double Posterior) KindEffectOver(int count, int kind, int s, int province, double baseEffect, double prior)
    {
        double observed = 0, expected = 0, size = 0;
        var areas = 0;
        for (var i = 0; i < count; i++)
        {
            var n = _rows[i];
            if (_tree.Kind[n] != kind || (province >= 0 && _tree.Top[n] != province)) continue;
            observed += Y[n * Series + s];
            expected += Moved(_predicted[i * Series + s], baseEffect, Size[n]);
            size += Size[n];
            areas++;
        }
        if (areas < MinKindAreas || size <= 0) return (baseEffect, prior);
        var raw = Step(observed, expected, size);
        double squares = 0, moved = 0;
        for (var i = 0; i < count; i++)
        {
            var n = _rows[i];
            if (_tree.Kind[n] != kind || (province >= 0 && _tree.Top[n] != province)) continue;
            var prediction = Moved(Moved(_predicted[i * Series + s], baseEffect, Size[n]), raw, Size[n]);
            var d = Y[n * Series + s] - prediction;
            squares += d * d;
            moved += prediction;
        }
        squares *= (double)areas / (areas - 1);
        var share = observed / size;
        var error = Normalised ? squares / (size * size) / (share * (1 - share) + 1e-4) : squares / Math.Pow(moved + Pseudo, 2);
        var lambda = prior / (prior + error);
        return (baseEffect + lambda * raw, lambda * error);
    }

    /// <summary>The shift of a split-level node from its district: its kind's national effect.</summary>
    private double KindShift(int node, int s) => KindEffect[_tree.Kind[node] * Series + s];

    private double Moved(double predicted, double effect, double size) =>
        Uniform ? predicted + effect * size : predicted * Math.Exp(effect);
}
