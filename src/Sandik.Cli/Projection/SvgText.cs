using System.Globalization;
using System.Security;
using System.Text;

namespace Sandik.Cli.Projection;

/// <summary>A minimal SVG writer: the few shapes the charts need, with invariant numbers and escaped text.</summary>
internal sealed class SvgText
{
    private readonly StringBuilder _body = new();
    private readonly double _width, _height;

    public SvgText(double width, double height) => (_width, _height) = (width, height);

    public void Line(double x1, double y1, double x2, double y2, string stroke, double width) =>
        _body.AppendLine(F($"<line x1=\"{x1:F1}\" y1=\"{y1:F1}\" x2=\"{x2:F1}\" y2=\"{y2:F1}\" stroke=\"{stroke}\" stroke-width=\"{width}\"/>"));

    public void Circle(double x, double y, double r, string fill) =>
        _body.AppendLine(F($"<circle cx=\"{x:F1}\" cy=\"{y:F1}\" r=\"{r}\" fill=\"{fill}\"/>"));

    public void Polyline(IEnumerable<(double X, double Y)> points, string stroke) =>
        _body.AppendLine($"<polyline fill=\"none\" stroke=\"{stroke}\" stroke-width=\"2.5\" points=\"{Points(points)}\"/>");

    public void Polygon(IEnumerable<(double X, double Y)> points, string fill, double opacity) =>
        _body.AppendLine(F($"<polygon fill=\"{fill}\" fill-opacity=\"{opacity}\" stroke=\"none\" points=\"{Points(points)}\"/>"));

    public void Text(double x, double y, string text, double size, string weight, string anchor = "start") =>
        _body.AppendLine(F($"<text x=\"{x:F1}\" y=\"{y:F1}\" font-size=\"{size}\" font-weight=\"{weight}\" text-anchor=\"{anchor}\">{SecurityElement.Escape(text)}</text>"));

    public override string ToString() =>
        F($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{_width}\" height=\"{_height}\" viewBox=\"0 0 {_width} {_height}\" font-family=\"sans-serif\">\n")
        + F($"<rect width=\"{_width}\" height=\"{_height}\" fill=\"white\"/>\n") + _body + "</svg>\n";

    private static string Points(IEnumerable<(double X, double Y)> points) =>
        string.Join(' ', points.Select(p => F($"{p.X:F1},{p.Y:F1}")));

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
