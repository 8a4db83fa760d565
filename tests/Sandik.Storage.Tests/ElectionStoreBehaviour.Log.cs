using Sandik.Domain.Submissions;
using Sandik.Storage.Tests.Support;
using Shouldly;
using Xunit;
using static Sandik.Storage.Tests.Support.TestElection;

namespace Sandik.Storage.Tests;

public abstract partial class ElectionStoreBehaviour
{
    [Fact]
    public async Task appended_entries_come_back_in_order_with_their_tallies()
    {
        var (store, election) = await OpenWithElectionAsync();
        var first = await store.AppendAsync(election.Election.Id,
            [Accepted([120, 90, 40], "a1", box: BoxCode(0)), Accepted([10, 20, 30], "a2", box: BoxCode(1), evidence: "sha256:ab12"),
             Accepted([1, 2, 3], reporter: null, box: BoxCode(2))], Ct);
        var second = await store.AppendAsync(election.Election.Id, [Accepted([7, 0, 5], "a3", source: "office")], Ct);

        var appended = first.Concat(second).ToList();
        appended.ShouldAllBe(r => !r.AlreadyLogged);
        var sequences = appended.Select(r => r.Entry.Sequence).ToList();
        sequences.ShouldBeInOrder(SortDirection.Ascending);
        sequences.Distinct().Count().ShouldBe(4);
        appended[1].Entry.Tally!.Votes.ToArray().ShouldBe([10, 20, 30]);

        var log = await ReadAllAsync(store, election);
        LogText.Of(log).ShouldBe(LogText.Of(appended.Select(r => r.Entry)));
        log[0].Tally.ShouldBe(new Tally(300, 252, 250, 2, [120, 90, 40]));
        log.ShouldAllBe(e => e.Accepted);
        (await store.CountLogAsync(election.Election.Id, Ct)).ShouldBe(4);
    }

    [Fact]
    public async Task reading_after_a_sequence_returns_only_the_later_entries()
    {
        var (store, election) = await OpenWithElectionAsync();
        var appended = await store.AppendAsync(election.Election.Id, [.. Enumerable.Range(0, 5).Select(i => Accepted([i, 1, 1]))], Ct);

        var rest = await ReadAllAsync(store, election, after: appended[2].Entry.Sequence);

        rest.Select(e => e.Sequence).ShouldBe([appended[3].Entry.Sequence, appended[4].Entry.Sequence]);
    }

    [Fact]
    public async Task the_counted_log_is_the_accepted_entries_without_client_ids()
    {
        var (store, election) = await OpenWithElectionAsync();
        var partial = Accepted([4, 5, 6], "p1", box: BoxCode(1)) with { Tally = new Tally(null, null, 15, null, [4, 5, 6]) };
        var appended = await store.AppendAsync(election.Election.Id,
        [
            Accepted([120, 90, 40], "a1", evidence: "sha256:ab12"),
            Rejected([new("votes", ErrorCodes.UnknownChoice, "No choice 'x'.")], "{}", "r1"),
            partial,
            Accepted([0, 0, 0], reporter: null, box: BoxCode(2)),
        ], Ct);

        var counted = await store.ReadCountedLogAsync(election, 0, ct: Ct).ToListAsync(Ct);
        var later = await store.ReadCountedLogAsync(election, appended[2].Entry.Sequence, ct: Ct).ToListAsync(Ct);

        var expected = appended.Select(r => r.Entry).Where(e => e.Accepted).Select(e => e with { ClientSubmissionId = null });
        LogText.Of(counted).ShouldBe(LogText.Of(expected));
        counted[1].Tally.ShouldBe(new Tally(null, null, 15, null, [4, 5, 6]));
        later.Select(e => e.Sequence).ShouldBe([appended[3].Entry.Sequence]);
    }

    [Fact]
    public async Task a_part_of_the_counted_log_ends_at_its_bound()
    {
        var (store, election) = await OpenWithElectionAsync();
        var appended = await store.AppendAsync(election.Election.Id,
            [.. Enumerable.Range(1, 6).Select(i => Accepted([i, i, i], $"c{i}", box: BoxCode(i % 2 + 1)))], Ct);
        var sequences = appended.Select(r => r.Entry.Sequence).ToArray();

        var first = await store.ReadCountedLogAsync(election, 0, sequences[2], Ct).ToListAsync(Ct);
        var second = await store.ReadCountedLogAsync(election, sequences[2], sequences[4], Ct).ToListAsync(Ct);
        var rest = await store.ReadCountedLogAsync(election, sequences[4], ct: Ct).ToListAsync(Ct);

        first.Select(e => e.Sequence).ShouldBe(sequences[..3]);
        second.Select(e => e.Sequence).ShouldBe(sequences[3..5]);
        rest.Select(e => e.Sequence).ShouldBe(sequences[5..]);
    }

    [Fact]
    public async Task times_come_back_in_utc_to_the_microsecond()
    {
        var (store, election) = await OpenWithElectionAsync();
        var at = new DateTimeOffset(2015, 11, 1, 21, 4, 5, TimeSpan.FromHours(3)).AddTicks(1_234_567);

        await store.AppendAsync(election.Election.Id, [Accepted([1, 2, 3], at: at)], Ct);

        var read = (await ReadAllAsync(store, election)).Single().ReceivedAt;
        read.Offset.ShouldBe(TimeSpan.Zero);
        read.ShouldBe(new DateTimeOffset(2015, 11, 1, 18, 4, 5, TimeSpan.Zero).AddTicks(1_234_560));
    }

    [Fact]
    public async Task rejected_entries_keep_their_reasons_and_payload()
    {
        var (store, election) = await OpenWithElectionAsync();
        FieldError[] errors =
        [
            new("votes.hdp", ErrorCodes.UnknownChoice, "Race 'parliament' has no choice 'hdp'."),
            new("voted", ErrorCodes.NotANumber, "'voted' must be a whole number, got 'yüz \"on\"'."),
        ];
        const string payload = """{"box":"01/Seyhan/1001","voted":"yüz \"on\"","votes":{"hdp":12}}""";

        var appended = await store.AppendAsync(election.Election.Id,
            [Rejected(errors, payload, "r1"), Rejected([new("race", ErrorCodes.UnknownRace, "No race 'mayor'.")], "{}", raceId: "mayor")], Ct);

        var log = await ReadAllAsync(store, election);
        LogText.Of(log).ShouldBe(LogText.Of(appended.Select(r => r.Entry)));
        log[0].Tally.ShouldBeNull();
        log[0].Accepted.ShouldBeFalse();
        log[0].Errors.ShouldBe(errors);
        log[0].RejectedPayload.ShouldBe(payload);
        log[1].RaceId.ShouldBe("mayor");
    }

    [Fact]
    public async Task logs_of_two_elections_stay_apart()
    {
        var store = await OpenAsync();
        var general = TestElection.Create("general-2015");
        var june = TestElection.Create("general-2015-june");
        await store.SaveElectionAsync(general, Ct);
        await store.SaveElectionAsync(june, Ct);

        await store.AppendAsync(general.Election.Id, [Accepted([1, 1, 1], "same-id"), Accepted([2, 2, 2])], Ct);
        var other = await store.AppendAsync(june.Election.Id, [Accepted([3, 3, 3], "same-id")], Ct);

        other.Single().AlreadyLogged.ShouldBeFalse();
        (await store.CountLogAsync(general.Election.Id, Ct)).ShouldBe(2);
        (await ReadAllAsync(store, june)).Single().Tally!.Votes.ToArray().ShouldBe([3, 3, 3]);
        (await store.ListElectionsAsync(Ct)).ShouldBe(["general-2015", "general-2015-june"]);
    }

    [Fact]
    public async Task log_survives_reopening_the_store()
    {
        var (store, election) = await OpenWithElectionAsync();
        var appended = await store.AppendAsync(election.Election.Id, [Accepted([5, 6, 7], "k1"), Rejected([new("box", "required", "'box' is required.")], "{}")], Ct);
        await store.DisposeAsync();

        var reopened = await OpenAsync();
        var loaded = (await reopened.LoadElectionAsync(election.Election.Id, Ct)).ShouldNotBeNull();
        LogText.Of(await ReadAllAsync(reopened, loaded)).ShouldBe(LogText.Of(appended.Select(r => r.Entry)));
        var retry = await reopened.AppendAsync(election.Election.Id, [Accepted([5, 6, 7], "k1")], Ct);
        retry.Single().AlreadyLogged.ShouldBeTrue();
        (await reopened.CountLogAsync(election.Election.Id, Ct)).ShouldBe(2);
    }

    [Fact]
    public async Task appending_to_an_election_that_was_never_saved_fails_clearly()
    {
        var store = await OpenAsync();

        var error = await Should.ThrowAsync<InvalidOperationException>(() => store.AppendAsync("nowhere-2015", [Accepted([1, 2, 3])], Ct));

        error.Message.ShouldContain("'nowhere-2015' is not saved");
    }

    [Fact]
    public async Task an_append_that_fails_logs_none_of_its_entries()
    {
        var (store, election) = await OpenWithElectionAsync();
        var wrongRace = Accepted([1, 2, 3]) with { RaceId = "mayor" };

        await Should.ThrowAsync<ArgumentException>(() => store.AppendAsync(election.Election.Id, [Accepted([1, 2, 3], "ok"), wrongRace], Ct));

        (await store.CountLogAsync(election.Election.Id, Ct)).ShouldBe(0);
        (await store.AppendAsync(election.Election.Id, [Accepted([1, 2, 3], "ok")], Ct)).Single().AlreadyLogged.ShouldBeFalse();
    }
}
