namespace Sandik.Domain.Projection;

/// <summary>
/// Fits how far areas of one level stray from what their parent predicts: the squared scaled residual of an area with
/// v counted votes is modelled as <c>between + within / v</c>, by weighted least squares with weights from the
/// previous fit, so that small noisy areas do not dominate. A residual beyond <see cref="Cap"/> times its fitted value
/// is cut back to it before refitting: one mismatched box (a box renumbered since the prior, a data-entry error) must
/// not widen every interval of the night. Both parts are kept non-negative.
/// </summary>
internal static class SpreadFit
{
    private const double Cap = 30;

    /// <param name="squares">Scaled squared residuals.</param>
    /// <param name="inverseSize">1 / counted votes of each area.</param>
    public static (double Between, double Within) Fit(ReadOnlySpan<double> squares, ReadOnlySpan<double> inverseSize)
    {
        var (a, b) = Weighted(squares, inverseSize, 0, 0, false);
        (a, b) = Weighted(squares, inverseSize, a, b, true);
        return Weighted(squares, inverseSize, a, b, true);
    }

    private static (double A, double B) Weighted(ReadOnlySpan<double> y, ReadOnlySpan<double> x, double a0, double b0, bool capped)
    {
        double sw = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
        var weighted = a0 > 0 || b0 > 0;
        for (var i = 0; i < y.Length; i++)
        {
            var fitted = a0 + b0 * x[i];
            var w = weighted ? 1 / Math.Max(fitted * fitted, 1e-12) : 1;
            var value = capped && weighted ? Math.Min(y[i], Cap * fitted) : y[i];
            sw += w;
            sx += w * x[i];
            sy += w * value;
            sxx += w * x[i] * x[i];
            sxy += w * x[i] * value;
        }
        if (sw <= 0) return (0, 0);
        var det = sw * sxx - sx * sx;
        double a, b;
        if (Math.Abs(det) <= 1e-12 * sw * sxx) (a, b) = (sy / sw, 0);
        else
        {
            b = (sw * sxy - sx * sy) / det;
            a = (sy - b * sx) / sw;
        }
        if (a < 0) (a, b) = (0, sxx > 0 ? Math.Max(0, sxy / sxx) : 0);
        else if (b < 0) (a, b) = (Math.Max(0, sy / sw), 0);
        return (a, b);
    }
}
