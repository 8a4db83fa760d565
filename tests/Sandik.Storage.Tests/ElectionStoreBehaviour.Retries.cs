using Sandik.Storage.Tests.Support;
using Shouldly;
using Xunit;
using static Sandik.Storage.Tests.Support.TestElection;

namespace Sandik.Storage.Tests;

public abstract partial class ElectionStoreBehaviour
{
    [Fact]
    public async Task a_retry_with_the_same_client_id_returns_the_original_and_adds_no_row()
    {
        var (store, election) = await OpenWithElectionAsync();
        var original = (await store.AppendAsync(election.Election.Id, [Accepted([100, 50, 25], "phone-7:1")], Ct)).Single();

        // The retry differs (a later time, other counts): still the same submission, so the original stands.
        var retry = Accepted([1, 1, 1], "phone-7:1", at: Evening.AddMinutes(5));
        var result = (await store.AppendAsync(election.Election.Id, [retry], Ct)).Single();

        result.AlreadyLogged.ShouldBeTrue();
        LogText.Of(result.Entry).ShouldBe(LogText.Of(original.Entry));
        (await store.CountLogAsync(election.Election.Id, Ct)).ShouldBe(1);
    }

    [Fact]
    public async Task a_retried_rejection_returns_the_original_rejection()
    {
        var (store, election) = await OpenWithElectionAsync();
        var rejected = Rejected([new("valid", "required", "'valid' is required.")], """{"box":"x"}""", "phone-7:2");
        var original = (await store.AppendAsync(election.Election.Id, [rejected], Ct)).Single();

        var result = (await store.AppendAsync(election.Election.Id, [rejected], Ct)).Single();

        result.AlreadyLogged.ShouldBeTrue();
        LogText.Of(result.Entry).ShouldBe(LogText.Of(original.Entry));
    }

    [Fact]
    public async Task the_same_client_id_from_another_source_is_another_submission()
    {
        var (store, election) = await OpenWithElectionAsync();

        var results = await store.AppendAsync(election.Election.Id, [Accepted([1, 2, 3], "42"), Accepted([1, 2, 3], "42", source: "office")], Ct);
        var later = await store.AppendAsync(election.Election.Id, [Accepted([1, 2, 3], "42", source: "office")], Ct);

        results.ShouldAllBe(r => !r.AlreadyLogged);
        later.Single().AlreadyLogged.ShouldBeTrue();
        later.Single().Entry.Sequence.ShouldBe(results[1].Entry.Sequence);
        (await store.CountLogAsync(election.Election.Id, Ct)).ShouldBe(2);
    }

    [Fact]
    public async Task duplicates_inside_one_batch_are_logged_once()
    {
        var (store, election) = await OpenWithElectionAsync();

        var results = await store.AppendAsync(election.Election.Id,
        [
            Accepted([10, 10, 10], "c1"), Accepted([20, 20, 20], "c2"), Accepted([99, 99, 99], "c1"),
            Accepted([30, 30, 30]), Accepted([30, 30, 30]), Accepted([20, 20, 20], "c2"),
        ], Ct);

        results.Select(r => r.AlreadyLogged).ShouldBe([false, false, true, false, false, true]);
        LogText.Of(results[2].Entry).ShouldBe(LogText.Of(results[0].Entry));
        results[2].Entry.Tally!.Votes.ToArray().ShouldBe([10, 10, 10]);
        LogText.Of(results[5].Entry).ShouldBe(LogText.Of(results[1].Entry));
        // Without a client id nothing says two entries are one submission: both are kept.
        results[3].Entry.Sequence.ShouldNotBe(results[4].Entry.Sequence);

        var log = await ReadAllAsync(store, election);
        log.Count.ShouldBe(4);
        LogText.Of(log).ShouldBe(LogText.Of(new[] { results[0], results[1], results[3], results[4] }.Select(r => r.Entry)));
    }

    [Fact]
    public async Task a_batch_mixing_retries_of_logged_entries_and_new_ones_adds_only_the_new()
    {
        var (store, election) = await OpenWithElectionAsync();
        var first = await store.AppendAsync(election.Election.Id, [Accepted([1, 1, 1], "x1"), Accepted([2, 2, 2], "x2")], Ct);

        var results = await store.AppendAsync(election.Election.Id,
            [Accepted([3, 3, 3], "x3"), Accepted([0, 0, 0], "x2"), Accepted([4, 4, 4], "x4"), Accepted([0, 0, 0], "x3")], Ct);

        results.Select(r => r.AlreadyLogged).ShouldBe([false, true, false, true]);
        results[1].Entry.Sequence.ShouldBe(first[1].Entry.Sequence);
        results[3].Entry.Sequence.ShouldBe(results[0].Entry.Sequence);
        results[2].Entry.Sequence.ShouldBeGreaterThan(results[0].Entry.Sequence);
        (await store.CountLogAsync(election.Election.Id, Ct)).ShouldBe(4);
    }

    [Fact]
    public async Task a_retry_after_the_store_is_reopened_returns_the_original()
    {
        var (first, election) = await OpenWithElectionAsync();
        var longId = "gözlemci/" + new string('ş', 300);
        var original = await first.AppendAsync(election.Election.Id,
            [Accepted([5, 6, 7], "r1"), Accepted([8, 9, 10], "r2"), Accepted([2, 2, 2], "ğüşıöç-İ-1"), Accepted([3, 3, 3], longId)], Ct);
        await first.DisposeAsync();

        var reopened = await OpenAsync();
        var results = await reopened.AppendAsync(election.Election.Id,
            [Accepted([0, 0, 0], "r2"), Accepted([1, 1, 1], "r3"), Accepted([0, 0, 0], "ğüşıöç-İ-1"), Accepted([0, 0, 0], longId)], Ct);

        results.Select(r => r.AlreadyLogged).ShouldBe([true, false, true, true]);
        LogText.Of(results[0].Entry).ShouldBe(LogText.Of(original[1].Entry));
        LogText.Of(results[2].Entry).ShouldBe(LogText.Of(original[2].Entry));
        LogText.Of(results[3].Entry).ShouldBe(LogText.Of(original[3].Entry));
        (await reopened.CountLogAsync(election.Election.Id, Ct)).ShouldBe(5);
    }

    [Fact]
    public async Task two_stores_open_on_one_database_see_each_others_submissions()
    {
        var (one, election) = await OpenWithElectionAsync();
        var other = await OpenAsync();
        // Each store has seen the log once before the other writes, so neither can rely on what it read at start.
        await one.AppendAsync(election.Election.Id, [Accepted([1, 1, 1], "a1")], Ct);
        await other.AppendAsync(election.Election.Id, [Accepted([0, 0, 0], "a1"), Accepted([2, 2, 2], "b1")], Ct);

        var fromOne = await one.AppendAsync(election.Election.Id, [Accepted([9, 9, 9], "b1"), Accepted([3, 3, 3], "a2")], Ct);
        var fromOther = await other.AppendAsync(election.Election.Id, [Accepted([9, 9, 9], "a2")], Ct);

        fromOne.Select(r => r.AlreadyLogged).ShouldBe([true, false]);
        fromOne[0].Entry.Tally!.Votes.ToArray().ShouldBe([2, 2, 2]);
        fromOther.Single().AlreadyLogged.ShouldBeTrue();
        fromOther.Single().Entry.Sequence.ShouldBe(fromOne[1].Entry.Sequence);
        (await one.CountLogAsync(election.Election.Id, Ct)).ShouldBe(3);
    }

    [Fact]
    public async Task a_store_prepared_for_appends_still_finds_retries_and_what_others_logged_since()
    {
        var (first, election) = await OpenWithElectionAsync();
        await first.AppendAsync(election.Election.Id, [Accepted([1, 2, 3], "p1")], Ct);
        var reopened = await OpenAsync();
        await reopened.PrepareAppendsAsync(election.Election.Id, Ct);
        // Logged by the first store after the second one prepared: the second must still see it.
        await first.AppendAsync(election.Election.Id, [Accepted([4, 5, 6], "p2")], Ct);

        var results = await reopened.AppendAsync(election.Election.Id, [Accepted([0, 0, 0], "p1"), Accepted([0, 0, 0], "p2"), Accepted([7, 8, 9], "p3")], Ct);

        results.Select(r => r.AlreadyLogged).ShouldBe([true, true, false]);
        results[1].Entry.Tally!.Votes.ToArray().ShouldBe([4, 5, 6]);
        (await reopened.CountLogAsync(election.Election.Id, Ct)).ShouldBe(3);
    }
}
