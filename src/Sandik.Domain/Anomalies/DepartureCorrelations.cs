namespace Sandik.Domain.Anomalies;

/// <summary>
/// How boxes' standardised departures correlate with each other — turnout with shares, one share with another —
/// estimated over all boxes of each peer basis, and inverted for the <see cref="PatternTest"/>. Boxes with a wild
/// departure (beyond five spreads) are left out so that the oddities the test looks for cannot shape it; a small ridge
/// keeps the inverse stable (the shares add up to one). Not thread-safe while fitting.
/// </summary>
public sealed class DepartureCorrelations
{
    private const double Trim = 5, Ridge = 0.01;
    private readonly int _k;
    private readonly double[][] _inverse = new double[3][];
    private readonly double[][] _sums = new double[3][];
    private readonly long[] _rows = new long[3];

    public DepartureCorrelations(int dimensions)
    {
        _k = dimensions;
        for (var b = 0; b < 3; b++)
        {
            _inverse[b] = Identity(_k);
            _sums[b] = new double[_k * _k];
        }
    }

    /// <summary>The inverse correlation matrix of a basis, row-major (the identity until fitted).</summary>
    public double[] Inverse(PeerBasis basis) => _inverse[(int)basis - 1];

    /// <summary>Forgets the departures gathered so far (before a refresh).</summary>
    public void BeginFit()
    {
        foreach (var s in _sums) Array.Clear(s);
        Array.Clear(_rows);
    }

    /// <summary>Adds one box's standardised departures.</summary>
    public void Observe(PeerBasis basis, ReadOnlySpan<double> z)
    {
        if (basis == PeerBasis.None) return;
        foreach (var v in z)
        {
            if (double.IsNaN(v) || Math.Abs(v) > Trim) return;
        }
        var sums = _sums[(int)basis - 1];
        for (var i = 0; i < _k; i++)
        {
            for (var j = 0; j < _k; j++) sums[i * _k + j] += z[i] * z[j];
        }
        _rows[(int)basis - 1]++;
    }

    /// <summary>Turns what was observed into correlation matrices and inverts them; a basis with too few boxes keeps the identity.</summary>
    public void EndFit()
    {
        for (var b = 0; b < 3; b++)
        {
            if (_rows[b] < 10 * _k) continue;
            var s = _sums[b];
            var c = new double[_k * _k];
            for (var i = 0; i < _k; i++)
            {
                for (var j = 0; j < _k; j++)
                {
                    var r = s[i * _k + j] / Math.Sqrt(s[i * _k + i] * s[j * _k + j]);
                    c[i * _k + j] = (i == j ? 1 + Ridge : r) / (1 + Ridge);
                }
            }
            _inverse[b] = SmallMatrix.Invert(c, _k) ?? Identity(_k);
        }
    }

    private static double[] Identity(int n)
    {
        var m = new double[n * n];
        for (var i = 0; i < n; i++) m[i * n + i] = 1;
        return m;
    }
}
