using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Sandik.Domain.Submissions;
using Sandik.Server.Hosting;
using Sandik.Server.Tests.Support;
using Sandik.Server.Tests.Ui.Support;
using Sandik.Storage;
using Shouldly;
using Xunit;

namespace Sandik.Server.Tests.Reliability;

/// <summary>
/// The store commits an append and the connection drops before the answer arrives — what a database failover does
/// to the commit under way. The writer retries, the retry finds the entries already logged, and the acknowledgement
/// must still mean "durable and counted".
/// </summary>
public sealed class when_a_commit_loses_its_answer
{
    [Fact]
    public async Task the_retry_finds_it_logged_and_the_count_shows_it()
    {
        var store = (LosingAnswers?)null;
        await using var server = await TestServer.StartAsync(withOfficialCounts: false, services: s => s.AddSingleton<IElectionStore>(p =>
            store = new LosingAnswers(ElectionStores.Open(p.GetRequiredService<IOptions<SandikServerOptions>>().Value.Store))));
        var (box, tally) = Submissions.BoxIn("6", 40);
        var explain = $"api/v1/boxes/explain?code={Uri.EscapeDataString(box.Code)}";
        var body = Submissions.Body(box, tally, 0, 0, 0).Insert(1, "\"clientSubmissionId\":\"office-6-1\",");
        store.ShouldNotBeNull();
        store.LoseNextAnswer();

        var sent = await Json.PostAsync(server.Http, "api/v1/submissions", await server.KeyFor("district-office"), body);

        sent.Status.ShouldBe(200, sent.Body.ToString());
        store.AnswersLost.ShouldBe(1);
        var sequence = sent.Body.GetProperty("sequence").GetInt64();
        var shown = await Json.GetAsync(server.Http, explain);
        shown.GetProperty("countedSource").GetString().ShouldBe("district-office", shown.ToString());
        shown.GetProperty("countedSequence").GetInt64().ShouldBe(sequence);
        var results = await Json.GetAsync(server.Http, "api/v1/results");
        results.GetProperty("area").GetProperty("boxes").GetInt64().ShouldBe(1);

        // Sent again by the client, it is the same entry and counts once.
        var again = await Json.PostAsync(server.Http, "api/v1/submissions", await server.KeyFor("district-office"), body);
        again.Body.GetProperty("duplicate").GetBoolean().ShouldBeTrue();
        again.Body.GetProperty("sequence").GetInt64().ShouldBe(sequence);
        (await Json.GetAsync(server.Http, "api/v1/results")).GetProperty("area").GetProperty("boxes").GetInt64().ShouldBe(1);
    }

    /// <summary>A real store whose next append commits and then fails, as if the answer was lost on the way.</summary>
    private sealed class LosingAnswers(IElectionStore inner) : DelegatingStore(inner)
    {
        private int _armed;
        private int _lost;

        public int AnswersLost => Volatile.Read(ref _lost);

        public void LoseNextAnswer() => Volatile.Write(ref _armed, 1);

        public override async Task<IReadOnlyList<AppendResult>> AppendAsync(string electionId, IReadOnlyList<LoggedSubmission> entries, CancellationToken ct = default)
        {
            var results = await Inner.AppendAsync(electionId, entries, ct);
            if (Interlocked.Exchange(ref _armed, 0) == 0) return results;
            Interlocked.Increment(ref _lost);
            throw new IOException("The connection was reset after the commit.");
        }
    }
}
