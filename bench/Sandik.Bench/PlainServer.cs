using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Sandik.Bench;

/// <summary>
/// The ceiling for the ingest benchmark: a Kestrel endpoint on the same routes that only reads the body and answers
/// 200, so that the difference with Sandik is what Sandik itself costs (validation, durable commit, live update).
/// </summary>
public static class PlainServer
{
    public static async Task<int> RunAsync(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(["--urls", Figures.Option(args, "--urls", "http://127.0.0.1:5199")]);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost("/api/v1/submissions", async (HttpRequest request) =>
        {
            var buffer = new byte[4096];
            while (await request.Body.ReadAsync(buffer) > 0) { }
            return Results.Text("{\"status\":\"accepted\"}", "application/json");
        });
        app.MapGet("/ready", () => "ok");
        await app.RunAsync();
        return 0;
    }
}
