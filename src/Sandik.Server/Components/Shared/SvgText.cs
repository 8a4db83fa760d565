using System.Globalization;
using Microsoft.AspNetCore.Components;

namespace Sandik.Server.Components.Shared;

/// <summary>Pieces of the charts drawn on the server as SVG.</summary>
public static class SvgText
{
    /// <summary>A label; Razor reserves <c>&lt;text&gt;</c>, so it is built by hand.</summary>
    public static RenderFragment Label(double x, double y, string anchor, string content, string cssClass = "axis") => builder =>
    {
        builder.OpenElement(0, "text");
        builder.AddAttribute(1, "class", cssClass);
        builder.AddAttribute(2, "x", F(x));
        builder.AddAttribute(3, "y", F(y));
        builder.AddAttribute(4, "text-anchor", anchor);
        builder.AddContent(5, content);
        builder.CloseElement();
    };

    /// <summary>A coordinate, invariant and short.</summary>
    public static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
