using System.Net.Http.Json;
using System.Text.Json;
using Sandik.Domain.Tallies;

namespace Sandik.Cli.Replay;

/// <summary>Compares what a server counts with the official file: nation and every province, field by field.</summary>
public static class ReplayVerification
{
    /// <returns>The differences found; empty when the server's counts equal the file's.</returns>
    public static async Task<IReadOnlyList<string>> CompareAsync(HttpClient http, LiveRace truth, CancellationToken ct)
    {
        var json = await http.GetFromJsonAsync<JsonElement>("api/v1/results", ct);
        var differences = new List<string>();
        Compare(truth, 0, json.GetProperty("area"), differences);
        foreach (var child in json.GetProperty("children").EnumerateArray())
        {
            if (!truth.Geography.TryGetArea(child.GetProperty("code").GetString()!, out var area))
                differences.Add($"the server has an area '{child.GetProperty("code")}' the file does not");
            else Compare(truth, area.Index, child, differences);
        }
        return differences;
    }

    /// <summary>Compares a live state rebuilt from the server's store with the file, nation and every province.</summary>
    public static IReadOnlyList<string> Compare(LiveRace actual, LiveRace truth)
    {
        var differences = new List<string>();
        var view = SourceView.All(actual.Sources);
        foreach (var area in truth.Geography.Areas.Where(a => a.Level <= 1))
        {
            if (!actual.Geography.TryGetArea(area.Code, out var served))
            {
                differences.Add($"the server has no area '{area.Code}'");
                continue;
            }
            var expected = truth.Totals(area.Index, SourceView.All(truth.Sources));
            var got = actual.Totals(served.Index, view);
            Check(area.Name, "boxes", expected.BoxesCounted, got.BoxesCounted, differences);
            Check(area.Name, "registered", expected.Registered, got.Registered, differences);
            Check(area.Name, "voted", expected.Voted, got.Voted, differences);
            Check(area.Name, "valid", expected.Valid, got.Valid, differences);
            Check(area.Name, "invalid", expected.Invalid, got.Invalid, differences);
            for (var i = 0; i < truth.Race.Choices.Count; i++)
            {
                var index = actual.Race.IndexOf(truth.Race.Choices[i].Id);
                Check(area.Name, truth.Race.Choices[i].Id, expected.Votes[i], index < 0 ? 0 : got.Votes[index], differences);
            }
        }
        return differences;
    }

    private static void Compare(LiveRace truth, int areaIndex, JsonElement row, List<string> differences)
    {
        var expected = truth.Totals(areaIndex, SourceView.All(truth.Sources));
        var name = truth.Geography.Areas[areaIndex].Name;
        Check(name, "boxes", expected.BoxesCounted, row.GetProperty("boxes").GetInt64(), differences);
        Check(name, "registered", expected.Registered, row.GetProperty("registered").GetInt64(), differences);
        Check(name, "voted", expected.Voted, row.GetProperty("voted").GetInt64(), differences);
        Check(name, "valid", expected.Valid, row.GetProperty("valid").GetInt64(), differences);
        Check(name, "invalid", expected.Invalid, row.GetProperty("invalid").GetInt64(), differences);
        var votes = row.GetProperty("votes");
        for (var i = 0; i < truth.Race.Choices.Count; i++)
            Check(name, truth.Race.Choices[i].Id, expected.Votes[i], votes.GetProperty(truth.Race.Choices[i].Id).GetInt64(), differences);
    }

    private static void Check(string area, string field, long expected, long actual, List<string> differences)
    {
        if (expected != actual) differences.Add($"{area} {field}: file {expected:N0}, server {actual:N0}");
    }
}
