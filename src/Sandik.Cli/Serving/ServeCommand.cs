using Sandik.Cli.CommandLine;
using Sandik.Cli.Loading;
using Sandik.Server.Hosting;
using Spectre.Console;

namespace Sandik.Cli.Serving;

/// <summary><c>sandik serve</c>: runs the web server (ingest API, results API, live hub, operations centre).</summary>
public static class ServeCommand
{
    public const string Usage = """
        sandik serve [--urls http://127.0.0.1:5080] [--store CONN] [--election ID] [--prior-election ID]
                     [--redis HOST:PORT] [--node NAME] [--public-results]
          Serves the store's election: ingest and results APIs (OpenAPI at /openapi/v1.json), the live hub, the web UI.
          --public-results publishes the count without signing in at /public (area totals only, no box or source).
          With --redis (or SANDIK_REDIS) the server is one node of several on one PostgreSQL store: each node takes
          submissions and follows the others' through the shared log, woken by Redis (docs/cluster.md).
        """;

    public const string DefaultUrls = "http://127.0.0.1:5080";

    public static async Task<int> RunAsync(CliContext context, IReadOnlyList<string> argv, CancellationToken ct)
    {
        var args = Arguments.Parse(argv, ["--urls", "--store", "--election", "--prior-election", "--redis", "--node"], ["--public-results"]);
        var options = new SandikServerOptions
        {
            Store = context.StoreConnection(args.Get("--store")),
            Election = args.Get("--election"),
            PriorElection = args.Get("--prior-election"),
            Redis = args.Get("--redis") ?? Environment.GetEnvironmentVariable("SANDIK_REDIS"),
            NodeId = args.Get("--node"),
            PublicResults = args.Has("--public-results"),
        };
        await using var app = SandikServer.Build(options, ["--urls", args.Get("--urls") ?? DefaultUrls]);
        await app.StartAsync(ct);
        context.Messages.WriteLine($"Sandik is serving {string.Join(", ", app.Urls)} (Ctrl+C to stop).");
        await app.WaitForShutdownAsync(ct);
        return 0;
    }
}
