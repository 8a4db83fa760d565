using System.Text.Json;
using Sandik.Server.Tests.Support;
using Shouldly;
using Xunit;

namespace Sandik.Server.Tests.Ingest;

/// <summary>Every bad request gets a problem-details answer naming what is wrong, never a 5xx, and changes no count.</summary>
public sealed class when_input_is_bad : IAsyncLifetime
{
    private TestServer _server = null!;
    private string _key = "";
    private string _box = "";

    public async ValueTask InitializeAsync()
    {
        _server = await TestServer.StartAsync(withOfficialCounts: false, configure: o => o.MaxRequestBytes = 64 * 1024);
        _key = await _server.KeyFor("observer-app");
        _box = TestServer.Official.Geography.Boxes[10].Code;
    }

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    private async Task<JsonElement> ExpectProblem(int status, string body, string? key = null, string contentType = "application/json", string path = "api/v1/submissions")
    {
        var (actual, problem) = await Json.PostAsync(_server.Http, path, key ?? _key, body, contentType);
        actual.ShouldBe(status, problem.ToString());
        problem.GetProperty("status").GetInt32().ShouldBe(status);
        problem.GetProperty("title").GetString().ShouldNotBeNullOrEmpty();
        return problem;
    }

    private static IEnumerable<string> Codes(JsonElement problem) =>
        problem.GetProperty("reasons").EnumerateArray().Select(r => $"{r.GetProperty("field").GetString()}:{r.GetProperty("code").GetString()}");

    [Fact]
    public async Task every_bad_field_is_named_at_once()
    {
        var body = """{"box":"1/Nowhere/9","registered":"many","voted":-1,"valid":10,"invalid":0,"votes":{"ak_parti":7,"xyz":3,"chp":1.5},"colour":"red"}""";

        var problem = await ExpectProblem(422, body);

        Codes(problem).ShouldBe(["colour:unknown_field", "box:unknown_box", "registered:not_a_number", "voted:negative",
            "votes.xyz:unknown_choice", "votes.chp:not_a_number"], ignoreOrder: true);
        problem.GetProperty("errors").GetProperty("registered")[0].GetString()!.ShouldContain("many");
    }

    [Fact]
    public async Task inconsistent_counts_are_rejected_with_both_numbers()
    {
        var body = $$"""{"box":"{{_box}}","registered":300,"voted":100,"valid":90,"invalid":5,"votes":{"ak_parti":50,"chp":30} }""";
        var problem = await ExpectProblem(422, body);
        Codes(problem).ShouldBe(["votes:votes_do_not_sum_to_valid", "voted:valid_plus_invalid_is_not_voted"], ignoreOrder: true);
    }

    [Fact]
    public async Task malformed_json_names_the_position() =>
        (await ExpectProblem(400, """{"box": "1/A/1", "votes": {"""))
            .GetProperty("detail").GetString()!.ShouldContain("not valid JSON");

    [Fact]
    public async Task a_wrong_content_type_is_415() => await ExpectProblem(415, "box=1", contentType: "application/x-www-form-urlencoded");

    [Fact]
    public async Task a_body_too_large_is_413() =>
        await ExpectProblem(413, $$"""{"box":"{{new string('x', 100_000)}}"}""");

    [Fact]
    public async Task a_missing_or_unknown_key_is_401()
    {
        await ExpectProblem(401, "{}", key: "");
        await ExpectProblem(401, "{}", key: "sdk_000000000000_forged");
    }

    [Fact]
    public async Task a_key_cannot_submit_as_another_source() =>
        (await ExpectProblem(403, $$"""{"source":"authority-feed","box":"{{_box}}"}""")).GetProperty("detail").GetString()!.ShouldContain("observer-app");

    [Fact]
    public async Task a_batch_that_is_not_an_array_or_too_long_is_refused()
    {
        await ExpectProblem(400, "{}", path: "api/v1/submissions/batch");
        await ExpectProblem(400, "[]", path: "api/v1/submissions/batch");
        await ExpectProblem(413, "[" + string.Join(",", Enumerable.Repeat("{}", 1_001)) + "]", path: "api/v1/submissions/batch");
    }

    [Fact]
    public async Task rejected_submissions_change_no_count()
    {
        await ExpectProblem(422, $$"""{"box":"{{_box}}","registered":300,"voted":100,"valid":90,"invalid":5,"votes":{"ak_parti":50} }""");
        var results = await Json.GetAsync(_server.Http, "api/v1/results");
        results.GetProperty("area").GetProperty("boxes").GetInt64().ShouldBe(0);
        results.GetProperty("area").GetProperty("valid").GetInt64().ShouldBe(0);
    }

    [Fact]
    public async Task text_that_is_not_unicode_is_named_not_a_server_error()
    {
        // A lone surrogate, escaped as JSON allows, in a text field, a count, a field name and a choice id.
        var problem = await ExpectProblem(422, $$"""{"box":"{{_box}}","clientSubmissionId":"x\ud800","valid":"\udc00","\ud800":1,"votes":{"\ud800":1} }""");
        Codes(problem).ShouldContain("clientSubmissionId:invalid_text");
        Codes(problem).ShouldContain("$:invalid_text");
        Codes(problem).ShouldContain("votes:invalid_text");
        Codes(problem).ShouldContain("valid:not_a_number");

        // Bytes that are not UTF-8 inside a string, alone and in a batch beside a good sheet.
        var bad = System.Text.Encoding.UTF8.GetBytes($$"""{"box":"{{_box}}","reporter":"G_khan"}""");
        bad[Array.IndexOf(bad, (byte)'_')] = 0xff;
        (await PostBytes("api/v1/submissions", bad)).ShouldBe(422);
        var good = $$"""{"box":"{{_box}}","clientSubmissionId":"utf8-good","registered":300,"voted":100,"valid":95,"invalid":5,"votes":{"ak_parti":95} }""";
        var batch = new List<byte>(System.Text.Encoding.UTF8.GetBytes("[" + good + ","));
        batch.AddRange(bad);
        batch.Add((byte)']');
        (await PostBytes("api/v1/submissions/batch", [.. batch])).ShouldBe(200);
        var results = await Json.GetAsync(_server.Http, "api/v1/results");
        results.GetProperty("area").GetProperty("valid").GetInt64().ShouldBe(95);
    }

    [Fact]
    public async Task a_blank_client_id_is_refused_rather_than_taken_for_every_other_blank_one()
    {
        foreach (var id in new[] { "", "   " })
        {
            var problem = await ExpectProblem(422, $$"""{"box":"{{_box}}","clientSubmissionId":"{{id}}","registered":300,"voted":100,"valid":95,"invalid":5,"votes":{"ak_parti":95} }""");
            Codes(problem).ShouldBe(["clientSubmissionId:blank"]);
            // Not answered as a retry of the blank id before it.
            (problem.TryGetProperty("duplicate", out var duplicate) && duplicate.ValueKind == JsonValueKind.True).ShouldBeFalse();
        }
    }

    [Fact]
    public async Task a_client_id_too_long_does_not_stand_for_its_first_characters()
    {
        var prefix = new string('L', 500);
        var sheet = $$""","box":"{{_box}}","registered":300,"voted":100,"valid":95,"invalid":5,"votes":{"ak_parti":95} }""";
        Codes(await ExpectProblem(422, $$"""{"clientSubmissionId":"{{prefix}}X"{{sheet}}""")).ShouldBe(["clientSubmissionId:too_long"]);

        var (status, answer) = await Json.PostAsync(_server.Http, "api/v1/submissions", _key, $$"""{"clientSubmissionId":"{{prefix}}"{{sheet}}""");

        status.ShouldBe(200, answer.ToString());
        answer.GetProperty("duplicate").GetBoolean().ShouldBeFalse();
    }

    private async Task<int> PostBytes(string path, byte[] body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Api-Key", _key);
        using var response = await _server.Http.SendAsync(request, TestContext.Current.CancellationToken);
        return (int)response.StatusCode;
    }
}
