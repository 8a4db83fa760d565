namespace Sandik.Domain.Anomalies;

/// <summary>
/// How boxes' standardised departures correlate with each other — turnout with shares, one share with another —
/// per peer basis and per region (province), inverted for the <see cref="PatternTest"/>. Which parties trade votes
/// between neighbouring streets differs by region (AK Parti with CHP in the west, with HDP in the south-east), so a
/// region's correlations are its own, pulled towards the country's with the weight of <see cref="PooledRows"/> boxes
/// so that a small region is not judged on a handful. Boxes with a wild departure (beyond five spreads) are left out
/// so that the oddities the test looks for cannot shape it; a small ridge keeps the inverse stable (the shares add
/// up to one). Not thread-safe while fitting.
/// </summary>
public sealed class DepartureCorrelations
{
    private const double Trim = 5, Ridge = 0.01;
    private const int Bases = 3;
    private readonly int _k;
    private readonly int _regions;
    private readonly double[][] _inverse;
    private readonly double[][] _sums;
    private readonly long[] _rows;

    /// <param name="regions">Regions boxes are grouped into (0 or 1: the country alone).</param>
    public DepartureCorrelations(int dimensions, int regions = 0)
    {
        _k = dimensions;
        _regions = Math.Max(regions, 0);
        // Index 0 of each basis is the country, 1 + r region r.
        var slots = Bases * (_regions + 1);
        _inverse = new double[slots][];
        _sums = new double[slots][];
        _rows = new long[slots];
        for (var s = 0; s < slots; s++)
        {
            _inverse[s] = Identity(_k);
            _sums[s] = new double[_k * _k];
        }
    }

    /// <summary>Weight, in boxes, of the country's correlations in a region's (ten per dimension).</summary>
    public int PooledRows => 10 * _k;

    /// <summary>The inverse correlation matrix of a basis in a region (-1: the country), row-major (the identity until fitted).</summary>
    public double[] Inverse(PeerBasis basis, int region = -1) => _inverse[Slot(basis, region)];

    /// <summary>Forgets the departures gathered so far (before a refresh).</summary>
    public void BeginFit()
    {
        foreach (var s in _sums) Array.Clear(s);
        Array.Clear(_rows);
    }

    /// <summary>Adds one box's standardised departures.</summary>
    /// <param name="region">The box's region, or -1.</param>
    public void Observe(PeerBasis basis, int region, ReadOnlySpan<double> z)
    {
        if (basis == PeerBasis.None) return;
        foreach (var v in z)
        {
            if (double.IsNaN(v) || Math.Abs(v) > Trim) return;
        }
        Add(Slot(basis, -1), z);
        if (region >= 0 && region < _regions) Add(Slot(basis, region), z);
    }

    /// <summary>Turns what was observed into correlation matrices and inverts them; a basis with too few boxes keeps the identity.</summary>
    public void EndFit()
    {
        for (var b = 0; b < Bases; b++)
        {
            var country = Slot((PeerBasis)(b + 1), -1);
            if (_rows[country] < PooledRows)
            {
                for (var r = -1; r < _regions; r++) _inverse[Slot((PeerBasis)(b + 1), r)] = Identity(_k);
                continue;
            }
            var countryMoments = new double[_k * _k];
            for (var i = 0; i < countryMoments.Length; i++) countryMoments[i] = _sums[country][i] / _rows[country];
            _inverse[country] = Invert(_sums[country]);
            for (var r = 0; r < _regions; r++)
            {
                var slot = Slot((PeerBasis)(b + 1), r);
                var pooled = new double[_k * _k];
                for (var i = 0; i < pooled.Length; i++) pooled[i] = _sums[slot][i] + PooledRows * countryMoments[i];
                _inverse[slot] = Invert(pooled);
            }
        }
    }

    private int Slot(PeerBasis basis, int region) => ((int)basis - 1) * (_regions + 1) + (region >= 0 && region < _regions ? 1 + region : 0);

    private void Add(int slot, ReadOnlySpan<double> z)
    {
        var sums = _sums[slot];
        for (var i = 0; i < _k; i++)
        {
            for (var j = 0; j < _k; j++) sums[i * _k + j] += z[i] * z[j];
        }
        _rows[slot]++;
    }

    // Second moments to a correlation matrix with the ridge, inverted.
    private double[] Invert(double[] s)
    {
        var c = new double[_k * _k];
        for (var i = 0; i < _k; i++)
        {
            for (var j = 0; j < _k; j++)
            {
                var r = s[i * _k + j] / Math.Sqrt(s[i * _k + i] * s[j * _k + j]);
                c[i * _k + j] = (i == j ? 1 + Ridge : r) / (1 + Ridge);
            }
        }
        return SmallMatrix.Invert(c, _k) ?? Identity(_k);
    }

    private static double[] Identity(int n)
    {
        var m = new double[n * n];
        for (var i = 0; i < n; i++) m[i * n + i] = 1;
        return m;
    }
}
