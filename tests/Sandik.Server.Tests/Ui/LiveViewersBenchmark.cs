using System.Diagnostics;
using Sandik.Cli.CommandLine;
using Sandik.Cli.Loading;
using Sandik.Cli.Replay;
using Sandik.Domain.Simulation;
using Sandik.Domain.Tallies;
using Sandik.Server.Tests.Support;
using Sandik.Server.Tests.Ui.Support;
using Sandik.Storage;
using Shouldly;
using Xunit;

namespace Sandik.Server.Tests.Ui;

/// <summary>
/// A benchmark, not part of the default run (it replays the whole November 2015 night twice, about six minutes):
/// 200 live viewers hold real SignalR connections to <c>/hubs/live</c> of a server in its own process while the night
/// is replayed through the API as fast as the server takes it (16 connections). A viewer is behind by the time from a
/// push's timestamp to its arrival; the longest silence between two pushes shows a stalled channel. The baseline is
/// the same replay on a fresh server with no viewer.
/// With <c>SANDIK_BENCH_FETCH=1</c> each viewer also does what an external screen does: on every push it fetches the
/// national results (one fetch at a time; pushes that arrive meanwhile are covered by the next), and is behind until it
/// holds results at least as new as the push.
/// Run: <c>dotnet test --project tests/Sandik.Server.Tests -c Release --filter-class "*LiveViewersBenchmark" --explicit only</c>
/// (<c>SANDIK_BENCH_LIMIT=N</c> replays only the first N submissions of the night).
/// </summary>
public sealed class LiveViewersBenchmark
{
    public const int Viewers = 200;
    public const int Connections = 16;

    [Fact(Explicit = true)]
    public async Task two_hundred_viewers_keep_within_a_second_of_a_max_speed_replay()
    {
        var ct = TestContext.Current.CancellationToken;
        var context = new CliContext { Messages = Consoles.For(new StringWriter()) };
        var truth = RaceLoader.FromFile(context, Path.Combine(context.Turkey.DataDirectory, "results", TestServer.ElectionId + ".csv.gz"), TestServer.ElectionId);
        var plan = ReplayCommand.Plan(truth, seed: 1);
        if (int.TryParse(Environment.GetEnvironmentVariable("SANDIK_BENCH_LIMIT"), out var limit) && limit > 0) plan = [.. plan.Take(limit)];
        var fetch = Environment.GetEnvironmentVariable("SANDIK_BENCH_FETCH") == "1";

        var (baseline, _) = await ReplayAsync(truth, plan, 0, fetch, ct);
        Report($"Baseline, no viewer: {Describe(baseline)}");
        var (summary, viewers) = await ReplayAsync(truth, plan, Viewers, fetch, ct);
        Report($"{Viewers} viewers ({(fetch ? "push + fetch of the national results" : "push only")}): {Describe(summary)}; " +
            $"{summary.Throughput / Math.Max(1, baseline.Throughput):P0} of the baseline's throughput");

        var pushes = viewers.SelectMany(v => v.PushLags).Order().ToArray();
        var lags = fetch ? viewers.SelectMany(v => v.Lags).Order().ToArray() : pushes;
        var worst = viewers.Select(v => (fetch ? v.Lags : v.PushLags).DefaultIfEmpty(0).Max()).Order().ToArray();
        Report($"Pushes per viewer: {viewers.Min(v => v.Pushes)}–{viewers.Max(v => v.Pushes)}; longest silence between pushes: {viewers.Max(v => v.LongestGapMs):F0} ms" +
            (fetch ? $"; fetches per viewer: {viewers.Min(v => v.Fetches)}–{viewers.Max(v => v.Fetches)}" : ""));
        Report($"Push delivery (push timestamp → viewer): p50 {P(pushes, 0.5):F0} ms, p99 {P(pushes, 0.99):F0} ms, max {pushes.DefaultIfEmpty(0).Max():F0} ms");
        if (fetch) Report($"Behind (push timestamp → viewer holds results that new): p50 {P(lags, 0.5):F0} ms, p99 {P(lags, 0.99):F0} ms, max {lags.DefaultIfEmpty(0).Max():F0} ms");
        Report($"Worst viewer: {worst.DefaultIfEmpty(0).Max():F0} ms behind; viewers ever more than 1 s behind: {worst.Count(w => w > 1_000)} of {Viewers}");

        summary.ServerErrors.ShouldBe(0);
        lags.ShouldNotBeEmpty();
    }

    /// <summary>Replays the plan against a fresh server in its own process while <paramref name="count"/> viewers watch.</summary>
    private static async Task<(ReplaySummary Summary, IReadOnlyList<LiveViewer> Viewers)> ReplayAsync(LiveRace truth, IReadOnlyList<PlannedSubmission> plan,
        int count, bool fetch, CancellationToken ct)
    {
        var folder = Directory.CreateTempSubdirectory("sandik-viewers-").FullName;
        var store = $"Data Source={Path.Combine(folder, "sandik.db")}";
        try
        {
            await using (var s = ElectionStores.Open(store))
            {
                await s.InitializeAsync(ct);
                await s.SaveElectionAsync(new StoredElection(truth.Election, truth.Sources, truth.Geography), ct);
            }
            var keys = await ReplayKeys.IssueAsync(store, truth.Sources, "viewers", ct);
            await using var server = await ServerProcess.StartAsync(store, ServerProcess.FreePort(), TestServer.ElectionId);
            // Every viewer shares one signed-in viewer's session.
            var session = await Security.Support.StoreSessions.ViewerAsync(store, server.Url);
            using var reads = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Math.Max(1, count), CookieContainer = session.Cookies }) { BaseAddress = new Uri(server.Url + "/") };
            var viewers = new List<LiveViewer>();
            var connecting = Stopwatch.StartNew();
            for (var i = 0; i < count; i++) viewers.Add(await LiveViewer.ConnectAsync(server.Url, fetch ? reads : null, session.Cookies));
            if (count > 0) Report($"Plan: {plan.Count:N0} submissions; {count} viewers connected in {connecting.Elapsed.TotalSeconds:F1} s");
            using var http = ReplayCommand.Client(server.Url, Connections);
            var summary = await new ReplayRunner(http, truth.Race, truth.Geography, truth.Sources, keys).RunAsync(plan, speed: null, Connections, progress: null, ct);
            await Task.Delay(TimeSpan.FromSeconds(1.5), ct);
            foreach (var viewer in viewers) await viewer.DisposeAsync();
            return (summary, viewers);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    private static string Describe(ReplaySummary s) =>
        $"{s.Sent:N0} submissions in {s.Elapsed.TotalSeconds:F1} s ({s.Throughput:N0}/s), ack p50 {s.AckP50Ms:F1} ms, p99 {s.AckP99Ms:F1} ms, " +
        $"{s.Throttled:N0} throttled, {s.ServerErrors:N0} server errors";

    private static double P(double[] sorted, double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static void Report(string line)
    {
        TestContext.Current.TestOutputHelper?.WriteLine(line);
        Console.WriteLine(line);
        var path = Path.Combine(AppContext.BaseDirectory, "TestResults", "live-viewers.txt");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.AppendAllText(path, $"{DateTimeOffset.Now:u} {line}{Environment.NewLine}");
    }
}
