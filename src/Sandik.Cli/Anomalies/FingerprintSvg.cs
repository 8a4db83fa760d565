using System.Globalization;
using System.Security;
using System.Text;
using Sandik.Domain.Anomalies.Forensics;

namespace Sandik.Cli.Anomalies;

/// <summary>
/// Draws a <see cref="Fingerprint"/> as an SVG heat map: turnout across, the leader's share up, boxes per cell on a
/// logarithmic colour scale from white to dark red. Honest elections show one blob; stuffing smears boxes towards the
/// top-right corner.
/// </summary>
public static class FingerprintSvg
{
    private const int Cell = 8, Left = 56, Top = 40, Bottom = 48, Right = 24;

    public static string Render(Fingerprint print)
    {
        var size = print.Bins * Cell;
        var width = Left + size + Right;
        var height = Top + size + Bottom;
        var svg = new StringBuilder();
        svg.Append(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"sans-serif\" font-size=\"11\">\n"));
        svg.Append(Invariant($"<rect x=\"0\" y=\"0\" width=\"{width}\" height=\"{height}\" fill=\"white\"/>\n"));
        svg.Append(Invariant($"<text x=\"{Left}\" y=\"16\" font-size=\"13\" font-weight=\"bold\">{Escape(print.AreaName)}: {Escape(print.Choice)} / katılım</text>\n"));
        svg.Append(Invariant($"<text x=\"{Left}\" y=\"31\">{print.Boxes:N0} boxes; correlation {print.Correlation:F2}; turnout ≥ 95% and share ≥ 80%: {print.CornerShare:P1}</text>\n"));
        svg.Append(Invariant($"<rect x=\"{Left}\" y=\"{Top}\" width=\"{size}\" height=\"{size}\" fill=\"#fafafa\" stroke=\"#999\"/>\n"));
        var scale = Math.Log(1 + Math.Max(1, print.Peak));
        for (var t = 0; t < print.Bins; t++)
        {
            for (var s = 0; s < print.Bins; s++)
            {
                var n = print[t, s];
                if (n == 0) continue;
                var x = Left + t * Cell;
                var y = Top + size - (s + 1) * Cell;
                svg.Append(Invariant($"<rect x=\"{x}\" y=\"{y}\" width=\"{Cell}\" height=\"{Cell}\" fill=\"{Colour(Math.Log(1 + n) / scale)}\"><title>{n}</title></rect>\n"));
            }
        }
        for (var tick = 0; tick <= 100; tick += 20)
        {
            var offset = tick * size / 100;
            svg.Append(Invariant($"<text x=\"{Left + offset}\" y=\"{Top + size + 16}\" text-anchor=\"middle\">{tick}%</text>\n"));
            svg.Append(Invariant($"<text x=\"{Left - 6}\" y=\"{Top + size - offset + 4}\" text-anchor=\"end\">{tick}%</text>\n"));
        }
        svg.Append(Invariant($"<text x=\"{Left + size / 2}\" y=\"{height - 10}\" text-anchor=\"middle\">turnout / katılım</text>\n"));
        svg.Append(Invariant($"<text transform=\"translate(14 {Top + size / 2}) rotate(-90)\" text-anchor=\"middle\">{Escape(print.Choice)} share / oy oranı</text>\n"));
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    // White (nothing) through orange to dark red (the fullest cell).
    private static string Colour(double level)
    {
        level = Math.Clamp(level, 0, 1);
        var r = (int)Math.Round(255 - 90 * level);
        var g = (int)Math.Round(235 * (1 - level));
        var b = (int)Math.Round(200 * (1 - level) * (1 - level));
        return Invariant($"#{r:x2}{g:x2}{b:x2}");
    }

    private static string Escape(string text) => SecurityElement.Escape(text) ?? "";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
