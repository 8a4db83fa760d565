using System.Text.Json;
using Sandik.Domain.Geography;
using Sandik.Domain.Submissions;
using Sandik.Server.Tests.Support;
using Shouldly;

namespace Sandik.Server.Tests.Ui.Support;

/// <summary>Count sheets for the live tests: a box's official tally with some votes moved from one party to another.</summary>
public static class Submissions
{
    public static int Ak => TestServer.Official.Race.IndexOf("ak_parti");

    /// <summary>
    /// The first boxes of a province (after <paramref name="skip"/>) whose official count gives both AK Parti and its
    /// strongest rival at least <paramref name="votes"/> votes, so that that many can move either way.
    /// </summary>
    public static (BallotBox Box, Tally Official) BoxIn(string provinceCode, int votes, int skip = 0) => BoxesIn(provinceCode, votes, skip + 1)[skip];

    /// <summary>Like <see cref="BoxIn"/>, the first <paramref name="count"/> such boxes of the province.</summary>
    public static IReadOnlyList<(BallotBox Box, Tally Official)> BoxesIn(string provinceCode, int votes, int count)
    {
        var official = TestServer.Official;
        var prefix = provinceCode + "/";
        return [.. official.Tallies
            .Where(t => official.Geography.Boxes[t.BoxIndex].Code.StartsWith(prefix, StringComparison.Ordinal)
                && t.Tally.Votes[Ak] >= votes && t.Tally.Votes[Rival(t.Tally)] >= votes)
            .Take(count)
            .Select(t => (official.Geography.Boxes[t.BoxIndex], t.Tally))];
    }

    /// <summary>Index of the choice other than AK Parti with the most votes in the box.</summary>
    public static int Rival(Tally tally) =>
        Enumerable.Range(0, tally.ChoiceCount).Where(i => i != Ak).OrderByDescending(i => tally.Votes[i]).First();

    /// <summary>The tally as the ingest API takes it, with <paramref name="moved"/> votes taken from one choice and given to another.</summary>
    public static string Body(BallotBox box, Tally tally, int from, int to, int moved, string? evidence = null)
    {
        var race = TestServer.Official.Race;
        var votes = new Dictionary<string, int>();
        for (var i = 0; i < tally.ChoiceCount; i++)
            votes[race.Choices[i].Id] = tally.Votes[i] - (i == from ? moved : 0) + (i == to ? moved : 0);
        var body = new Dictionary<string, object?>
        {
            ["box"] = box.Code,
            ["registered"] = tally.Registered,
            ["voted"] = tally.Voted,
            ["valid"] = tally.Valid,
            ["invalid"] = tally.Invalid,
            ["votes"] = votes,
        };
        if (evidence is not null) body["evidence"] = evidence;
        return JsonSerializer.Serialize(body);
    }

    /// <summary>Sends many count sheets in one batch; every one must be accepted.</summary>
    public static async Task SendBatchAsync(TestServer server, string source, IEnumerable<string> bodies)
    {
        var (status, answer) = await Json.PostAsync(server.Http, "api/v1/submissions/batch", await server.KeyFor(source), "[" + string.Join(",", bodies) + "]");
        status.ShouldBe(200, answer.ToString());
        answer.GetProperty("rejected").GetInt32().ShouldBe(0, answer.ToString());
    }

    public static async Task SendAsync(TestServer server, string source, string body)
    {
        var (status, answer) = await Json.PostAsync(server.Http, "api/v1/submissions", await server.KeyFor(source), body);
        status.ShouldBe(200, answer.ToString());
    }
}
