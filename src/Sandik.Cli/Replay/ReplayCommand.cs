using Sandik.Cli.CommandLine;
using Sandik.Cli.Loading;
using Sandik.Domain.Simulation;
using Sandik.Domain.Submissions;
using Sandik.Domain.Tallies;
using Spectre.Console;

namespace Sandik.Cli.Replay;

/// <summary><c>sandik replay</c>: lives through a real election night again, against a running server.</summary>
public static class ReplayCommand
{
    public const string Usage = """
        sandik replay --input FILE --election ID [--url http://127.0.0.1:5080] [--speed 360 | --max] [--seed 1]
                      [--connections 16] [--keys FILE | --store CONN] [--verify]
          Turns an official per-box file into an election night from nine sources (delays, partial coverage, duplicates,
          retries, transcription errors) and sends it through the server's API. --speed 360 plays 6 hours in 60 seconds;
          --max sends as fast as the server takes it. --verify compares the count in the server's store (--store, or the
          default store) with the file at the end.
        """;

    public static async Task<int> RunAsync(CliContext context, IReadOnlyList<string> argv, CancellationToken ct)
    {
        var args = Arguments.Parse(argv, ["--input", "--election", "--url", "--speed", "--seed", "--connections", "--keys", "--store"], ["--max", "--verify"]);
        var input = args.Require("--input");
        var speed = args.Has("--max") ? (double?)null : args.Number("--speed", 360, above: 0);
        var seed = args.Whole("--seed", 1, min: 0);
        var connections = args.Whole("--connections", 16);
        var truth = RaceLoader.FromFile(context, input, args.Get("--election"));
        var keys = args.Get("--keys") is { } keyFile
            ? ReplayKeys.Read(keyFile)
            : await ReplayKeys.IssueAsync(context.StoreConnection(args.Get("--store")), truth.Sources, "replay", ct);
        using var http = Client(args.Get("--url") ?? Serving.ServeCommand.DefaultUrls, connections);
        var summary = await RunAsync(context, http, truth, keys, speed, seed, connections, ct);
        Print(context, summary);
        if (!args.Has("--verify")) return 0;
        // The read API needs a signed-in user; the store the server writes to is checked directly instead.
        await using var store = await context.OpenStoreAsync(args.Get("--store"), ct);
        var served = await RaceLoader.FromStoreAsync(store, truth.Election.Id, truth.Race.Id, ct);
        var differences = ReplayVerification.Compare(served, truth);
        if (differences.Count == 0)
        {
            context.Messages.MarkupLine("[green]The server's count equals the file for the nation and every province.[/]");
            return 0;
        }
        foreach (var d in differences.Take(20)) context.Messages.MarkupLine($"[red]{Markup.Escape(d)}[/]");
        return 1;
    }

    /// <summary>Plans the night from the file's true counts and sends it; shows progress on a terminal.</summary>
    public static async Task<ReplaySummary> RunAsync(CliContext context, HttpClient http, LiveRace truth, IReadOnlyDictionary<string, string> keys,
        double? speed, int seed, int connections, CancellationToken ct)
    {
        var plan = Plan(truth, seed);
        var runner = new ReplayRunner(http, truth.Race, truth.Geography, truth.Sources, keys);
        context.Messages.WriteLine($"Replaying {plan.Count:N0} submissions for {truth.Geography.Boxes.Count:N0} boxes " +
            (speed is { } s ? $"at {s:0.#}× real time" : "as fast as the server takes them") + $" over {connections} connections.");
        return await context.WithProgressAsync("Replay", plan.Count, progress => runner.RunAsync(plan, speed, connections, progress, ct));
    }

    public static IReadOnlyList<PlannedSubmission> Plan(LiveRace truth, int seed)
    {
        var tallies = new Tally?[truth.Geography.Boxes.Count];
        var all = SourceView.All(truth.Sources);
        for (var i = 0; i < tallies.Length; i++) tallies[i] = truth.CountedTally(i, all)?.Tally;
        return NightModel.Plan(truth.Geography, tallies, truth.Sources, new NightOptions(seed));
    }

    public static HttpClient Client(string url, int connections) =>
        new(new SocketsHttpHandler { MaxConnectionsPerServer = Math.Max(1, connections), PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = new Uri(url.EndsWith('/') ? url : url + "/"),
            Timeout = TimeSpan.FromSeconds(30),
        };

    public static void Print(CliContext context, ReplaySummary s)
    {
        context.Messages.WriteLine(
            $"Sent {s.Sent:N0} of {s.Planned:N0} in {s.Elapsed.TotalSeconds:F1} s ({s.Throughput:N0}/s): {s.Accepted:N0} accepted " +
            $"({s.Duplicates:N0} of them retries already logged), {s.Rejected:N0} rejected; {s.Throttled:N0} throttled, " +
            $"{s.ServerErrors:N0} server errors, {s.TransportRetries:N0} transport retries; ack p50 {s.AckP50Ms:F1} ms, p99 {s.AckP99Ms:F1} ms.");
    }
}
