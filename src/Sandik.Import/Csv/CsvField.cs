namespace Sandik.Import.Csv;

/// <summary>Writing one CSV field (RFC 4180), the counterpart of <see cref="CsvReader"/>.</summary>
public static class CsvField
{
    /// <summary>The value as a field: quoted when it holds a comma, a quote or a line break, its quotes doubled.</summary>
    public static string Of(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
