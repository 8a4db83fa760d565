using System.Globalization;
using System.Text.Encodings.Web;
using Sandik.Domain.Elections;

namespace Sandik.Server.Ui;

/// <summary>What the province map colours by.</summary>
public enum MapMetric
{
    Leader,
    Margin,
    Turnout,
    Counted,
}

/// <summary>One province's look on the map: fill colour and opacity, and the details shown on hover (HTML, escaped).</summary>
public sealed record MapShade(string Code, string Fill, double Opacity, string Tip);

/// <summary>Colours provinces by a metric. Party colours come from the election definition.</summary>
public static class MapShading
{
    public const string Uncounted = "#d9d9d9";
    public const double TurnoutLow = 0.60, TurnoutHigh = 0.95;
    private const string Fallback = "#7f8c8d";

    public static MapShade Shade(AreaRow row, MapMetric metric, Race race, UiText t)
    {
        var leader = row.Leader;
        var tip = Tip(row, race, t);
        if (row.Boxes == 0 || leader < 0) return new MapShade(row.Code, Uncounted, 0.9, tip);
        var party = ColourOf(race.Choices[leader]);
        return metric switch
        {
            MapMetric.Margin => new MapShade(row.Code, party, 0.2 + 0.75 * Math.Min(1, row.Margin / 0.5), tip),
            MapMetric.Turnout => new MapShade(row.Code, Blend("#eff3ff", "#08306b", (row.Turnout - TurnoutLow) / (TurnoutHigh - TurnoutLow)), 0.9, tip),
            MapMetric.Counted => new MapShade(row.Code, Blend("#f7fcf5", "#00441b", row.CountedShare), 0.9, tip),
            _ => new MapShade(row.Code, party, 0.85, tip),
        };
    }

    public static string ColourOf(Choice choice) => string.IsNullOrWhiteSpace(choice.Color) ? Fallback : choice.Color;

    /// <summary>The colour a fraction of the way from one hex colour to another (clamped to 0..1).</summary>
    public static string Blend(string from, string to, double fraction)
    {
        var f = Math.Clamp(double.IsFinite(fraction) ? fraction : 0, 0, 1);
        var a = Rgb(from);
        var b = Rgb(to);
        return "#" + string.Concat(Enumerable.Range(0, 3).Select(i => ((int)Math.Round(a[i] + (b[i] - a[i]) * f)).ToString("x2", CultureInfo.InvariantCulture)));
    }

    private static int[] Rgb(string hex) =>
        [.. Enumerable.Range(0, 3).Select(i => int.Parse(hex.AsSpan(1 + 2 * i, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture))];

    private static string Tip(AreaRow row, Race race, UiText t)
    {
        var html = HtmlEncoder.Default;
        var lines = new List<string> { $"<strong>{html.Encode(row.Name)}</strong>" };
        var leader = row.Leader;
        if (leader >= 0)
        {
            lines.Add($"{html.Encode(t.Leader)}: {html.Encode(t.ChoiceName(race.Choices[leader]))} {html.Encode(t.P(row.Share(leader)))}");
            lines.Add($"{html.Encode(t.Margin)}: {html.Encode(t.Points(row.Margin))}");
        }
        lines.Add($"{html.Encode(t.Turnout)}: {html.Encode(t.P(row.Turnout))}");
        lines.Add($"{html.Encode(t.Counted)}: {html.Encode(t.OutOf(row.Boxes, row.BoxesTotal))} ({html.Encode(t.P(row.CountedShare))})");
        return string.Join("<br>", lines);
    }
}
