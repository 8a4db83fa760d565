using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Sandik.Domain.Tallies;
using Sandik.Server.Live;
using Sandik.Server.Projection;
using Sandik.Server.Tests.Security.Support;
using Sandik.Server.Tests.Support;
using Shouldly;
using Xunit;

namespace Sandik.Server.Tests.Projection;

/// <summary>
/// New trust ranks count other tallies in the same boxes, so the number of boxes counted stays: the background
/// projection of every source (the one the convergence history records) must still be made again at its next round,
/// not only when its maximum age runs out.
/// </summary>
[Collection(Name)]
public sealed class when_trust_ranks_change_with_no_screen_open
{
    public const string Name = "trust ranks under the projection";
    [Fact]
    public async Task the_background_projects_again_at_its_next_round()
    {
        await using var server = await TestServer.StartAsync(withOfficialCounts: false);
        var projections = server.App.Services.GetRequiredService<ProjectionService>();
        var live = server.App.Services.GetRequiredService<ElectionHost>().DefaultRace;
        var boxes = TestServer.Official.Geography.Boxes.Take(40).Select(b => b.Code).ToList();
        var authority = await server.KeyFor("authority-feed");
        var sms = await server.KeyFor("sms");
        foreach (var box in boxes)
        {
            (await Json.PostAsync(server.Http, "api/v1/submissions", authority, CountSheets.Json(CountSheets.For(box)))).Status.ShouldBe(200);
            (await Json.PostAsync(server.Http, "api/v1/submissions", sms, CountSheets.Json(CountSheets.For(box, moved: 20)))).Status.ShouldBe(200);
        }
        // Asked (as a screen would, again after each snapshot it is told of) until the background's own view is current.
        var counted = live.Version;
        var first = 0L;
        for (var tries = 0; first < counted && tries < 1_200; tries++)
        {
            first = (await projections.ProjectAsync(live, SourceView.All(live.Sources), Ct)).Version;
            if (first < counted) await Task.Delay(100, Ct);
        }
        first.ShouldBe(counted);
        var made = 0;
        using var _ = projections.Subscribe(() => { Interlocked.Increment(ref made); return Task.CompletedTask; });

        (await server.Http.PutAsJsonAsync("api/v1/admin/sources", new { ranks = new Dictionary<string, int> { ["sms"] = 2 }, reason = "test" }, Ct))
            .EnsureSuccessStatusCode();

        live.Version.ShouldBeGreaterThan(first);
        // The next round of the background loop (every 2 s), then the run, which waits out the projection's duty limit
        // (sixteen times the last run's length after it started; the whole country is projected): well before the 30 s
        // maximum age, after which the background would have projected again without the change.
        await Snapshot(projections, live, live.Version, TimeSpan.FromSeconds(25));
        Volatile.Read(ref made).ShouldBeGreaterThan(0);
    }

    /// <summary>Waits, without asking for one, until the background's snapshot of every source reaches a version.</summary>
    private static async Task<long> Snapshot(ProjectionService projections, LiveRace live, long version, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var history = projections.History(live);
            if (history.Count > 0 && history.Max(p => p.Version) >= version) return history.Max(p => p.Version);
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"No background projection of version {version} (history: {history.Count} points).");
            await Task.Delay(100, Ct);
        }
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
}

/// <summary>
/// Run on its own: the test times the background projection against its 30 s maximum age, and beside other servers'
/// tests the duty limit of a loaded machine's projection would take most of that.
/// </summary>
[CollectionDefinition(when_trust_ranks_change_with_no_screen_open.Name, DisableParallelization = true)]
public sealed class TrustRanksUnderTheProjectionCollection;
