using System.Net.Http.Json;
using Microsoft.Playwright;
using Sandik.Server.Identity;
using Sandik.Server.Tests.Security.Support;
using Sandik.Server.Tests.Support;
using Sandik.Server.Tests.Ui.Support;
using Shouldly;
using Xunit;

namespace Sandik.Server.Tests.Security;

/// <summary>
/// A province coordinator in a real browser: sent to the sign-in form, enrols an authenticator, lands on their own
/// province, is kept out of national screens while navigating inside the live screen and when opening one by its
/// address (a 403 page, not JSON), and is thrown out of that open
/// screen when an administrator disables them.
/// </summary>
public sealed class when_a_coordinator_signs_in_with_a_browser : IAsyncLifetime
{
    private TestServer _server = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async ValueTask InitializeAsync()
    {
        (_playwright, _browser) = await OperationsCentre.LaunchChromiumAsync();
        _server = await TestServer.StartAsync(withOfficialCounts: false);
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task they_see_their_province_only_and_lose_the_open_screen_when_disabled()
    {
        var (name, password) = await _server.CreateUserAsync(Roles.ProvinceCoordinator, "34");
        var page = await (await _browser.NewContextAsync(new BrowserNewContextOptions { Locale = "tr-TR" })).NewPageAsync();
        page.SetDefaultTimeout(15_000);

        await page.GotoAsync(_server.Url + "/");
        page.Url.ShouldContain("/account/login");
        await page.FillAsync("input[name=UserName]", name);
        await page.FillAsync("input[name=Password]", password);
        await page.ClickAsync("#sign-in button[type=submit]");
        page.Url.ShouldContain("/account/enrol");
        var key = (await page.TextContentAsync("#authenticator-key"))!.Replace(" ", "");
        await page.FillAsync("input[name=Code]", Totp.Code(key));
        await page.ClickAsync("#enrol button[type=submit]");

        page.Url.ShouldEndWith("/areas/34");
        await page.Locator(".frame[data-interactive=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("İstanbul");

        await page.ClickAsync("nav.menu a[href^='sources']");
        await Assertions.Expect(page.Locator("#forbidden")).ToBeVisibleAsync();
        await page.GoBackAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("İstanbul");
        // Opened by its address, a national screen answers 403 with the same page (not the API's JSON), before and
        // after the live circuit takes it over.
        var direct = await page.GotoAsync(_server.Url + "/sources");
        direct!.Status.ShouldBe(403);
        (await direct.HeaderValueAsync("content-type"))!.ShouldStartWith("text/html");
        await Assertions.Expect(page.Locator("#forbidden")).ToHaveTextAsync("Bu sayfa size kapalı");
        await page.Locator(".frame[data-interactive=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await Assertions.Expect(page.Locator("#forbidden")).ToBeVisibleAsync();
        await page.GotoAsync(_server.Url + "/areas/34");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("İstanbul");
        // The live circuit of this screen is what the disabling below must end.
        await page.Locator(".frame[data-interactive=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached });

        (await _server.Http.PostAsJsonAsync($"api/v1/admin/users/{name}/disable", new { text = "browser test" }, TestContext.Current.CancellationToken))
            .EnsureSuccessStatusCode();

        // Generous: the circuit notices within a second, but a loaded 2-core machine can delay the browser much longer.
        await page.WaitForURLAsync("**/account/login**", new() { Timeout = 45_000 });
    }
}
