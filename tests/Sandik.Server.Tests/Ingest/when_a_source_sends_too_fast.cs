using System.Text.Json;
using Sandik.Server.Tests.Support;
using Shouldly;
using Xunit;

namespace Sandik.Server.Tests.Ingest;

public sealed class when_a_source_sends_too_fast : IAsyncLifetime
{
    private TestServer _server = null!;

    public async ValueTask InitializeAsync() =>
        _server = await TestServer.StartAsync(withOfficialCounts: false, configure: o => o.SubmissionsPerSecondPerKey = 5);

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task its_key_is_throttled_with_a_problem_and_another_key_is_not()
    {
        var fast = await _server.KeyFor("sms");
        var other = await _server.KeyFor("observer-app");
        var box = TestServer.Official.Geography.Boxes[0].Code;
        var statuses = new List<int>();
        for (var i = 0; i < 40; i++)
        {
            var (status, body) = await Json.PostAsync(_server.Http, "api/v1/submissions", fast,
                $$"""{"box":"{{box}}","clientSubmissionId":"fast-{{i}}","registered":10,"voted":5,"valid":5,"invalid":0,"votes":{"chp":5} }""");
            statuses.Add(status);
            if (status == 429) body.GetProperty("title").GetString().ShouldBe("Too many requests");
        }

        statuses.ShouldContain(200);
        statuses.ShouldContain(429);
        statuses.ShouldAllBe(s => s == 200 || s == 429);
        (await Json.PostAsync(_server.Http, "api/v1/submissions", other,
            $$"""{"box":"{{box}}","registered":10,"voted":5,"valid":5,"invalid":0,"votes":{"chp":5} }""")).Status.ShouldBe(200);
    }

    [Fact]
    public async Task the_api_is_described_by_openapi()
    {
        var document = await Json.GetAsync(_server.Http, "openapi/v1.json");
        var paths = document.GetProperty("paths");
        paths.TryGetProperty("/api/v1/submissions", out _).ShouldBeTrue();
        paths.TryGetProperty("/api/v1/submissions/batch", out _).ShouldBeTrue();
        paths.TryGetProperty("/api/v1/results", out _).ShouldBeTrue();
    }
}
