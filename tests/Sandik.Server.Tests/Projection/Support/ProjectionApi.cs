using System.Text.Json;
using Sandik.Server.Tests.Support;
using Xunit;

namespace Sandik.Server.Tests.Projection.Support;

/// <summary>The projection endpoint, which serves its latest snapshot while the next one is made.</summary>
public static class ProjectionApi
{
    /// <summary>The projection once it has counted at least <paramref name="boxes"/> boxes.</summary>
    public static async Task<JsonElement> WaitAsync(HttpClient http, int boxes, string query = "")
    {
        // The projection works at a sixteenth of a core: its first build takes long on a loaded 2-core machine.
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            var projection = await Json.GetAsync(http, "api/v1/projection" + query);
            var counted = projection.GetProperty("boxesCounted").GetInt32();
            if (counted >= boxes) return projection;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"The projection still counts {counted} boxes (version {projection.GetProperty("version")}), not {boxes}.");
            await Task.Delay(250, TestContext.Current.CancellationToken);
        }
    }
}
