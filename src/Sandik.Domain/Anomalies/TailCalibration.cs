namespace Sandik.Domain.Anomalies;

/// <summary>
/// Turns a check's raw statistic into a surprise: −log10 of the share of boxes with a statistic at least as large.
/// Real data has heavy tails (a garrison box, a street of one community), and they differ from check to check; read
/// off the boxes themselves, a surprise of 3 means "one box in a thousand looks like this" whatever the check, so
/// checks can be added up. Beyond the largest observed quantile the tail is extended exponentially, with the mean
/// excess of the top percent as its scale (a peaks-over-threshold estimate), so the most extreme boxes stay ordered.
/// Immutable once fitted.
/// </summary>
public sealed class TailCalibration
{
    private static readonly double[] Levels = [0.5, 0.3, 0.2, 0.1, 0.05, 0.02, 0.01, 0.005, 0.002, 0.001];
    private readonly double[] _x;
    private readonly double[] _log;
    private readonly double _tailScale;

    private TailCalibration(double[] x, double[] log, double tailScale)
    {
        _x = x;
        _log = log;
        _tailScale = tailScale;
    }

    /// <summary>Every statistic counts as unsurprising until a calibration is fitted.</summary>
    public static TailCalibration Flat { get; } = new([], [], 1);

    /// <summary>Fits the calibration to the statistics of all boxes (zeros included). Reorders the span.</summary>
    public static TailCalibration Fit(Span<double> values)
    {
        var n = values.Length;
        if (n < 100) return Flat;
        // Most statistics are zero for most boxes: only the positive ones need sorting.
        var positive = 0;
        for (var i = 0; i < n; i++)
        {
            if (values[i] > 0) values[positive++] = values[i];
        }
        var tail = values[..positive];
        tail.Sort();
        var xs = new List<double>();
        var logs = new List<double>();
        foreach (var p in Levels)
        {
            // The value that a share p of all boxes reaches: zero when fewer boxes than that are positive.
            var rank = (int)Math.Floor(p * n);
            var x = rank < positive ? tail[positive - 1 - rank] : 0;
            if (x <= 0 || (xs.Count > 0 && x <= xs[^1])) continue;
            xs.Add(x);
            logs.Add(-Math.Log10(p));
        }
        if (xs.Count == 0) return Flat;
        var top = (int)Math.Min(positive, Math.Max(2, Math.Ceiling(0.01 * n)));
        var threshold = tail[positive - top];
        double excess = 0;
        for (var i = positive - top; i < positive; i++) excess += tail[i] - threshold;
        var scale = excess > 0 ? excess / top : Math.Max(xs[^1], 1e-9);
        return new TailCalibration([.. xs], [.. logs], scale);
    }

    /// <summary>−log10 of the estimated share of boxes with a statistic at least this large (0 for the unremarkable).</summary>
    public double Surprise(double x)
    {
        if (_x.Length == 0 || x <= 0 || double.IsNaN(x)) return 0;
        if (x <= _x[0]) return _log[0] * x / _x[0];
        for (var i = 1; i < _x.Length; i++)
        {
            if (x <= _x[i]) return _log[i - 1] + (_log[i] - _log[i - 1]) * (x - _x[i - 1]) / (_x[i] - _x[i - 1]);
        }
        return _log[^1] + (x - _x[^1]) / (_tailScale * Math.Log(10));
    }
}
