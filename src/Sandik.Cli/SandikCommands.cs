using Sandik.Cli.CommandLine;
using Sandik.Cli.Demo;
using Sandik.Cli.Imports;
using Sandik.Cli.Keys;
using Sandik.Cli.Replay;
using Sandik.Cli.Serving;
using Sandik.Cli.Loading;
using Sandik.Cli.Results;
using Sandik.Cli.Seats;
using Sandik.Domain;
using Sandik.Import;
using Spectre.Console;

namespace Sandik.Cli;

/// <summary>The command table of <c>sandik</c>, and the one place where failures become messages and exit codes.</summary>
public static class SandikCommands
{
    private static readonly Dictionary<string, (string Usage, Func<CliContext, IReadOnlyList<string>, CancellationToken, Task<int>> Run)> Commands = new()
    {
        ["demo"] = (DemoCommand.Usage, DemoCommand.RunAsync),
        ["import"] = (ImportCommand.Usage, ImportCommand.RunAsync),
        ["results"] = (ResultsCommand.Usage, ResultsCommand.RunAsync),
        ["seats"] = (SeatsCommand.Usage, SeatsCommand.RunAsync),
        ["backtest"] = (Projection.BacktestCommand.Usage, Projection.BacktestCommand.RunAsync),
        ["golden"] = (Golden.GoldenCommand.Usage, Golden.GoldenCommand.RunAsync),
        ["serve"] = (ServeCommand.Usage, ServeCommand.RunAsync),
        ["keys"] = (KeysCommand.Usage, KeysCommand.RunAsync),
        ["sources"] = (Sources.SourcesCommand.Usage, Sources.SourcesCommand.RunAsync),
        ["admin"] = (Admin.AdminCommand.Usage, Admin.AdminCommand.RunAsync),
        ["replay"] = (ReplayCommand.Usage, ReplayCommand.RunAsync),
        ["anomalies"] = (Anomalies.AnomaliesCommand.Usage, Anomalies.AnomaliesCommand.RunAsync),
    };

    /// <returns>0 on success, 1 when the work failed (bad file, bad definition), 2 for a wrong command line.</returns>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, CliContext context, CancellationToken ct)
    {
        if (args.Count == 0 || args[0] is "help" or "--help" or "-h")
        {
            context.Messages.WriteLine("Sandik — election-night results and integrity / seçim gecesi sonuç ve güvenlik platformu.");
            context.Messages.WriteLine();
            foreach (var (_, (usage, _)) in Commands) context.Messages.WriteLine(usage);
            return args.Count == 0 ? 2 : 0;
        }
        if (!Commands.TryGetValue(args[0], out var command))
        {
            context.Messages.MarkupLine($"[red]Unknown command '{Markup.Escape(args[0])}'.[/] Commands: {string.Join(", ", Commands.Keys)}. Try 'sandik help'.");
            return 2;
        }
        try
        {
            return await command.Run(context, args.Skip(1).ToList(), ct);
        }
        catch (UsageException e)
        {
            context.Messages.MarkupLine($"[red]{Markup.Escape(e.Message)}[/]");
            context.Messages.WriteLine();
            context.Messages.WriteLine(command.Usage);
            return 2;
        }
        catch (Exception e) when (e is ImportFailedException or DefinitionException or InvalidOperationException or IOException or UnauthorizedAccessException or HttpRequestException or ArgumentException)
        {
            context.Messages.MarkupLine($"[red]{Markup.Escape(e.Message)}[/]");
            return 1;
        }
    }
}
