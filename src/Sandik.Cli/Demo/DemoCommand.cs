using Sandik.Cli.Admin;
using Sandik.Cli.CommandLine;
using Sandik.Cli.Imports;
using Sandik.Cli.Loading;
using Sandik.Cli.Replay;
using Sandik.Cli.Serving;
using Sandik.Import;
using Sandik.Server.Hosting;
using Sandik.Storage;
using Spectre.Console;

namespace Sandik.Cli.Demo;

/// <summary>
/// <c>sandik demo</c>: election night of 1 November 2015, again. Starts the server on a fresh embedded SQLite store
/// holding the shipped election's ballot-box registry, and replays the night from nine sources in the background so
/// that the country fills in about two minutes.
/// </summary>
public static class DemoCommand
{
    public const string ElectionId = "tr-2015-11-general";

    /// <summary>The general election five months earlier: the projection's and the anomaly checks' baseline.</summary>
    public const string PriorElectionId = "tr-2015-06-general";

    /// <summary>The simulated night lasts about eight hours; this speed plays it in about two minutes.</summary>
    public const double Speed = 240;

    public const string Usage = """
        sandik demo [--urls http://127.0.0.1:5080] [--speed 240] [--store CONN]
          Serves the general election of 1 November 2015 on a fresh store (embedded SQLite by default) and replays its
          night from nine sources in the background, with the June 2015 election as the projection's baseline; open the printed address and sign in with the one-time
          credentials printed with it.
        """;

    public static async Task<int> RunAsync(CliContext context, IReadOnlyList<string> argv, CancellationToken ct)
    {
        var args = Arguments.Parse(argv, ["--urls", "--speed", "--store"], []);
        var speed = args.Number("--speed", Speed, above: 0);
        var connection = args.Get("--store") ?? FreshDemoStore(context);
        var file = Path.Combine(context.Turkey.DataDirectory, "results", ElectionId + ".csv.gz");
        var definition = context.Turkey.Election(ElectionId);
        var results = context.WithProgress("1 Kasım 2015 / 1 November 2015", p => ResultFiles.Read(file, definition, context.Turkey, p));
        var sources = context.Turkey.DefaultSources();
        var priorFile = Path.Combine(context.Turkey.DataDirectory, "results", PriorElectionId + ".csv.gz");
        var prior = context.WithProgress("7 Haziran 2015 / 7 June 2015", p => ResultFiles.Read(priorFile, context.Turkey.Election(PriorElectionId), context.Turkey, p));
        await using (var store = ElectionStores.Open(connection))
        {
            await store.InitializeAsync(ct);
            await ImportCommand.SaveAsync(store, new StoredElection(prior.Election, sources, prior.Geography), prior, ImportSources.Default, ct);
            await store.SaveElectionAsync(new StoredElection(definition, Sandik.Server.Audit.OverrideSource.AddTo(sources), results.Geography), ct);
        }

        var options = new SandikServerOptions { Store = connection, Election = ElectionId, PriorElection = PriorElectionId, PublicResults = true };
        await using var app = SandikServer.Build(options, ["--urls", args.Get("--urls") ?? ServeCommand.DefaultUrls]);
        await app.StartAsync(ct);
        var url = app.Urls.First();
        context.Messages.MarkupLine($"[bold green]Sandik is serving {Markup.Escape(url)}[/] — open it in a browser (Ctrl+C to stop).");
        context.Messages.MarkupLine($"The public results, without signing in: {Markup.Escape(url)}/public");
        await DemoAccounts.CreateAsync(app.Services, context, url, ct);

        var truth = RaceLoader.FromFile(context, file, ElectionId);
        var keys = await ReplayKeys.IssueAsync(connection, sources, "demo", ct);
        using var http = ReplayCommand.Client(url, 16);
        _ = Task.Run(async () =>
        {
            try
            {
                var summary = await ReplayCommand.RunAsync(context, http, truth, keys, speed, seed: 1, connections: 16, ct);
                ReplayCommand.Print(context, summary);
                context.Messages.MarkupLine($"The night is over; still serving {Markup.Escape(url)}.");
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                context.Messages.MarkupLine($"[red]The replay stopped: {Markup.Escape(e.Message)}[/]");
            }
        }, ct);
        await app.WaitForShutdownAsync(ct);
        return 0;
    }

    private static string FreshDemoStore(CliContext context)
    {
        var folder = Path.Combine(Directory.GetParent(context.Turkey.DataDirectory)!.FullName, ".sandik");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "demo.db");
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            if (File.Exists(path + suffix)) File.Delete(path + suffix);
        }
        return $"Data Source={path}";
    }
}
