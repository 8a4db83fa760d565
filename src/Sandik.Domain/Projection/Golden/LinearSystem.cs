namespace Sandik.Domain.Projection.Golden;

/// <summary>Solves small symmetric positive semi-definite systems (normal equations) by Cholesky, with a touch of ridge.</summary>
internal static class LinearSystem
{
    /// <summary>Solves <c>A x = b</c> for an n×n row-major A; null when A is degenerate even after regularisation.</summary>
    public static double[]? Solve(double[] a, double[] b, int n)
    {
        var m = (double[])a.Clone();
        for (var i = 0; i < n; i++) m[i * n + i] += 1e-9 * Math.Max(a[i * n + i], 1e-300);
        for (var j = 0; j < n; j++)
        {
            var sum = m[j * n + j];
            for (var k = 0; k < j; k++) sum -= m[j * n + k] * m[j * n + k];
            if (sum <= 0 || !double.IsFinite(sum)) return null;
            m[j * n + j] = Math.Sqrt(sum);
            for (var i = j + 1; i < n; i++)
            {
                var s = m[i * n + j];
                for (var k = 0; k < j; k++) s -= m[i * n + k] * m[j * n + k];
                m[i * n + j] = s / m[j * n + j];
            }
        }
        var x = (double[])b.Clone();
        for (var i = 0; i < n; i++)
        {
            for (var k = 0; k < i; k++) x[i] -= m[i * n + k] * x[k];
            x[i] /= m[i * n + i];
        }
        for (var i = n - 1; i >= 0; i--)
        {
            for (var k = i + 1; k < n; k++) x[i] -= m[k * n + i] * x[k];
            x[i] /= m[i * n + i];
        }
        return x;
    }
}
