using System.Globalization;
using System.Text;
using Sandik.Domain.Projection.Backtest;

namespace Sandik.Cli.Projection;

/// <summary>
/// The convergence chart of a backtest, as a standalone SVG: above, the largest error of the projection, the raw count
/// and the golden quick count as counting goes on; below, each major party's projection minus its final share with
/// the 90% interval (first seed). The x axis is logarithmic in the share of boxes counted.
/// </summary>
internal static class ConvergenceChart
{
    private const double Width = 900, Left = 70, Right = 170, PanelHeight = 260, Top = 50, Gap = 70;
    private static readonly string[] Palette = ["#f39c12", "#d7191c", "#1f3a93", "#8e44ad", "#17a589", "#7f8c8d", "#2e86c1", "#a04000"];

    public static string Svg(BacktestReport report, IReadOnlyList<CheckpointSummary> summary)
    {
        var svg = new SvgText(Width, Top + 2 * PanelHeight + Gap + 50);
        svg.Text(Left, 28, $"Backtest of {report.ElectionId} from {report.PriorElectionId ?? "no prior"}", 16, "bold");
        var xs = summary.Select(s => s.Target).ToList();
        if (xs.Count == 0) return svg.ToString();
        var (xMin, xMax) = (xs.Min(), xs.Max());
        double X(double f) => xMax > xMin ? Left + (Math.Log(f) - Math.Log(xMin)) / (Math.Log(xMax) - Math.Log(xMin)) * (Width - Left - Right) : Left;

        var errors = summary.Select(s => s.RawMaxError).Concat(summary.Select(s => s.MaxError)).Concat(summary.Select(s => s.GoldenMaxError ?? 0)).Max() * 100;
        var top = Nice(errors);
        var panel1 = new Panel(Top + 10, PanelHeight, 0, top);
        Axes(svg, panel1, xs, X, "largest error of any party (pp)");
        Series(svg, panel1, X, summary.Select(s => (s.Target, s.RawMaxError * 100)).ToList(), "#7f8c8d", "raw count");
        if (summary.Any(s => s.GoldenMaxError is not null))
            Series(svg, panel1, X, summary.Where(s => s.GoldenMaxError is not null).Select(s => (s.Target, s.GoldenMaxError!.Value * 100)).ToList(), "#d4ac0d", "golden quick count");
        Series(svg, panel1, X, summary.Select(s => (s.Target, s.MaxError * 100)).ToList(), "#1f3a93", "projection");

        var seed = report.Checkpoints.Count > 0 ? report.Checkpoints[0].Seed : 0;
        var rows = report.Checkpoints.Where(c => c.Seed == seed).OrderBy(c => c.Target).ToList();
        var major = report.Choices.Select((id, k) => (id, k)).Where(c => report.FinalShares[c.k] >= CheckpointSummary.MajorShare).ToList();
        var spread = rows.SelectMany(r => major.Select(m => Math.Max(Math.Abs(r.Choices[m.k].Projected.Low - r.Choices[m.k].Final), Math.Abs(r.Choices[m.k].Projected.High - r.Choices[m.k].Final)))).DefaultIfEmpty(0.01).Max() * 100;
        var bound = Nice(spread);
        var panel2 = new Panel(Top + PanelHeight + Gap, PanelHeight, -bound, bound);
        Axes(svg, panel2, xs, X, $"projection − final (pp), 90% interval, seed {seed}");
        for (var i = 0; i < major.Count; i++)
        {
            var (id, k) = major[i];
            var colour = Palette[i % Palette.Length];
            var band = rows.Select(r => (r.Target, (r.Choices[k].Projected.Low - r.Choices[k].Final) * 100)).Concat(
                rows.AsEnumerable().Reverse().Select(r => (r.Target, (r.Choices[k].Projected.High - r.Choices[k].Final) * 100))).ToList();
            svg.Polygon(band.Select(p => (X(p.Target), panel2.Y(p.Item2))), colour, 0.15);
            Series(svg, panel2, X, rows.Select(r => (r.Target, (r.Choices[k].Projected.Value - r.Choices[k].Final) * 100)).ToList(), colour, id);
        }
        return svg.ToString();
    }

    private sealed record Panel(double Top, double Height, double Min, double Max)
    {
        public double Y(double value) => Top + Height - (Math.Clamp(value, Min, Max) - Min) / (Max - Min) * Height;
    }

    private static int _legendRow;

    private static void Axes(SvgText svg, Panel panel, List<double> xs, Func<double, double> x, string label)
    {
        _legendRow = 0;
        svg.Text(Left, panel.Top - 10, label, 13, "normal");
        for (var i = 0; i <= 4; i++)
        {
            var value = panel.Min + (panel.Max - panel.Min) * i / 4;
            var y = panel.Y(value);
            svg.Line(Left, y, Width - Right, y, value == 0 ? "#555" : "#ddd", 1);
            svg.Text(Left - 8, y + 4, value.ToString("0.##", CultureInfo.InvariantCulture), 11, "normal", "end");
        }
        foreach (var f in xs)
        {
            svg.Line(x(f), panel.Top, x(f), panel.Top + panel.Height, "#eee", 1);
            svg.Text(x(f), panel.Top + panel.Height + 16, (f * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%", 11, "normal", "middle");
        }
    }

    private static void Series(SvgText svg, Panel panel, Func<double, double> x, List<(double X, double Y)> points, string colour, string name)
    {
        svg.Polyline(points.Select(p => (x(p.X), panel.Y(p.Y))), colour);
        foreach (var p in points) svg.Circle(x(p.X), panel.Y(p.Y), 3, colour);
        var legendY = panel.Top + 12 + 18 * _legendRow++;
        svg.Line(Width - Right + 15, legendY - 4, Width - Right + 35, legendY - 4, colour, 2.5);
        svg.Text(Width - Right + 40, legendY, name, 12, "normal");
    }

    private static double Nice(double value)
    {
        if (value <= 0 || !double.IsFinite(value)) return 1;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(value)));
        foreach (var step in new[] { 1, 2, 2.5, 5, 10 })
        {
            if (step * magnitude >= value) return step * magnitude;
        }
        return 10 * magnitude;
    }
}
