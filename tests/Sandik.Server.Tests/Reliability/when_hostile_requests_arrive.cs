using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Sandik.Server.Tests.Support;
using Shouldly;
using Xunit;

namespace Sandik.Server.Tests.Reliability;

/// <summary>
/// Ten thousand generated malformed or hostile requests against every public endpoint: each gets a 4xx answer with
/// problem details, none a 5xx, and the counted state does not move.
/// </summary>
public sealed class when_hostile_requests_arrive(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Requests = 10_000;
    private TestServer _server = null!;
    private string _key = "";

    public async ValueTask InitializeAsync()
    {
        _server = await TestServer.StartAsync(configure: o =>
        {
            o.MaxRequestBytes = 64 * 1024;
            o.SubmissionsPerSecondPerKey = 1_000_000;
        });
        _key = await _server.KeyFor("sms");
    }

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task every_one_gets_a_problem_and_nothing_counted_changes()
    {
        var before = await Json.GetAsync(_server.Http, "api/v1/results");
        var generator = new HostileRequests(20261122, TestServer.Official.Geography.Boxes[7].Code, ["ak_parti", "chp"]);
        var byStatus = new SortedDictionary<int, int>();
        var failures = new List<string>();
        var last = "";
        for (var i = 0; i < Requests; i++)
        {
            var (method, path, body, contentType) = generator.Next();
            var previous = last;
            last = $"{method} {path} {Shorten(body)}";
            using var request = new HttpRequestMessage(method, path);
            if (body is not null)
            {
                request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
                if (contentType.Length > 0) request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
                request.Headers.Add("X-Api-Key", i % 50 == 0 ? "sdk_forged_key" : _key);
                // A client that sends more than a server takes must ask first, or the server's early 413 breaks its pipe.
                if (body.Length > 60_000) request.Headers.ExpectContinue = true;
            }
            HttpResponseMessage response;
            try
            {
                response = await _server.Http.SendAsync(request, TestContext.Current.CancellationToken);
            }
            catch (HttpRequestException e)
            {
                failures.Add($"{method} {path} {Shorten(body)} → no answer: {e.InnerException?.Message ?? e.Message} (after {previous})");
                continue;
            }
            using var _ = response;
            var status = (int)response.StatusCode;
            byStatus[status] = byStatus.GetValueOrDefault(status) + 1;
            var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            if (!Acceptable(method, status, text) && failures.Count < 10) failures.Add($"{method} {path} {Shorten(body)} → {status} {Shorten(text)}");
        }

        Figures.Record(output, $"hostile requests: {Requests}, by status: {string.Join(", ", byStatus.Select(kv => $"{kv.Key}×{kv.Value}"))}");
        failures.ShouldBeEmpty();
        byStatus.Keys.ShouldAllBe(s => s < 500);
        var after = await Json.GetAsync(_server.Http, "api/v1/results");
        after.GetProperty("area").ToString().ShouldBe(before.GetProperty("area").ToString());
    }

    /// <summary>A 4xx with problem details; a GET of a real resource may also succeed (a harmless query).</summary>
    private static bool Acceptable(HttpMethod method, int status, string text)
    {
        if (status is >= 200 and < 300) return method == HttpMethod.Get;
        if (status is < 400 or >= 500) return false;
        try
        {
            var problem = JsonDocument.Parse(text).RootElement;
            return problem.GetProperty("status").GetInt32() == status && problem.GetProperty("title").GetString() is { Length: > 0 };
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return false;
        }
    }

    private static string Shorten(string? text) => text is null ? "" : text.Length <= 160 ? text : text[..160] + "…";
}
