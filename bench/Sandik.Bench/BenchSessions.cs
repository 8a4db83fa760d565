using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Sandik.Cli.Admin;
using Sandik.Server.Audit;
using Sandik.Server.Identity;

namespace Sandik.Bench;

/// <summary>
/// A session for the benchmark's reads of a server under test (ingest metrics, results): an HQ analyst, who may read
/// operations nationally without a second factor, created in the server's store and signed in through the form.
/// </summary>
public static partial class BenchSessions
{
    public static async Task<HttpClient> AnalystAsync(string store, string url)
    {
        var name = "bench-" + Guid.NewGuid().ToString("N")[..8];
        var password = UserAdministration.NewPassword();
        await using (var services = await AdminServices.OpenAsync(store, CancellationToken.None))
        await using (var scope = services.CreateAsyncScope())
        {
            var created = await scope.ServiceProvider.GetRequiredService<UserAdministration>()
                .CreateAsync(Actor.CommandLine, name, Roles.HqAnalyst, null, password, null);
            if (!created.Succeeded) throw new InvalidOperationException(string.Join(" ", created.Errors));
        }
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = new Uri(url.TrimEnd('/') + "/"),
        };
        var path = AccountEndpoints.LoginPath.TrimStart('/');
        var token = Token().Match(await client.GetStringAsync(path));
        var fields = new Dictionary<string, string>
        {
            ["UserName"] = name,
            ["Password"] = password,
            [token.Groups[1].Value] = WebUtility.HtmlDecode(token.Groups[2].Value),
        };
        using var response = await client.PostAsync(path, new FormUrlEncodedContent(fields));
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.OriginalString != "/")
            throw new InvalidOperationException($"The benchmark's analyst could not sign in ({(int)response.StatusCode} {response.Headers.Location}).");
        return client;
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
