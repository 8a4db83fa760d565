namespace Sandik.Cli.Anomalies;

/// <summary>RFC 4180 fields: quoted when they hold a comma, a quote or a line break, quotes doubled.</summary>
internal static class Csv
{
    public static string Field(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
