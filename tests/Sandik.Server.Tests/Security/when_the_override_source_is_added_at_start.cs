using Microsoft.Extensions.DependencyInjection;
using Sandik.Domain.Sources;
using Sandik.Import.Turkey;
using Sandik.Server.Audit;
using Sandik.Server.Live;
using Sandik.Server.Tests.Support;
using Sandik.Storage;
using Shouldly;
using Xunit;

namespace Sandik.Server.Tests.Security;

/// <summary>
/// A server starts on an election imported without the <c>hq-override</c> source and adds it to the stored catalogue,
/// while another node of the cluster stores a rank change at that very instant: both must stand.
/// </summary>
public sealed class when_the_override_source_is_added_at_start
{
    [Fact]
    public async Task a_rank_change_stored_at_that_instant_is_kept()
    {
        var folder = Directory.CreateTempSubdirectory("sandik-override-").FullName;
        var store = $"Data Source={Path.Combine(folder, "sandik.db")}";
        await using (var s = ElectionStores.Open(store))
        {
            await s.InitializeAsync(Ct);
            await s.SaveElectionAsync(new StoredElection(TestServer.Official.Election, TurkeyData.Shipped().DefaultSources(), TestServer.Official.Geography), Ct);
        }
        RacingRanks? racing = null;

        await using var server = await TestServer.StartAsync(withOfficialCounts: false, store: store, prepareStore: false,
            services: s => s.AddSingleton<IElectionStore>(_ => racing = new RacingRanks(ElectionStores.Open(store))));

        racing.ShouldNotBeNull().Raced.ShouldBe(1);
        var stored = (await racing.LoadSourcesAsync(TestServer.ElectionId, Ct)).ShouldNotBeNull().Catalog;
        OverrideSource.IsIn(stored).ShouldBeTrue();
        stored.Sources.Single(s => s.Id == "sms").TrustRank.ShouldBe(RacingRanks.SmsRank);
        var served = server.App.Services.GetRequiredService<ElectionHost>().Election.Sources;
        served.SameAs(stored).ShouldBeTrue();
    }

    /// <summary>Stores a rank change of its own just before the first write of the catalogue goes through.</summary>
    private sealed class RacingRanks(IElectionStore inner) : DelegatingStore(inner)
    {
        public const int SmsRank = 3;
        private int _raced;

        public int Raced => Volatile.Read(ref _raced);

        public override async Task<bool> SaveSourcesAsync(string electionId, SourceCatalog sources, long? ifRevision = null, CancellationToken ct = default)
        {
            if (Interlocked.CompareExchange(ref _raced, 1, 0) == 0)
            {
                var now = (await Inner.LoadSourcesAsync(electionId, ct))!.Catalog;
                (await Inner.SaveSourcesAsync(electionId, now.WithRanks(new Dictionary<string, int> { ["sms"] = SmsRank }), null, ct)).ShouldBeTrue();
            }
            return await Inner.SaveSourcesAsync(electionId, sources, ifRevision, ct);
        }
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
}
