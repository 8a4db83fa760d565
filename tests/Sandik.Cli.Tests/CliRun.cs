using System.IO.Compression;
using System.Text.Json;
using Sandik.Cli.Loading;
using Sandik.Cli.CommandLine;

namespace Sandik.Cli.Tests;

/// <summary>Runs the command line in-process and captures what it prints.</summary>
public sealed record CliRun(int ExitCode, string Output, string Messages)
{
    public static string DataFile(params string[] parts) =>
        Path.Combine([Import.DataDirectory.Locate(), .. parts]);

    /// <summary>The first lines of a gzipped data file (its header and the rows after it).</summary>
    public static string[] FirstLines(string gz, int count)
    {
        using var reader = new StreamReader(new GZipStream(File.OpenRead(gz), CompressionMode.Decompress));
        var lines = new List<string>();
        while (lines.Count < count && reader.ReadLine() is { } line) lines.Add(line);
        return [.. lines];
    }

    public static async Task<CliRun> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var messages = new StringWriter();
        var context = new CliContext
        {
            Out = output,
            Messages = Consoles.For(messages),
        };
        System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.InvariantCulture;
        var code = await SandikCommands.RunAsync(args, context, CancellationToken.None);
        return new CliRun(code, output.ToString(), messages.ToString());
    }

    public JsonElement Json() => JsonDocument.Parse(Output).RootElement;
}
