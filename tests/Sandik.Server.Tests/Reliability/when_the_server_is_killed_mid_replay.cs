using System.Collections.Concurrent;
using Sandik.Cli.Replay;
using Sandik.Domain.Simulation;
using Sandik.Domain.Submissions;
using Sandik.Domain.Tallies;
using Sandik.Import.Turkey;
using Sandik.Server.Tests.Support;
using Sandik.Storage;
using Shouldly;
using Xunit;

namespace Sandik.Server.Tests.Reliability;

/// <summary>
/// Kills the server with SIGKILL in the middle of a replay, restarts it on the same store, and proves that every
/// submission acknowledged before the kill is in the log, and that finishing the night gives the official count.
/// </summary>
public sealed class when_the_server_is_killed_mid_replay(ITestOutputHelper output)
{
    private static readonly string[] Provinces = ["1", "2"];

    [Fact]
    public async Task on_sqlite_every_acknowledged_submission_survives()
    {
        var folder = Directory.CreateTempSubdirectory("sandik-crash-").FullName;
        try
        {
            await KillAndRecover($"Data Source={Path.Combine(folder, "sandik.db")}", "SQLite");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task on_postgresql_every_acknowledged_submission_survives()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        await KillAndRecover(database.ConnectionString, "PostgreSQL");
    }

    private async Task KillAndRecover(string store, string name)
    {
        var official = TestServer.Official;
        var sources = TurkeyData.Shipped().DefaultSources();
        await using (var s = ElectionStores.Open(store))
        {
            await s.InitializeAsync();
            await s.SaveElectionAsync(new StoredElection(official.Election, sources, official.Geography));
        }
        var keys = await ReplayKeys.IssueAsync(store, sources, "crash-test", CancellationToken.None);
        var truth = TruthOf(sources);
        var plan = ReplayCommand.Plan(truth, seed: 3);
        var port = ServerProcess.FreePort();
        var acknowledged = new ConcurrentBag<string>();

        await using (var server = await ServerProcess.StartAsync(store, port, TestServer.ElectionId))
        {
            using var http = ReplayCommand.Client(server.Url, 16);
            using var stop = new CancellationTokenSource();
            var runner = new ReplayRunner(http, truth.Race, truth.Geography, truth.Sources, keys);
            var replay = runner.RunAsync(plan, null, 16, null, stop.Token, acknowledged.Add);
            while (acknowledged.Count < 3_000 && !replay.IsCompleted) await Task.Delay(5);
            if (replay.IsFaulted) throw new InvalidOperationException("The replay failed before the kill.", replay.Exception);
            server.Kill();
            stop.Cancel();
            await Should.ThrowAsync<Exception>(replay);
        }
        var acked = acknowledged.ToHashSet();
        acked.Count.ShouldBeGreaterThan(2_000, "retries acknowledge the same client id twice; the set holds each once");

        await using (var server = await ServerProcess.StartAsync(store, port, TestServer.ElectionId))
        {
            var logged = await LoggedClientIds(store, official.Election.Id);
            var missing = acked.Count(id => !logged.Contains(id));
            Figures.Record(output, $"{name}: {acked.Count} acknowledged before SIGKILL, {acked.Count - missing} found in the log after restart, {missing} missing; log holds {logged.Count}.");
            missing.ShouldBe(0);

            using var http = ReplayCommand.Client(server.Url, 16);
            var summary = await new ReplayRunner(http, truth.Race, truth.Geography, truth.Sources, keys).RunAsync(plan, null, 16, null, CancellationToken.None);
            summary.ServerErrors.ShouldBe(0);
            using var reader = (await Security.Support.StoreSessions.ViewerAsync(store, server.Url)).Client;
            (await ReplayVerification.CompareAsync(reader, truth, CancellationToken.None)).ShouldBeEmpty();
            Figures.Record(output, $"{name}: after finishing the night the count equals the official file for {string.Join(", ", Provinces)} ({summary.Duplicates} resends were already logged).");
        }
    }

    /// <summary>The official count of the test provinces only, as the truth the replay must reach.</summary>
    private static LiveRace TruthOf(Sandik.Domain.Sources.SourceCatalog sources)
    {
        var official = TestServer.Official;
        var truth = new LiveRace(official.Election, official.Race, official.Geography, sources);
        var sequence = 0L;
        foreach (var tally in official.Tallies)
        {
            var box = official.Geography.Boxes[tally.BoxIndex];
            if (!Provinces.Contains(official.Geography.Areas[official.Geography.ChainOf(box.Index)[1]].Code)) continue;
            truth.Apply(new LoggedSubmission(++sequence, DateTimeOffset.UnixEpoch, "authority-feed", null, official.Race.Id, box.Code, null, null, tally.Tally, [], null));
        }
        return truth;
    }

    private static async Task<HashSet<string>> LoggedClientIds(string store, string electionId)
    {
        await using var s = ElectionStores.Open(store);
        var election = (await s.LoadElectionAsync(electionId))!;
        var ids = new HashSet<string>();
        await foreach (var entry in s.ReadLogAsync(election))
        {
            if (entry.ClientSubmissionId is { } id) ids.Add(id);
        }
        return ids;
    }
}
