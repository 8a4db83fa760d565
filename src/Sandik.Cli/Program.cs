using Sandik.Cli.CommandLine;
using Sandik.Cli.Demo;
using Sandik.Cli.Imports;
using Sandik.Cli.Loading;
using Sandik.Cli.Results;
using Sandik.Cli.Seats;
using Sandik.Domain;
using Sandik.Import;
using Spectre.Console;

var commands = new Dictionary<string, (string Usage, Func<CliContext, IReadOnlyList<string>, CancellationToken, Task<int>> Run)>
{
    ["demo"] = (DemoCommand.Usage, DemoCommand.RunAsync),
    ["import"] = (ImportCommand.Usage, ImportCommand.RunAsync),
    ["results"] = (ResultsCommand.Usage, ResultsCommand.RunAsync),
    ["seats"] = (SeatsCommand.Usage, SeatsCommand.RunAsync),
};

var context = new CliContext();
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };

if (args.Length == 0 || args[0] is "help" or "--help" or "-h")
{
    Console.Error.WriteLine("Sandik — election-night results and integrity.\n\nCommands:\n");
    foreach (var (_, (usage, _)) in commands) Console.Error.WriteLine(usage);
    return args.Length == 0 ? 2 : 0;
}
if (!commands.TryGetValue(args[0], out var command))
{
    Console.Error.WriteLine($"Unknown command '{args[0]}'. Commands: {string.Join(", ", commands.Keys)}. Try 'sandik help'.");
    return 2;
}
try
{
    return await command.Run(context, args[1..], cancel.Token);
}
catch (UsageException e)
{
    context.Messages.MarkupLine($"[red]{Markup.Escape(e.Message)}[/]");
    Console.Error.WriteLine();
    Console.Error.WriteLine(command.Usage);
    return 2;
}
catch (Exception e) when (e is ImportFailedException or DefinitionException or InvalidOperationException or IOException)
{
    context.Messages.MarkupLine($"[red]{Markup.Escape(e.Message)}[/]");
    return 1;
}
catch (OperationCanceledException)
{
    Console.Error.WriteLine("Cancelled.");
    return 130;
}
