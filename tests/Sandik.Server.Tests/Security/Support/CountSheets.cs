using System.Text.Json;
using Sandik.Server.Tests.Support;

namespace Sandik.Server.Tests.Security.Support;

/// <summary>A box's official count sheet of November 2015, optionally with votes moved between the first two choices.</summary>
public static class CountSheets
{
    public static Dictionary<string, object?> For(string boxCode, int moved = 0, string? reporter = null)
    {
        var official = TestServer.Official;
        official.Geography.TryGetBox(boxCode, out var box);
        var tally = official.Tallies.First(t => t.BoxIndex == box.Index).Tally;
        var race = official.Race;
        var votes = new Dictionary<string, int>();
        for (var i = 0; i < tally.ChoiceCount; i++) votes[race.Choices[i].Id] = tally.Votes[i];
        var (first, second) = (race.Choices[0].Id, race.Choices[1].Id);
        moved = Math.Min(moved, votes[first]);
        votes[first] -= moved;
        votes[second] += moved;
        var sheet = new Dictionary<string, object?>
        {
            ["box"] = boxCode, ["registered"] = tally.Registered, ["voted"] = tally.Voted, ["valid"] = tally.Valid, ["invalid"] = tally.Invalid,
            ["votes"] = votes,
        };
        if (reporter is not null) sheet["reporter"] = reporter;
        return sheet;
    }

    public static string Json(Dictionary<string, object?> sheet) => JsonSerializer.Serialize(sheet);
}
