using Sandik.Storage.Tests.Support;
using Shouldly;
using Xunit;
using static Sandik.Storage.Tests.Support.TestElection;

namespace Sandik.Storage.Tests;

public abstract partial class ElectionStoreBehaviour
{
    [Fact]
    public async Task concurrent_appends_lose_nothing_and_never_share_a_sequence()
    {
        const int writers = 8, batches = 20, batchSize = 5;
        var (store, election) = await OpenWithElectionAsync();
        var id = election.Election.Id;

        // Every writer also sends the same submission (one source, one client id) in each batch: it must be logged once.
        var results = await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            var mine = new List<AppendResult>();
            for (var b = 0; b < batches; b++)
            {
                var batch = Enumerable.Range(0, batchSize).Select(i => Accepted([w, b, i], $"w{w}-b{b}-e{i}", box: BoxCode(i))).ToList();
                batch.Add(Accepted([9, 9, 9], "shared"));
                mine.AddRange(await store.AppendAsync(id, batch, Ct));
            }
            return mine;
        }, Ct)));

        var log = await ReadAllAsync(store, election);
        log.Count.ShouldBe(writers * batches * batchSize + 1);
        log.Select(e => e.Sequence).ShouldBeInOrder(SortDirection.Ascending);
        log.Select(e => e.Sequence).Distinct().Count().ShouldBe(log.Count);
        log.Select(e => e.ClientSubmissionId).Distinct().Count().ShouldBe(log.Count);

        var all = results.SelectMany(r => r).ToList();
        var shared = all.Where(r => r.Entry.ClientSubmissionId == "shared").ToList();
        shared.Select(r => r.Entry.Sequence).Distinct().Count().ShouldBe(1);
        shared.Count(r => !r.AlreadyLogged).ShouldBe(1);
        all.Where(r => !r.AlreadyLogged).Select(r => r.Entry.Sequence).Order().ShouldBe(log.Select(e => e.Sequence));
        (await store.CountLogAsync(id, Ct)).ShouldBe(log.Count);
    }

    [Fact]
    public async Task a_reader_sees_whole_batches_while_appends_go_on()
    {
        var (store, election) = await OpenWithElectionAsync();
        var id = election.Election.Id;
        var writer = Task.Run(async () =>
        {
            for (var b = 0; b < 40; b++)
                await store.AppendAsync(id, [.. Enumerable.Range(0, 10).Select(i => Accepted([b, i, 0], $"b{b}-{i}"))], Ct);
        }, Ct);

        while (!writer.IsCompleted)
        {
            var seen = await ReadAllAsync(store, election);
            (seen.Count % 10).ShouldBe(0, "a reader must never see part of a batch");
        }
        await writer;
        (await store.CountLogAsync(id, Ct)).ShouldBe(400);
    }
}
