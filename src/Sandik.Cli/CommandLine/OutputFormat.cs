namespace Sandik.Cli.CommandLine;

public enum OutputFormat
{
    Table,
    Csv,
    Json,
}

public static class OutputFormats
{
    public const string Option = "--format";

    public static OutputFormat From(Arguments args) => args.OneOf(Option, "table", "table", "csv", "json") switch
    {
        "csv" => OutputFormat.Csv,
        "json" => OutputFormat.Json,
        _ => OutputFormat.Table,
    };
}
