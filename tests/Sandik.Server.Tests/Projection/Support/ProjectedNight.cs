using System.Text.Json;
using Sandik.Import;
using Sandik.Server.Tests.Support;
using Sandik.Server.Tests.Ui.Support;
using Shouldly;
using Xunit;

namespace Sandik.Server.Tests.Projection.Support;

/// <summary>
/// Early in the night of November 2015: a server holding its registry and the June 2015 election as the prior, to
/// which the authority feed has sent the official count of every <see cref="Step"/>th box (about 2% of them), and a
/// browser to watch it; it publishes its count to the public. Shared by the projection's, the analysis', the incidents'
/// and the public results' tests; each test sends boxes of its own.
/// </summary>
public sealed class ProjectedNight : OperationsCentre
{
    public const string Feed = "authority-feed";
    public const int Step = 50;
    private readonly Lock _gate = new();
    private readonly HashSet<int> _sent = [];
    private string? _key;

    /// <summary>The boxes sent so far, by index.</summary>
    public IReadOnlyCollection<int> Sent
    {
        get { lock (_gate) return [.. _sent]; }
    }

    protected override async Task<TestServer> StartServerAsync()
    {
        var server = await TestServer.StartAsync(withOfficialCounts: false, withPrior: true, configure: o => o.PublicResults = true);
        _key = await server.KeyFor(Feed);
        await SendAsync(server, TestServer.Official.Tallies.Where((_, i) => i % Step == 0));
        return server;
    }

    /// <summary>Boxes not sent yet: the <paramref name="count"/> after the first <paramref name="skip"/> of them in the file.</summary>
    public IReadOnlyList<BoxTally> Unsent(int count, int skip = 0)
    {
        lock (_gate) return [.. TestServer.Official.Tallies.Where(t => !_sent.Contains(t.BoxIndex)).Skip(skip).Take(count)];
    }

    public Task SendAsync(IEnumerable<BoxTally> tallies) => SendAsync(Server, tallies);

    private async Task SendAsync(TestServer server, IEnumerable<BoxTally> tallies)
    {
        var geography = TestServer.Official.Geography;
        foreach (var batch in tallies.Chunk(1_000))
        {
            var body = "[" + string.Join(',', batch.Select(t => Submissions.Body(geography.Boxes[t.BoxIndex], t.Tally, 0, 0, 0))) + "]";
            var (status, answer) = await Json.PostAsync(server.Http, "api/v1/submissions/batch", _key, body);
            status.ShouldBe(200, answer.ToString());
            lock (_gate) _sent.UnionWith(batch.Select(t => t.BoxIndex));
        }
    }

    /// <summary>The raw share of each choice in the boxes sent, as the count stands.</summary>
    public IReadOnlyDictionary<string, double> CountedShares()
    {
        var official = TestServer.Official;
        var sent = Sent.ToHashSet();
        var votes = new long[official.Race.Choices.Count];
        long valid = 0;
        foreach (var t in official.Tallies.Where(t => sent.Contains(t.BoxIndex)))
        {
            valid += t.Tally.Valid;
            for (var c = 0; c < votes.Length; c++) votes[c] += t.Tally.Votes[c];
        }
        return official.Race.Choices.Select((c, i) => (c.Id, Share: (double)votes[i] / valid)).ToDictionary(x => x.Id, x => x.Share);
    }

    /// <summary>The projection as the API gives it, once it has counted at least <paramref name="boxes"/> boxes.</summary>
    public Task<JsonElement> ProjectionAsync(int boxes, string query = "") => ProjectionApi.WaitAsync(Server.Http, boxes, query);
}

/// <summary>
/// The tests of the projected night, run on their own: two elections, a browser and the projector's first seconds are
/// a heavy load to put beside the other servers' browser tests on a small machine.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProjectedNightCollection : ICollectionFixture<ProjectedNight>
{
    public const string Name = "projected night";
}
