using System.Net.Http.Json;
using System.Text.Json;
using Sandik.Cli.Loading;
using Sandik.Cli.Replay;
using Sandik.Domain.Simulation;
using Sandik.Domain.Submissions;
using Sandik.Import.Turkey;
using Sandik.Storage;

namespace Sandik.Bench;

/// <summary>
/// A full November 2015 night replayed at maximum speed through the HTTP API of a server in its own process,
/// with two ceilings measured in the same run: a plain Kestrel endpoint that only reads the body (before and after Sandik; same client,
/// same requests), and the store's raw batched insert rate. Then a restart: time to rebuild from the whole log.
/// </summary>
public static class IngestBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var connections = int.Parse(Figures.Option(args, "--connections", "64"), System.Globalization.CultureInfo.InvariantCulture);
        var limit = int.Parse(Figures.Option(args, "--limit", "0"), System.Globalization.CultureInfo.InvariantCulture);
        var context = new CliContext();
        var turkey = context.Turkey;
        var file = Path.Combine(turkey.DataDirectory, "results", "tr-2015-11-general.csv.gz");
        var truth = RaceLoader.FromFile(context, file, "tr-2015-11-general");
        var plan = ReplayCommand.Plan(truth, seed: 1);
        if (limit > 0) plan = [.. plan.Take(limit)];
        Console.WriteLine($"Machine: {Figures.Machine()}");
        Console.WriteLine($"Plan: {plan.Count:N0} submissions for {truth.Geography.Boxes.Count:N0} boxes from {truth.Sources.Count} sources; {connections} connections");

        var admin = args.Contains("--postgres") ? BenchStores.PostgresAdmin(args) : null;
        var store = admin is null ? BenchStores.Sqlite("ingest") : await BenchStores.PostgresAsync(admin, "ingest");
        await using (var s = ElectionStores.Open(store))
        {
            await s.InitializeAsync();
            await s.SaveElectionAsync(new StoredElection(truth.Election, truth.Sources, truth.Geography));
        }
        var keys = await ReplayKeys.IssueAsync(store, truth.Sources, "bench", CancellationToken.None);

        var plain = await PlainCeilingAsync(truth, plan, keys, connections);
        var rawInsert = await RawInsertAsync(truth, plan, admin is null ? BenchStores.Sqlite("raw") : await BenchStores.PostgresAsync(admin, "raw"));

        var port = ChildProcess.FreePort();
        var url = $"http://127.0.0.1:{port}";
        var serve = new[] { "serve", "--store", store, "--urls", url, "--election", truth.Election.Id };
        Run sandik;
        JsonElement metrics;
        double peakRss;
        var (server, _) = await ChildProcess.StartAsync("sandik.dll", serve, $"{url}/api/v1/election");
        using (server)
        {
            using var http = ReplayCommand.Client(url, connections);
            sandik = await ReplayAsync(server, http, truth, plan, keys, connections);
            peakRss = server.PeakRssMiB();
            using var analyst = await BenchSessions.AnalystAsync(store, url);
            metrics = await analyst.GetFromJsonAsync<JsonElement>("api/v1/metrics/ingest");
            if (limit > 0) Console.WriteLine("Count after the replay: not compared with the official file (--limit sends part of the night)");
            else
            {
                var differences = await ReplayVerification.CompareAsync(analyst, truth, CancellationToken.None);
                Console.WriteLine(differences.Count == 0 ? "Count after the replay equals the official file: yes" : $"Count differs: {string.Join("; ", differences.Take(5))}");
            }
            server.Kill();
        }
        var (restarted, startTime) = await ChildProcess.StartAsync("sandik.dll", serve, $"{url}/api/v1/election");
        using (restarted)
        {
            using var analyst = await BenchSessions.AnalystAsync(store, url);
            var rebuild = (await analyst.GetFromJsonAsync<JsonElement>("api/v1/metrics/ingest")).GetProperty("rebuild");
            Console.WriteLine($"Restart after SIGKILL: ready in {startTime.TotalSeconds:F2} s, rebuilt from {rebuild.GetProperty("entries").GetInt64():N0} accepted log entries in {rebuild.GetProperty("ms").GetDouble() / 1000:F2} s");
        }
        // The ceiling again after Sandik's run: on a shared machine one measurement moves by a quarter from one
        // minute to the next, and a ceiling taken on both sides of the run it is compared with halves the luck of when.
        var plainAfter = await PlainCeilingAsync(truth, plan, keys, connections);

        var ingest = metrics.GetProperty("ingest");
        var summary = sandik.Summary;
        Console.WriteLine($"Sandik ingest: {summary.Throughput:N0} submissions/s ({summary.Accepted:N0} accepted, {summary.Rejected:N0} rejected, " +
            $"{summary.Duplicates:N0} retries answered from the log) in {summary.Elapsed.TotalSeconds:F1} s");
        Console.WriteLine($"  ack latency p50 {summary.AckP50Ms:F1} ms, p99 {summary.AckP99Ms:F1} ms; ack-to-visible p50 {ingest.GetProperty("visibleP50Ms").GetDouble():F1} ms, " +
            $"p99 {ingest.GetProperty("visibleP99Ms").GetDouble():F1} ms; commits {ingest.GetProperty("commits").GetInt64():N0} " +
            $"({ingest.GetProperty("entries").GetInt64() / Math.Max(1.0, ingest.GetProperty("commits").GetInt64()):F1} per commit)");
        Console.WriteLine($"  responses 5xx: {summary.ServerErrors}, throttled: {summary.Throttled}; server peak RSS {peakRss:N0} MiB");
        Console.WriteLine($"  CPU per request: server {sandik.ServerCpuUs:F0} µs, client {sandik.ClientCpuUs:F0} µs; {sandik.Switches}");
        var ceiling = (plain.Summary.Throughput + plainAfter.Summary.Throughput) / 2;
        var plainServerUs = (plain.ServerCpuUs + plainAfter.ServerCpuUs) / 2;
        Console.WriteLine($"Ceiling 1, plain Kestrel endpoint, same client: {ceiling:N0} requests/s (before Sandik's run {plain.Summary.Throughput:N0}, after it {plainAfter.Summary.Throughput:N0}) → Sandik at {summary.Throughput / ceiling:P0} of it");
        Console.WriteLine($"  CPU per request: server {plain.ServerCpuUs:F0} and {plainAfter.ServerCpuUs:F0} µs, client {plain.ClientCpuUs:F0} and {plainAfter.ClientCpuUs:F0} µs → Sandik's server costs {sandik.ServerCpuUs / plainServerUs:F1}× the plain one; {plain.Switches}");
        Console.WriteLine($"Ceiling 2, raw batched insert into the store: {rawInsert:N0} entries/s → Sandik at {summary.Throughput / rawInsert:P0} of it");
        return 0;
    }

    private static async Task<Run> PlainCeilingAsync(Sandik.Domain.Tallies.LiveRace truth, IReadOnlyList<PlannedSubmission> plan, IReadOnlyDictionary<string, string> keys, int connections)
    {
        var port = ChildProcess.FreePort();
        var url = $"http://127.0.0.1:{port}";
        var (server, _) = await ChildProcess.StartAsync("Sandik.Bench.dll", ["plain-server", "--urls", url], $"{url}/ready");
        using var _ = server;
        using var http = ReplayCommand.Client(url, connections);
        return await ReplayAsync(server, http, truth, plan, keys, connections);
    }

    /// <summary>
    /// Replays the plan and measures the CPU time that server and client spent per answered request: on a shared
    /// machine throughput moves with whatever else runs, CPU per request much less so.
    /// </summary>
    private static async Task<Run> ReplayAsync(ChildProcess server, HttpClient http, Sandik.Domain.Tallies.LiveRace truth,
        IReadOnlyList<PlannedSubmission> plan, IReadOnlyDictionary<string, string> keys, int connections)
    {
        using var self = System.Diagnostics.Process.GetCurrentProcess();
        var serverCpu = server.CpuTime();
        var switches = server.ContextSwitches();
        var clientCpu = self.TotalProcessorTime;
        var summary = await new ReplayRunner(http, truth.Race, truth.Geography, truth.Sources, keys).RunAsync(plan, null, connections, null, CancellationToken.None);
        self.Refresh();
        var answered = Math.Max(1, summary.Accepted + summary.Rejected);
        var after = server.ContextSwitches();
        return new Run(summary, (server.CpuTime() - serverCpu).TotalMicroseconds / answered, (self.TotalProcessorTime - clientCpu).TotalMicroseconds / answered,
            (double)(after.Voluntary - switches.Voluntary) / answered, (double)(after.Preempted - switches.Preempted) / answered);
    }

    private static async Task<double> RawInsertAsync(Sandik.Domain.Tallies.LiveRace truth, IReadOnlyList<PlannedSubmission> plan, string connection)
    {
        await using var store = ElectionStores.Open(connection);
        await store.InitializeAsync();
        await store.SaveElectionAsync(new StoredElection(truth.Election, truth.Sources, truth.Geography));
        var now = DateTimeOffset.UtcNow;
        var entries = plan.Select(p => new LoggedSubmission(0, now, truth.Sources.Sources[p.SourceIndex].Id, null, truth.Race.Id,
            truth.Geography.Boxes[p.BoxIndex].Code, p.ClientSubmissionId(truth.Sources.Sources[p.SourceIndex].Id), null, p.Tally, [], null)).ToList();
        var (_, elapsed) = await Figures.TimeAsync(async () =>
        {
            foreach (var batch in entries.Chunk(1_000)) await store.AppendAsync(truth.Election.Id, batch);
            return 0;
        });
        return entries.Count / elapsed.TotalSeconds;
    }

    private sealed record Run(ReplaySummary Summary, double ServerCpuUs, double ClientCpuUs, double WaitsPerRequest, double PreemptionsPerRequest)
    {
        public string Switches => $"server threads switched out {WaitsPerRequest + PreemptionsPerRequest:F2} times per request ({WaitsPerRequest:F2} waiting, {PreemptionsPerRequest:F2} preempted)";
    }
}
