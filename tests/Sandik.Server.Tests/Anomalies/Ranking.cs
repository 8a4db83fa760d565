using System.Text.Json;
using Sandik.Server.Tests.Support;

namespace Sandik.Server.Tests.Anomalies;

/// <summary>Reads the live anomaly ranking, which is built and rescored in the background.</summary>
public static class Ranking
{
    /// <summary>Asks for the ranking until its status satisfies a condition (a minute at most); returns that listing.</summary>
    public static async Task<JsonElement> WaitAsync(HttpClient http, Func<JsonElement, bool> until, string query = "top=1")
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var listing = await Json.GetAsync(http, "api/v1/anomalies?" + query);
            if (until(listing.GetProperty("status"))) return listing;
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The anomaly ranking did not get there: " + listing.GetProperty("status"));
            await Task.Delay(100);
        }
    }
}
