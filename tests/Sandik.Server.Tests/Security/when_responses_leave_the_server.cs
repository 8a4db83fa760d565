using System.Net;
using Sandik.Server.Identity;
using Sandik.Server.Tests.Security.Support;
using Sandik.Server.Tests.Support;
using Shouldly;
using Xunit;

namespace Sandik.Server.Tests.Security;

/// <summary>What every answer carries for the browser's protection, what forms demand, and whose eyes see a volunteer's number.</summary>
public sealed class when_responses_leave_the_server(SecurityServer shared) : IClassFixture<SecurityServer>
{
    private readonly TestServer _server = shared.Server;

    [Theory]
    [InlineData("account/login", false)]
    [InlineData("api/v1/election", true)]
    [InlineData("_content/Sandik.Server/sandik.css", false)]
    public async Task pages_files_and_apis_carry_the_security_headers(string path, bool signedIn)
    {
        using var anonymous = _server.Anonymous();
        using var response = await (signedIn ? _server.Http : anonymous).GetAsync(path, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        csp.ShouldContain("frame-ancestors 'none'");
        csp.ShouldContain("script-src 'self';");
        csp.ShouldNotContain("unsafe-eval");
        response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
        response.Headers.GetValues("Referrer-Policy").Single().ShouldBe("same-origin");
        response.Headers.GetValues("X-Frame-Options").Single().ShouldBe("DENY");
    }

    [Fact]
    public async Task a_sign_in_form_posted_without_its_token_is_refused()
    {
        var (name, password) = await _server.CreateUserAsync(Roles.Viewer);
        using var browser = _server.Anonymous();

        using var response = await browser.PostAsync("account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = name, ["Password"] = password,
        }), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Headers.Contains("Set-Cookie").ShouldBeFalse();
    }

    [Fact]
    public async Task the_session_cookie_is_out_of_reach_of_scripts_and_other_sites()
    {
        var (name, password) = await _server.CreateUserAsync(Roles.Viewer);
        using var browser = _server.Anonymous();
        var page = await browser.GetStringAsync("account/login", Ct);
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"(__RequestVerificationToken)\" value=\"([^\"]+)\"");

        using var response = await browser.PostAsync("account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = name, ["Password"] = password, [token.Groups[1].Value] = WebUtility.HtmlDecode(token.Groups[2].Value),
        }), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var session = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("sandik.session=", StringComparison.Ordinal)).ToLowerInvariant();
        session.ShouldContain("httponly");
        session.ShouldContain("samesite=lax");
    }

    [Fact]
    public async Task a_reporter_is_shown_whole_only_to_roles_that_call_volunteers_back()
    {
        var box = MatrixServer.Boxes[1];
        const string phone = "+90 532 555 12 34";
        (await Json.PostAsync(_server.Http, "api/v1/submissions", await _server.KeyFor("observer-app"), CountSheets.Json(CountSheets.For(box, reporter: phone)))).Status.ShouldBe(200);
        var path = $"api/v1/boxes/explain?code={Uri.EscapeDataString(box)}";

        foreach (var (role, scope, expected) in new[]
        {
            (Roles.CallCentre, "34", phone), (Roles.ProvinceCoordinator, "34", phone), (Roles.Viewer, "", "••••34"), (Roles.HqAnalyst, "", "••••34"),
        })
        {
            var who = await _server.SignInAsync(role, scope);
            var explain = await Json.GetAsync(who.Client, path);
            explain.GetProperty("entries").EnumerateArray().Single(e => e.GetProperty("source").GetString() == "observer-app")
                .GetProperty("reporter").GetString().ShouldBe(expected, role);
        }
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
}
