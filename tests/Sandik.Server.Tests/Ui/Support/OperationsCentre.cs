using System.Diagnostics;
using Microsoft.Playwright;
using Sandik.Server.Tests.Support;
using Xunit;

namespace Sandik.Server.Tests.Ui.Support;

/// <summary>
/// A real server over the whole November 2015 election and one headless Chromium (Debian's, at /usr/bin/chromium),
/// shared by the tests of one class. Pages open in fresh browser contexts, so cookies do not leak between tests.
/// </summary>
public class OperationsCentre : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public TestServer Server { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Uncaught script errors of every page opened so far, as "path: message".</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> ScriptErrors { get; } = new();

    /// <summary>Where screenshots go: <c>TestResults/screenshots</c> in the tests' output folder.</summary>
    public static string Screenshots { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    public async ValueTask InitializeAsync()
    {
        RequireChromium(); // before the server starts, so that a missing browser leaves nothing running
        var server = StartServerAsync();
        (_playwright, Browser) = await LaunchChromiumAsync();
        Server = await server;
    }

    /// <summary>Debian's Chromium, headless, as every browser test runs it; dispose of both when done.</summary>
    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchChromiumAsync()
    {
        RequireChromium();
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        return (playwright, browser);
    }

    private static void RequireChromium()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"The browser tests need Chromium at {ChromiumPath}: run scripts/chromium.sh.");
    }

    /// <summary>The server the browser looks at: the whole November 2015 election, every box counted.</summary>
    protected virtual Task<TestServer> StartServerAsync() => TestServer.StartAsync();

    /// <summary>Opens a page and waits until its live circuit is connected (the screen is interactive).</summary>
    /// <returns>The page and how long it took to show its first render and to become interactive.</returns>
    public async Task<(IPage Page, RenderTime Time)> OpenAsync(string path, int width = 1366, int height = 900, string? language = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "tr-TR",
            TimezoneId = "Europe/Istanbul",
        });
        // Signed in as the test server's administrator (the session cookie its sign-in through the forms received).
        await context.AddCookiesAsync([.. Server.Administrator.Cookies.GetAllCookies().Select(c => new Cookie { Name = c.Name, Value = c.Value, Url = Server.Url })]);
        if (language is not null)
            await context.AddCookiesAsync([new Cookie { Name = "sandik-lang", Value = language, Url = Server.Url }]);
        var page = await context.NewPageAsync();
        page.PageError += (_, message) => ScriptErrors.Enqueue($"{path}: {message}");
        page.SetDefaultTimeout(30_000);
        page.SetDefaultNavigationTimeout(45_000);
        var clock = Stopwatch.StartNew();
        await page.GotoAsync(Server.Url + "/" + path.TrimStart('/'), new PageGotoOptions { WaitUntil = WaitUntilState.DOMContentLoaded });
        var shown = clock.Elapsed;
        await WaitInteractiveAsync(page);
        return (page, new RenderTime(path, shown, clock.Elapsed));
    }

    public static Task WaitInteractiveAsync(IPage page) =>
        page.Locator(".frame[data-interactive=true]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });

    /// <summary>Saves a full-page screenshot and says where.</summary>
    public static async Task<string> ShootAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Screenshots);
        var path = Path.Combine(Screenshots, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        TestContext.Current.TestOutputHelper?.WriteLine($"screenshot: {path}");
        Console.WriteLine($"screenshot: {path}");
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (Server is not null) await Server.DisposeAsync();
    }
}

/// <summary>How long a page took: to its first (server-rendered) paint of content, and to an interactive screen.</summary>
public sealed record RenderTime(string Path, TimeSpan Shown, TimeSpan Interactive)
{
    public override string ToString() => $"{Path,-40} first render {Shown.TotalMilliseconds,6:F0} ms   interactive {Interactive.TotalMilliseconds,6:F0} ms";
}
