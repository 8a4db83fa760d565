using Sandik.Cli.Replay;
using Sandik.Server.Tests.Support;
using Shouldly;
using Xunit;

namespace Sandik.Server.Tests.Reliability;

/// <summary>
/// PostgreSQL restarts (open connections cut) in the middle of a replay: the server keeps retrying its commit,
/// clients wait or retry, nothing acknowledged is lost and the night ends with the official count.
/// </summary>
public sealed class when_postgresql_restarts_during_ingest(ITestOutputHelper output)
{
    [Fact]
    public async Task the_server_rides_it_out_and_loses_nothing()
    {
        if (Environment.GetEnvironmentVariable("SANDIK_TEST_POSTGRES") is not { Length: > 0 } && Environment.GetEnvironmentVariable("SANDIK_SKIP_POSTGRES") == "1")
            Assert.Skip("PostgreSQL tests skipped (SANDIK_SKIP_POSTGRES=1).");
        // A server of its own: restarting the one the other tests share would cut them off mid-test.
        await using var postgres = await PrivatePostgres.StartAsync();
        await using var database = await PostgresDatabase.CreateAsync(postgres.Admin);
        await using var server = await TestServer.StartAsync(withOfficialCounts: false, store: database.ConnectionString);
        var keys = new Dictionary<string, string>();
        foreach (var source in new[] { "district-office", "school-it", "authority-feed", "observer-app", "sheet-photo", "call-centre", "partner-ngo", "bulk-file", "sms" })
            keys[source] = await server.KeyFor(source);
        var truth = OfficialTruth.OfProvince("6");
        var plan = ReplayCommand.Plan(truth, seed: 9);
        using var http = ReplayCommand.Client(server.Url, 16);
        var acknowledged = 0;
        var replay = new ReplayRunner(http, truth.Race, truth.Geography, truth.Sources, keys)
            .RunAsync(plan, null, 16, null, TestContext.Current.CancellationToken, _ => Interlocked.Increment(ref acknowledged));

        while (Volatile.Read(ref acknowledged) < 2_000 && !replay.IsCompleted) await Task.Delay(5, TestContext.Current.CancellationToken);
        var atRestart = Volatile.Read(ref acknowledged);
        await postgres.RestartAsync();
        var summary = await replay;

        Figures.Record(output, $"PostgreSQL restart: restarted after {atRestart} acknowledgements; replay of {summary.Planned} finished with " +
            $"{summary.Accepted + summary.Rejected} answered, {summary.ServerErrors} 5xx answers, {summary.TransportRetries} transport retries.");
        summary.ServerErrors.ShouldBe(0);
        (await ReplayVerification.CompareAsync(server.Http, truth, TestContext.Current.CancellationToken)).ShouldBeEmpty();
    }
}
