using System.Net;
using System.Text.RegularExpressions;
using Sandik.Cli.Admin;
using Sandik.Cli.CommandLine;
using Sandik.Cli.Loading;
using Sandik.Server.Tests.Security.Support;
using Sandik.Server.Tests.Support;
using Shouldly;
using Xunit;

namespace Sandik.Server.Tests.Security;

/// <summary>
/// The first administrator, made with <c>sandik admin create</c>, signs in through the real forms over HTTP: the
/// password alone never gives a session; enrolling an authenticator does, and later sign-ins ask for its code.
/// </summary>
public sealed partial class when_an_administrator_signs_in(SecurityServer shared) : IClassFixture<SecurityServer>
{
    private readonly TestServer _server = shared.Server;

    [Fact]
    public async Task the_password_alone_opens_no_session()
    {
        var (name, password) = await CreateWithTheCommandLineAsync();
        using var browser = _server.Anonymous();

        var landing = await SignInForms.PostFormAsync(browser, "account/login", new() { ["UserName"] = name, ["Password"] = password });

        landing.ShouldStartWith("/account/enrol");
        (await browser.GetAsync("api/v1/election", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await browser.GetAsync("api/v1/admin/users", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var page = await browser.GetAsync("", Ct);
        page.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page.Headers.Location!.OriginalString.ShouldContain("/account/login");
    }

    [Fact]
    public async Task a_stranger_asking_for_an_unknown_screen_is_sent_to_sign_in_as_for_a_known_one()
    {
        using var browser = _server.Anonymous();
        browser.DefaultRequestHeaders.Accept.ParseAdd("text/html,application/xhtml+xml,*/*;q=0.8");

        using var known = await browser.GetAsync("map", Ct);
        using var unknown = await browser.GetAsync("no-such-page", Ct);
        using var api = await browser.GetAsync("api/v1/no-such", Ct);

        known.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        known.Headers.Location!.OriginalString.ShouldEndWith("/account/login?ReturnUrl=%2Fmap");
        unknown.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        unknown.Headers.Location!.OriginalString.ShouldEndWith("/account/login?ReturnUrl=%2Fno-such-page");
        api.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        api.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task a_wrong_code_opens_no_session_and_the_code_of_the_enrolled_key_does()
    {
        var (name, password) = await CreateWithTheCommandLineAsync();

        var wrong = await SignInForms.SignInAsync(_server.Url, name, password, code: key => Wrong(Totp.Code(key)));
        wrong.Landing.ShouldStartWith("form:");
        wrong.Landing.ShouldContain("account-error");
        (await wrong.Client.GetAsync("api/v1/admin/users", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var right = await SignInForms.SignInAsync(_server.Url, name, password);
        right.Landing.ShouldBe("/");
        right.Key.ShouldBe(wrong.Key, "the key shown is kept until it is confirmed");
        (await right.Client.GetAsync("api/v1/admin/users", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var trail = await Json.GetAsync(right.Client, "api/v1/admin/audit");
        var mine = trail.EnumerateArray().Where(e => e.GetProperty("target").GetString() == name).ToList();
        mine.Select(e => e.GetProperty("action").GetString()).ShouldBe(["user.two-factor-enrolled", "user.create"]);
        mine[1].GetProperty("actorName").GetString()!.ShouldStartWith("command line");
    }

    [Fact]
    public async Task the_next_sign_in_asks_for_the_code_again()
    {
        var (name, password) = await CreateWithTheCommandLineAsync();
        var enrolled = await SignInForms.SignInAsync(_server.Url, name, password);

        using var browser = _server.Anonymous();
        var landing = await SignInForms.PostFormAsync(browser, "account/login", new() { ["UserName"] = name, ["Password"] = password });
        landing.ShouldStartWith("/account/two-factor");
        (await browser.GetAsync("api/v1/election", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var again = await SignInForms.SignInAsync(_server.Url, name, password, enrolled.Key);
        again.Landing.ShouldBe("/");
        (await again.Client.GetAsync("api/v1/admin/users", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task five_wrong_passwords_lock_the_account()
    {
        var (name, password) = await CreateWithTheCommandLineAsync();
        using var browser = _server.Anonymous();
        for (var i = 0; i < 5; i++)
            (await SignInForms.PostFormAsync(browser, "account/login", new() { ["UserName"] = name, ["Password"] = password + "x" })).ShouldStartWith("form:");

        var locked = await SignInForms.PostFormAsync(browser, "account/login", new() { ["UserName"] = name, ["Password"] = password });

        locked.ShouldContain("15");
        (await browser.GetAsync("api/v1/election", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task the_command_line_refuses_a_short_password_and_has_no_default()
    {
        var (code, messages) = await AdminAsync(["create", "--user", "short", "--store", _server.Store], "too-short\n");
        code.ShouldBe(1);
        messages.ShouldContain("12");
        (await AdminAsync(["create", "--user", "nothing", "--store", _server.Store], "")).Code.ShouldBe(2);
    }

    [Fact]
    public async Task the_demo_prints_credentials_that_sign_in()
    {
        var messages = new StringWriter();
        await DemoAccounts.CreateAsync(_server.App.Services, new CliContext { Out = messages, Messages = Consoles.For(messages) }, _server.Url, Ct);
        var printed = Printed().Matches(messages.ToString()).Select(m => m.Groups[1].Value).ToList();

        printed.Count.ShouldBe(5, messages.ToString());
        var (viewer, viewerPassword, admin, adminPassword, key) = (printed[0], printed[1], printed[2], printed[3], printed[4]);
        viewer.ShouldStartWith("demo-viewer-");
        (await SignInForms.SignInAsync(_server.Url, viewer, viewerPassword)).Landing.ShouldBe("/");
        var signedIn = await SignInForms.SignInAsync(_server.Url, admin, adminPassword, key);
        signedIn.Landing.ShouldBe("/");
        (await signedIn.Client.GetAsync("api/v1/admin/users", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private async Task<(string Name, string Password)> CreateWithTheCommandLineAsync()
    {
        var name = "admin-" + Guid.NewGuid().ToString("N")[..8];
        var password = "a long passphrase " + Guid.NewGuid().ToString("N")[..6];
        var (code, messages) = await AdminAsync(["create", "--user", name, "--store", _server.Store], password + "\n");
        code.ShouldBe(0, messages);
        return (name, password);
    }

    private static async Task<(int Code, string Messages)> AdminAsync(string[] args, string input)
    {
        var messages = new StringWriter();
        var context = new CliContext { Out = new StringWriter(), Messages = Consoles.For(messages) };
        try
        {
            return (await AdminCommand.RunAsync(context, args, new StringReader(input), Ct), messages.ToString());
        }
        catch (UsageException e)
        {
            return (2, e.Message);
        }
    }

    private static string Wrong(string code) => ((int.Parse(code, System.Globalization.CultureInfo.InvariantCulture) + 500_000) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [GeneratedRegex(@"^  (?:to watch|password|to administer|TOTP key) +(\S+)$", RegexOptions.Multiline)]
    private static partial Regex Printed();
}
