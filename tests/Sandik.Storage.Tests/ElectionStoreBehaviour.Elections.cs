using Sandik.Domain.Elections;
using Sandik.Storage.Tests.Support;
using Shouldly;
using Xunit;
using static Sandik.Storage.Tests.Support.TestElection;

namespace Sandik.Storage.Tests;

public abstract partial class ElectionStoreBehaviour
{
    [Fact]
    public async Task saved_geography_round_trips()
    {
        var store = await OpenAsync();
        var saved = TestElection.Create(extraBoxes: 500);
        await store.SaveElectionAsync(saved, Ct);

        var loaded = (await store.LoadElectionAsync(saved.Election.Id, Ct)).ShouldNotBeNull();

        ElectionFile.ToJson(loaded.Election).ShouldBe(ElectionFile.ToJson(saved.Election));
        loaded.Sources.ToJson().ShouldBe(saved.Sources.ToJson());
        loaded.Geography.Levels.ShouldBe(saved.Geography.Levels);
        loaded.Geography.Areas.ShouldBe(saved.Geography.Areas);
        loaded.Geography.Boxes.ShouldBe(saved.Geography.Boxes);
        loaded.Geography.TryGetArea("abroad-de", out var abroad).ShouldBeTrue();
        abroad.Kind.ShouldBe(Sandik.Domain.Geography.AreaKind.Abroad);
        loaded.Geography.RegisteredOf(0).ShouldBe(saved.Geography.RegisteredOf(0));
    }

    [Fact]
    public async Task an_election_that_was_never_saved_loads_as_null()
    {
        var store = await OpenAsync();

        (await store.LoadElectionAsync("nowhere-2015", Ct)).ShouldBeNull();
        (await store.ListElectionsAsync(Ct)).ShouldBeEmpty();
        (await store.CountLogAsync("nowhere-2015", Ct)).ShouldBe(0);
    }

    [Fact]
    public async Task saving_an_election_again_replaces_its_geography_and_keeps_its_log()
    {
        var (store, election) = await OpenWithElectionAsync();
        await store.AppendAsync(election.Election.Id, [Accepted([1, 2, 3], "k")], Ct);

        var bigger = TestElection.Create(extraBoxes: 10);
        await store.SaveElectionAsync(bigger, Ct);

        var loaded = (await store.LoadElectionAsync(election.Election.Id, Ct)).ShouldNotBeNull();
        loaded.Geography.Boxes.ShouldBe(bigger.Geography.Boxes);
        (await store.CountLogAsync(election.Election.Id, Ct)).ShouldBe(1);
        (await store.ListElectionsAsync(Ct)).ShouldBe([election.Election.Id]);
    }

    [Fact]
    public async Task saving_the_sources_alone_changes_only_them()
    {
        var (store, election) = await OpenWithElectionAsync();
        await store.AppendAsync(election.Election.Id, [Accepted([1, 2, 3], "k")], Ct);
        var reranked = election.Sources.WithRanks(election.Sources.Sources.ToDictionary(s => s.Id, s => 100 - s.TrustRank));

        var read = (await store.LoadSourcesAsync(election.Election.Id, Ct)).ShouldNotBeNull();
        read.Catalog.ToJson().ShouldBe(election.Sources.ToJson());

        (await store.SaveSourcesAsync(election.Election.Id, reranked, read.Revision, Ct)).ShouldBeTrue();

        var loaded = (await store.LoadElectionAsync(election.Election.Id, Ct)).ShouldNotBeNull();
        loaded.Sources.ToJson().ShouldBe(reranked.ToJson());
        loaded.Sources.Sources.Select(s => s.Id).ShouldBe(election.Sources.Sources.Select(s => s.Id).Reverse());
        ElectionFile.ToJson(loaded.Election).ShouldBe(ElectionFile.ToJson(election.Election));
        loaded.Geography.Boxes.ShouldBe(election.Geography.Boxes);
        (await store.CountLogAsync(election.Election.Id, Ct)).ShouldBe(1);
        (await store.AppendAsync(election.Election.Id, [Accepted([4, 5, 6], "k2")], Ct)).Single().Entry.Sequence.ShouldBeGreaterThan(0);
        (await store.CountLogAsync(election.Election.Id, Ct)).ShouldBe(2);
        (await store.SaveSourcesAsync("nowhere-2015", reranked, ct: Ct)).ShouldBeFalse();
        (await store.LoadSourcesAsync("nowhere-2015", Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task saving_the_sources_from_an_outdated_revision_is_refused()
    {
        var (store, election) = await OpenWithElectionAsync();
        var read = (await store.LoadSourcesAsync(election.Election.Id, Ct)).ShouldNotBeNull();
        var first = read.Catalog.WithRanks(new Dictionary<string, int> { [read.Catalog.Sources[^1].Id] = 0 });
        var second = read.Catalog.WithRanks(new Dictionary<string, int> { [read.Catalog.Sources[0].Id] = 50 });

        (await store.SaveSourcesAsync(election.Election.Id, first, read.Revision, Ct)).ShouldBeTrue();
        (await store.SaveSourcesAsync(election.Election.Id, second, read.Revision, Ct)).ShouldBeFalse();

        var now = (await store.LoadSourcesAsync(election.Election.Id, Ct)).ShouldNotBeNull();
        now.Revision.ShouldBeGreaterThan(read.Revision);
        now.Catalog.SameAs(first).ShouldBeTrue();
        (await store.SaveSourcesAsync(election.Election.Id, second, now.Revision, Ct)).ShouldBeTrue();
    }

    [Fact]
    public async Task appends_follow_a_definition_saved_again_with_a_new_choice()
    {
        var (store, election) = await OpenWithElectionAsync();
        await store.AppendAsync(election.Election.Id, [Accepted([1, 2, 3])], Ct);

        var widened = TestElection.Create(parties: ["akp", "chp", "mhp", "hdp"]);
        await store.SaveElectionAsync(widened, Ct);
        await store.AppendAsync(election.Election.Id, [Accepted([4, 5, 6, 7])], Ct);

        // The earlier entry never mentioned hdp: it reads as 0 under the new definition.
        var log = await ReadAllAsync(store, widened);
        log.Select(e => e.Tally!.Votes.ToArray()).ShouldBe([[1, 2, 3, 0], [4, 5, 6, 7]]);
    }

    [Fact]
    public async Task votes_are_matched_to_choices_by_id_not_by_position()
    {
        var (store, election) = await OpenWithElectionAsync();
        await store.AppendAsync(election.Election.Id, [Accepted([1, 2, 3])], Ct);

        var reordered = TestElection.Create(parties: ["mhp", "akp", "chp"]);

        (await ReadAllAsync(store, reordered)).Single().Tally!.Votes.ToArray().ShouldBe([3, 1, 2]);
    }

    [Fact]
    public async Task a_vote_for_a_choice_the_race_does_not_know_is_reported_as_a_corrupt_log()
    {
        var (store, election) = await OpenWithElectionAsync();
        await store.AppendAsync(election.Election.Id, [Accepted([1, 2, 3])], Ct);
        var narrower = TestElection.Create(parties: ["akp", "chp"]);

        var error = await Should.ThrowAsync<InvalidDataException>(() => ReadAllAsync(store, narrower));

        error.Message.ShouldContain("choice 'mhp', which race 'parliament' does not have");
    }

    [Fact]
    public async Task initializing_again_keeps_everything()
    {
        var (store, election) = await OpenWithElectionAsync();
        await store.AppendAsync(election.Election.Id, [Accepted([1, 2, 3])], Ct);

        await store.InitializeAsync(Ct);
        await (await OpenAsync()).InitializeAsync(Ct);

        (await store.CountLogAsync(election.Election.Id, Ct)).ShouldBe(1);
    }

    [Fact]
    public async Task a_database_from_a_newer_version_is_refused()
    {
        await OpenAsync();
        await ExecuteSqlAsync("INSERT INTO schema_version (version, applied_at) VALUES (999, 'later')");

        var store = await CreateStoreAsync();
        await using (store)
        {
            var error = await Should.ThrowAsync<InvalidOperationException>(() => store.InitializeAsync(Ct));
            error.Message.ShouldContain("schema version 999");
        }
    }
}
