using System.Text.Json;
using Sandik.Domain.Geography;
using Sandik.Domain.Submissions;
using Sandik.Server.Tests.Support;
using Sandik.Server.Tests.Ui.Support;
using Xunit;

namespace Sandik.Server.Tests.Anomalies;

/// <summary>
/// A server holding every official count of November 2015, its anomaly ranking built, and then one box of Sivas
/// stuffed through the ingest API by the district office (trusted above the authority feed): four times the register
/// in extra ballots, three quarters of them for one party and a quarter spoilt — odder than the oddest real box
/// (İstanbul, Fatih 2267: 390 voters for 72 registered, 86% invalid). The statistics are not refreshed during the tests, so
/// the box is judged by incremental rescoring alone.
/// </summary>
public sealed class StuffedNight : IAsyncLifetime
{
    public const string Province = "58";
    /// <summary>Extra ballots per registered voter; one in four of them spoilt.</summary>
    public const int ExtraPerRegistered = 4;

    public TestServer Server { get; private set; } = null!;
    public BallotBox Box { get; private set; } = null!;
    public Tally Official { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Server = await TestServer.StartAsync(configure: o =>
        {
            o.Anomalies.RefreshInterval = TimeSpan.FromHours(1);
            o.Anomalies.RefreshAfterBoxes = int.MaxValue;
        });
        await WaitAsync(status => status.GetProperty("ready").GetBoolean());
        (Box, Official) = Submissions.BoxIn(Province, 40);
        await Submissions.SendAsync(Server, "district-office", Stuffed(Box, Official, (ExtraPerRegistered - 1) * Official.Registered!.Value, Official.Registered!.Value));
    }

    /// <summary>The box's official sheet with <paramref name="extra"/> more votes for AK Parti and <paramref name="spoilt"/> more invalid ballots.</summary>
    public static string Stuffed(BallotBox box, Tally tally, int extra, int spoilt)
    {
        var race = TestServer.Official.Race;
        var votes = new Dictionary<string, int>();
        for (var i = 0; i < tally.ChoiceCount; i++) votes[race.Choices[i].Id] = tally.Votes[i] + (i == Submissions.Ak ? extra : 0);
        return JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["box"] = box.Code,
            ["registered"] = tally.Registered,
            ["voted"] = tally.Voted + extra + spoilt,
            ["valid"] = tally.Valid + extra,
            ["invalid"] = tally.Invalid + spoilt,
            ["votes"] = votes,
        });
    }

    /// <summary>Waits until the ranking's status satisfies a condition.</summary>
    public Task<JsonElement> WaitAsync(Func<JsonElement, bool> until, string query = "top=1") => Ranking.WaitAsync(Server.Http, until, query);

    public async ValueTask DisposeAsync()
    {
        if (Server is not null) await Server.DisposeAsync();
    }
}
