using System.Net;
using System.Text.RegularExpressions;

namespace Sandik.Server.Tests.Security.Support;

/// <summary>
/// Signs in the way a browser does: fetches the form, posts it with its antiforgery token, follows the server to the
/// second factor (enrolling an authenticator when asked, with the key the page shows) and keeps the cookies.
/// </summary>
public static partial class SignInForms
{
    /// <summary>Where the sign-in ended, the client holding the cookies, and the authenticator key if one was enrolled.</summary>
    public sealed record Outcome(HttpClient Client, CookieContainer Cookies, string Landing, string? Key, string User);

    /// <param name="key">The authenticator key of a user who has already enrolled.</param>
    /// <param name="code">Makes the code to type from the key (a wrong one in tests of refusals).</param>
    public static async Task<Outcome> SignInAsync(string baseUrl, string user, string password, string? key = null, Func<string, string>? code = null)
    {
        var cookies = new CookieContainer();
        var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(baseUrl.TrimEnd('/') + "/") };
        code ??= k => Totp.Code(k);
        var landing = await PostFormAsync(client, "account/login", new() { ["UserName"] = user, ["Password"] = password });
        if (landing.StartsWith("/account/enrol", StringComparison.Ordinal))
        {
            var page = await client.GetStringAsync(landing.TrimStart('/'));
            key = WebUtility.HtmlDecode(KeyOnPage().Match(page).Groups[1].Value).Replace(" ", "");
            landing = await PostFormAsync(client, landing.TrimStart('/'), new() { ["Code"] = code(key) }, page);
        }
        else if (landing.StartsWith("/account/two-factor", StringComparison.Ordinal))
        {
            landing = await PostFormAsync(client, landing.TrimStart('/'), new() { ["Code"] = code(key ?? throw new InvalidOperationException($"{user} needs an authenticator key.")) });
        }
        return new Outcome(client, cookies, landing, key, user);
    }

    /// <summary>Posts a form as its page would and returns where the server sends the browser next (the page itself when it answers with one).</summary>
    public static async Task<string> PostFormAsync(HttpClient client, string path, Dictionary<string, string> fields, string? page = null)
    {
        page ??= await client.GetStringAsync(path);
        var token = Token().Match(page);
        fields[token.Groups[1].Value] = WebUtility.HtmlDecode(token.Groups[2].Value);
        using var response = await client.PostAsync(path, new FormUrlEncodedContent(fields));
        if (response.StatusCode == HttpStatusCode.Redirect) return response.Headers.Location!.OriginalString;
        return response.IsSuccessStatusCode ? "form:" + await response.Content.ReadAsStringAsync() : $"status:{(int)response.StatusCode}";
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("""id="authenticator-key">([^<]+)<""")]
    private static partial Regex KeyOnPage();
}
