namespace Sandik.Domain.Anomalies;

/// <summary>The little linear algebra the pattern test needs: square matrices of a handful of rows, row-major.</summary>
internal static class SmallMatrix
{
    /// <summary>The inverse by Gauss-Jordan elimination with partial pivoting; null when the matrix is singular.</summary>
    public static double[]? Invert(ReadOnlySpan<double> matrix, int n)
    {
        var a = new double[n * 2 * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++) a[i * 2 * n + j] = matrix[i * n + j];
            a[i * 2 * n + n + i] = 1;
        }
        var width = 2 * n;
        for (var col = 0; col < n; col++)
        {
            var pivot = col;
            for (var r = col + 1; r < n; r++)
            {
                if (Math.Abs(a[r * width + col]) > Math.Abs(a[pivot * width + col])) pivot = r;
            }
            if (Math.Abs(a[pivot * width + col]) < 1e-12) return null;
            if (pivot != col)
            {
                for (var j = 0; j < width; j++) (a[col * width + j], a[pivot * width + j]) = (a[pivot * width + j], a[col * width + j]);
            }
            var scale = 1 / a[col * width + col];
            for (var j = 0; j < width; j++) a[col * width + j] *= scale;
            for (var r = 0; r < n; r++)
            {
                if (r == col) continue;
                var factor = a[r * width + col];
                if (factor == 0) continue;
                for (var j = 0; j < width; j++) a[r * width + j] -= factor * a[col * width + j];
            }
        }
        var inverse = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++) inverse[i * n + j] = a[i * width + n + j];
        }
        return inverse;
    }
}
