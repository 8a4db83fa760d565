using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Sandik.Domain.Elections;
using Sandik.Domain.Geography;
using Sandik.Domain.Simulation;
using Sandik.Domain.Sources;

namespace Sandik.Cli.Replay;

/// <summary>
/// Sends a planned election night to a Sandik server through its HTTP API, as the sources' clients would: several
/// concurrent connections, each submission with its source's API key, retries with the same client submission id
/// after a timeout, a throttle or a server error. Paced by the plan's times (compressed by a speed factor) or as fast
/// as the server takes it. Thread-safe for one run at a time.
/// </summary>
public sealed class ReplayRunner(HttpClient http, Race race, ElectionGeography geography, SourceCatalog sources, IReadOnlyDictionary<string, string> keys)
{
    private const int MaxAttempts = 60;

    /// <param name="speed">How many times faster than real time; null sends as fast as the server answers.</param>
    /// <param name="onAcknowledged">Called with the client submission id of every acknowledged submission (for loss checks).</param>
    public async Task<ReplaySummary> RunAsync(IReadOnlyList<PlannedSubmission> plan, double? speed, int connections,
        IProgress<long>? progress, CancellationToken ct, Action<string>? onAcknowledged = null)
    {
        var bodies = new string[sources.Count];
        for (var i = 0; i < sources.Count; i++)
            bodies[i] = keys.TryGetValue(sources.Sources[i].Id, out var key) ? key : throw new InvalidOperationException($"No API key for source '{sources.Sources[i].Id}'.");
        var state = new RunState(plan.Count, onAcknowledged);
        var clock = Stopwatch.StartNew();
        var next = -1;
        var workers = Enumerable.Range(0, Math.Max(1, connections)).Select(_ => Task.Run(async () =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < plan.Count)
            {
                var item = plan[index];
                if (speed is { } factor)
                {
                    var due = item.At / factor - clock.Elapsed;
                    if (due > TimeSpan.Zero) await Task.Delay(due, ct);
                }
                await SendAsync(item, bodies[item.SourceIndex], state, ct);
                var done = Interlocked.Increment(ref state.Done);
                progress?.Report(done);
            }
        }, ct)).ToArray();
        await Task.WhenAll(workers);
        clock.Stop();
        var latencies = state.Latencies.ToArray().AsSpan(0, (int)Math.Min(state.Done, state.Latencies.Length)).ToArray();
        Array.Sort(latencies);
        return new ReplaySummary(plan.Count, state.Done, state.Accepted, state.Rejected, state.Duplicates, state.Throttled, state.ServerErrors,
            state.TransportRetries, clock.Elapsed, Percentile(latencies, 0.5), Percentile(latencies, 0.99));
    }

    private async Task SendAsync(PlannedSubmission item, string key, RunState state, CancellationToken ct)
    {
        var sourceId = sources.Sources[item.SourceIndex].Id;
        var body = SubmissionBody.One(item, race, geography, sourceId);
        for (var attempt = 1; ; attempt++)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/submissions") { Content = new ByteArrayContent(body) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                request.Headers.Add("X-Api-Key", key);
                using var response = await http.SendAsync(request, ct);
                var status = (int)response.StatusCode;
                if (status is 200 or 422)
                {
                    var text = await response.Content.ReadAsStringAsync(ct);
                    state.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, status == 200, text.Contains("\"duplicate\":true", StringComparison.Ordinal),
                        item.ClientSubmissionId(sourceId));
                    return;
                }
                if (status == (int)HttpStatusCode.TooManyRequests) Interlocked.Increment(ref state.Throttled);
                else if (status >= 500) Interlocked.Increment(ref state.ServerErrors);
                else throw new InvalidOperationException($"The server refused a submission with {status}: {await response.Content.ReadAsStringAsync(ct)}");
            }
            catch (HttpRequestException) when (attempt < MaxAttempts)
            {
                Interlocked.Increment(ref state.TransportRetries);
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested && attempt < MaxAttempts)
            {
                Interlocked.Increment(ref state.TransportRetries);
            }
            if (attempt >= MaxAttempts) throw new InvalidOperationException($"Gave up on {item.ClientSubmissionId(sourceId)} after {attempt} attempts.");
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(1_000, 20 * attempt)), ct);
        }
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private sealed class RunState(int planned, Action<string>? onAcknowledged)
    {
        public readonly double[] Latencies = new double[planned];
        private long _recorded = -1;
        public long Done, Accepted, Rejected, Duplicates, Throttled, ServerErrors, TransportRetries;

        public void Record(double latencyMs, bool accepted, bool duplicate, string clientId)
        {
            Latencies[Interlocked.Increment(ref _recorded) % Latencies.Length] = latencyMs;
            Interlocked.Increment(ref accepted ? ref Accepted : ref Rejected);
            if (duplicate) Interlocked.Increment(ref Duplicates);
            onAcknowledged?.Invoke(clientId);
        }
    }
}
