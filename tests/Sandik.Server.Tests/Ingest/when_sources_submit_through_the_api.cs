using Microsoft.Extensions.DependencyInjection;
using Sandik.Storage.Keys;
using System.Text.Json;
using Sandik.Server.Tests.Support;
using Shouldly;
using Xunit;

namespace Sandik.Server.Tests.Ingest;

public sealed class when_sources_submit_through_the_api : IAsyncLifetime
{
    private TestServer _server = null!;
    private string _office = "";
    private string _sms = "";

    public async ValueTask InitializeAsync()
    {
        _server = await TestServer.StartAsync();
        _office = await _server.KeyFor("district-office");
        _sms = await _server.KeyFor("sms");
    }

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    private static string Box(int index) => TestServer.Official.Geography.Boxes[index].Code;

    private static string Sheet(string box, int akp, int chp, string? clientId = null, int other = 0) =>
        JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["box"] = box, ["clientSubmissionId"] = clientId, ["registered"] = 400, ["voted"] = akp + chp + other + 3,
            ["valid"] = akp + chp + other, ["invalid"] = 3, ["votes"] = new Dictionary<string, int> { ["ak_parti"] = akp, ["chp"] = chp, ["mhp"] = other },
        });

    [Fact]
    public async Task a_key_issued_elsewhere_a_moment_after_the_last_reload_is_taken_at_once()
    {
        // A well-formed key the server does not know makes it reload its list of keys...
        var (_, unknown) = ApiKey.Issue("sms", "never stored", DateTimeOffset.UtcNow);
        (await Json.PostAsync(_server.Http, "api/v1/submissions", unknown, Sheet(Box(3), 100, 50))).Status.ShouldBe(401);
        // ...and a moment later another node of the cluster (or the command line) issues a key in the same store.
        var (key, presented) = ApiKey.Issue("sms", "issued elsewhere", DateTimeOffset.UtcNow);
        await _server.App.Services.GetRequiredService<ApiKeyStore>().SaveAsync(key, TestContext.Current.CancellationToken);

        var (status, body) = await Json.PostAsync(_server.Http, "api/v1/submissions", presented, Sheet(Box(3), 100, 50));

        status.ShouldBe(200, body.ToString());
        (await Json.PostAsync(_server.Http, "api/v1/submissions", unknown, Sheet(Box(3), 100, 50))).Status.ShouldBe(401);
    }

    [Fact]
    public async Task an_acknowledged_submission_of_a_better_ranked_source_is_already_counted()
    {
        var before = await Json.GetAsync(_server.Http, "api/v1/results");
        var nationalAkp = before.GetProperty("area").GetProperty("votes").GetProperty("ak_parti").GetInt64();
        nationalAkp.ShouldBe(22_959_394);
        var box = Box(0);
        var explainBefore = await Json.GetAsync(_server.Http, $"api/v1/boxes/explain?code={Uri.EscapeDataString(box)}");
        var officialAkp = explainBefore.GetProperty("entries")[0].GetProperty("votes").GetProperty("ak_parti").GetInt64();

        var (status, body) = await Json.PostAsync(_server.Http, "api/v1/submissions", _office, Sheet(box, 200, 100, "office-1"));

        status.ShouldBe(200, body.ToString());
        body.GetProperty("status").GetString().ShouldBe("accepted");
        body.GetProperty("sequence").GetInt64().ShouldBeGreaterThan(174_992);
        var after = await Json.GetAsync(_server.Http, "api/v1/results");
        after.GetProperty("area").GetProperty("votes").GetProperty("ak_parti").GetInt64().ShouldBe(nationalAkp - officialAkp + 200);
        after.GetProperty("area").GetProperty("boxes").GetInt64().ShouldBe(174_992);
        var explain = await Json.GetAsync(_server.Http, $"api/v1/boxes/explain?code={Uri.EscapeDataString(box)}");
        explain.GetProperty("countedSource").GetString().ShouldBe("district-office");
        explain.GetProperty("status").GetString().ShouldBe("Conflict");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task an_answer_to_a_source_carries_the_headers_of_an_api_not_of_a_page(bool valid)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/submissions")
        {
            Content = new StringContent(valid ? Sheet(Box(2), 150, 90, "headers-1") : "{\"box\": 42", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Api-Key", _office);

        using var response = await _server.Http.SendAsync(request, TestContext.Current.CancellationToken);

        ((int)response.StatusCode).ShouldBe(valid ? 200 : 400);
        response.Headers.GetValues("Content-Security-Policy").Single().ShouldBe("default-src 'none'; frame-ancestors 'none'");
        response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
        response.Headers.CacheControl!.NoStore.ShouldBeTrue();
        response.Headers.Contains("Permissions-Policy").ShouldBeFalse();
    }

    [Fact]
    public async Task a_retry_with_the_same_client_id_returns_the_original_outcome_and_adds_no_row()
    {
        var first = await Json.PostAsync(_server.Http, "api/v1/submissions", _sms, Sheet(Box(1), 10, 20, "sms-retry"));
        var retry = await Json.PostAsync(_server.Http, "api/v1/submissions", _sms, Sheet(Box(1), 99, 20, "sms-retry"));

        first.Status.ShouldBe(200);
        retry.Status.ShouldBe(200);
        retry.Body.GetProperty("duplicate").GetBoolean().ShouldBeTrue();
        retry.Body.GetProperty("sequence").GetInt64().ShouldBe(first.Body.GetProperty("sequence").GetInt64());
        var explain = await Json.GetAsync(_server.Http, $"api/v1/boxes/explain?code={Uri.EscapeDataString(Box(1))}&sources=sms");
        explain.GetProperty("entries")[0].GetProperty("votes").GetProperty("ak_parti").GetInt32().ShouldBe(10);
    }

    [Fact]
    public async Task a_batch_reports_each_submission_and_counts_only_the_good_ones()
    {
        var batch = $"[{Sheet(Box(2), 5, 5, "b-1")},{Sheet("99/Nowhere/1", 5, 5, "b-2")},{Sheet(Box(3), 5, 5, "b-3")}]";

        var (status, body) = await Json.PostAsync(_server.Http, "api/v1/submissions/batch", _sms, batch);

        status.ShouldBe(200);
        body.GetProperty("accepted").GetInt32().ShouldBe(2);
        body.GetProperty("rejected").GetInt32().ShouldBe(1);
        var rejected = body.GetProperty("items")[1];
        rejected.GetProperty("status").GetString().ShouldBe("rejected");
        rejected.GetProperty("reasons")[0].GetProperty("code").GetString().ShouldBe("unknown_box");
    }

    [Fact]
    public async Task ingest_delay_is_exposed_as_a_metric()
    {
        await Json.PostAsync(_server.Http, "api/v1/submissions", _sms, Sheet(Box(4), 1, 2, "metric-1"));
        var metrics = await Json.GetAsync(_server.Http, "api/v1/metrics/ingest");
        metrics.GetProperty("ingest").GetProperty("visible").GetInt64().ShouldBeGreaterThan(0);
        metrics.GetProperty("ingest").GetProperty("visibleP99Ms").GetDouble().ShouldBeGreaterThanOrEqualTo(0);
        metrics.GetProperty("rebuild").GetProperty("entries").GetInt64().ShouldBe(174_992);
    }
}
