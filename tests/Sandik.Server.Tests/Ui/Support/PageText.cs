using Microsoft.Playwright;

namespace Sandik.Server.Tests.Ui.Support;

/// <summary>Reads what a screen shows, as text, the way a person reads it.</summary>
public static class PageText
{
    public static async Task<string> TextAsync(this IPage page, string selector) =>
        (await page.Locator(selector).First.InnerTextAsync()).Trim();

    /// <summary>Waits until an element shows the expected text (the screen updates itself by push).</summary>
    public static Task ShowsAsync(this IPage page, string selector, string expected, float timeoutMs = 10_000) =>
        Assertions.Expect(page.Locator(selector).First).ToHaveTextAsync(expected, new LocatorAssertionsToHaveTextOptions { Timeout = timeoutMs });

    /// <summary>Marks the document so a later check can tell that the page was never reloaded.</summary>
    public static Task MarkAsync(this IPage page) => page.EvaluateAsync("() => { window.__sandikMark = 'still-here'; }");

    public static async Task<bool> StillMarkedAsync(this IPage page) =>
        await page.EvaluateAsync<string?>("() => window.__sandikMark ?? null") == "still-here";
}
