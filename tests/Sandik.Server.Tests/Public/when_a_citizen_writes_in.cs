using System.Net;
using System.Text.Json;
using Microsoft.Playwright;
using Sandik.Server.Tests.Support;
using Sandik.Server.Tests.Ui.Support;
using Shouldly;
using Xunit;

namespace Sandik.Server.Tests.Public;

/// <summary>
/// A citizen, without signing in, writes to the party through the public request form — a plain form that works
/// without script: the request reaches the incident desk with its category, province and contact, the citizen gets its
/// number, and a form that lacks what the desk needs comes back saying so, with what was typed kept.
/// </summary>
public sealed class when_a_citizen_writes_in : IAsyncLifetime
{
    private TestServer _server = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        (_playwright, _browser) = await OperationsCentre.LaunchChromiumAsync();
        _server = await TestServer.StartAsync(withOfficialCounts: false, configure: o => o.PublicResults = true);
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task the_form_sends_a_request_to_the_desk_and_answers_with_its_number()
    {
        using var anyone = _server.Anonymous();
        var form = await anyone.GetStringAsync("public/request", Ct);
        form.ShouldContain("<form method=\"post\" action=\"/public/request\"");
        System.Text.RegularExpressions.Regex.Matches(form, "<option value=\"[a-z-]+\"").Count.ShouldBe(4); // the categories
        System.Text.RegularExpressions.Regex.Matches(form, "<option value=\"\\d+\"").Count.ShouldBe(81); // the provinces

        using var sent = await PostAsync(anyone, ("category", "volunteer"), ("area", "34"), ("text", "Kadıköy'de sandık görevlisi olmak istiyorum."),
            ("name", "Ayşe Yılmaz"), ("contact", "0555 111 22 33"), ("lang", "tr"));

        sent.StatusCode.ShouldBe(HttpStatusCode.Created);
        var page = WebUtility.HtmlDecode(await sent.Content.ReadAsStringAsync(Ct));
        var number = long.Parse(System.Text.RegularExpressions.Regex.Match(page, @"Numarası: (\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var stored = (await Json.GetAsync(_server.Http, $"api/v1/incidents/{number}")).GetProperty("incident");
        stored.GetProperty("kind").GetString().ShouldBe("citizen");
        stored.GetProperty("category").GetString().ShouldBe("volunteer");
        stored.GetProperty("area").GetString().ShouldBe("34");
        stored.GetProperty("text").GetString().ShouldBe("Kadıköy'de sandık görevlisi olmak istiyorum.");
        stored.GetProperty("contact").GetString().ShouldBe("0555 111 22 33");
        stored.GetProperty("reporterName").GetString().ShouldBe("Ayşe Yılmaz");
    }

    [Fact]
    public async Task a_form_without_a_message_or_with_an_unknown_province_comes_back_saying_so_with_what_was_typed()
    {
        using var anyone = _server.Anonymous();

        using var empty = await PostAsync(anyone, ("category", "where-to-vote"), ("name", "Mehmet"), ("text", ""));
        empty.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var page = WebUtility.HtmlDecode(await empty.Content.ReadAsStringAsync(Ct));
        page.ShouldContain("Ne olduğunu yazın.");
        page.ShouldContain("value=\"Mehmet\"");

        using var unknown = await PostAsync(anyone, ("category", "other"), ("area", "99"), ("text", "x"), ("lang", "en"));
        unknown.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await unknown.Content.ReadAsStringAsync(Ct)).ShouldContain("data-field=\"area\"");

        using var json = await anyone.PostAsync("public/request", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"), Ct);
        json.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task a_flood_from_one_address_is_told_to_wait_on_the_page_in_its_language()
    {
        using var anyone = _server.Anonymous();
        for (var i = 0; i < 10; i++) (await PostAsync(anyone, ("category", "other"), ("text", $"message {i}"))).Dispose();

        using var refused = await anyone.PostAsync("public/request?lang=en",
            new FormUrlEncodedContent([KeyValuePair.Create("category", "other"), KeyValuePair.Create("text", "one more")]), Ct);

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(60));
        refused.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        (await refused.Content.ReadAsStringAsync(Ct)).ShouldContain("send it again in a minute");
        var listed = (await Json.GetAsync(_server.Http, "api/v1/incidents?kind=citizen")).EnumerateArray().Select(i => i.GetProperty("text").GetString()).ToList();
        listed.Count.ShouldBe(10);
        listed.ShouldNotContain("one more");
    }

    [Fact]
    public async Task a_phone_without_script_reaches_the_form_from_the_public_count_and_sends_it()
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false, ViewportSize = new ViewportSize { Width = 390, Height = 844 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(_server.Url + "/public?lang=en");
        await page.ClickAsync("#public-request-link a");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Write to us");

        await page.SelectOptionAsync("#request-category", "irregularity");
        await page.SelectOptionAsync("#request-area", "6");
        await page.FillAsync("#request-text", "Campaigning inside the school at box 1032.");
        await page.FillAsync("#request-contact", "citizen@example.org");
        await OperationsCentre.ShootAsync(page, "public-request-form");
        await page.ClickAsync("#request-send");

        await Assertions.Expect(page.Locator("#request-done")).ToContainTextAsync("Your request is in. Its number:");
        (await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth")).ShouldBeTrue();
        await OperationsCentre.ShootAsync(page, "public-request-sent");
        var listed = (await Json.GetAsync(_server.Http, "api/v1/incidents?kind=citizen&area=6")).EnumerateArray().ToList();
        listed.ShouldContain(i => i.GetProperty("text").GetString() == "Campaigning inside the school at box 1032.");
        await context.CloseAsync();
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, params (string Name, string Value)[] fields) =>
        client.PostAsync("public/request", new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Name, f.Value))), Ct);
}
