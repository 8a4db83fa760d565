using System.Net;
using System.Text;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Sandik.Server.Identity;
using Sandik.Server.Live;
using Sandik.Server.Tests.Security.Support;
using Sandik.Server.Tests.Support;
using Shouldly;
using Xunit;

namespace Sandik.Server.Tests.Security;

/// <summary>
/// The access matrix: every endpoint the server maps (read from its endpoint data source, so a new one cannot be
/// missed), every method, every role and scope, inside and outside the scope, against what <see cref="AccessSpec"/> says.
/// </summary>
public sealed class when_every_endpoint_is_called_by_every_role(MatrixServer matrix, ITestOutputHelper output) : IClassFixture<MatrixServer>
{
    private IReadOnlyList<(string Pattern, string Method)> Endpoints() =>
        [.. matrix.Server.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (Pattern: e.RoutePattern.RawText!, Method: m)))
            .Where(e => e.Method != "OPTIONS")
            .Distinct().OrderBy(e => e.Pattern, StringComparer.Ordinal).ThenBy(e => e.Method, StringComparer.Ordinal)];

    [Fact]
    public void every_endpoint_and_hub_method_has_a_rule_and_a_stated_expectation()
    {
        var endpoints = Endpoints();
        endpoints.Count.ShouldBeGreaterThan(30);
        endpoints.Where(e => AccessRules.For(e.Pattern) is null).Select(e => e.Pattern).ShouldBeEmpty("endpoints without an access rule");
        endpoints.Where(e => !AccessSpec.ByPattern.ContainsKey(Normalised(e.Pattern))).Select(e => e.Pattern).ShouldBeEmpty("endpoints the test does not know");
        var hubMethods = typeof(LiveHub).GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.DeclaredOnly)
            .Select(m => m.Name).ToList();
        hubMethods.ShouldNotBeEmpty();
        hubMethods.Where(m => !AccessRules.HubMethods.ContainsKey(m) || !AccessSpec.HubMethods.ContainsKey(m)).ShouldBeEmpty("hub methods without a rule");
    }

    [Fact]
    public async Task each_role_reaches_exactly_what_its_role_and_area_allow()
    {
        var endpoints = Endpoints();
        var wrong = new List<string>();
        var requests = 0;
        foreach (var (pattern, method) in endpoints)
        {
            var spec = AccessSpec.ByPattern[Normalised(pattern)];
            foreach (var place in Places(spec))
            {
                foreach (var who in matrix.People)
                {
                    using var response = await SendAsync(who, pattern, method, spec, place);
                    requests++;
                    var status = (int)response.StatusCode;
                    // An open form may send the browser to the sign-in page itself; for the others that redirect is a refusal.
                    var refused = status == 403 || status == 401 || (spec.Roles is not null && IsSignInRedirect(response));
                    var expected = spec.Allows(who, place);
                    if (status >= 500 || refused == expected || (refused && !who.Anonymous && status != 403) || (refused && who.Anonymous && status == 403))
                        wrong.Add($"{who,-32} {method,-6} {pattern} [{place ?? "-"}]: {status}{(expected ? " (should be allowed)" : " (should be refused)")}");
                    else if (!refused && method == "GET" && place is not null && IsScreen(pattern) && !await ShowsAsync(response, place))
                        wrong.Add($"{who,-32} {method,-6} {pattern} [{place}]: the screen shows something other than the place the rule checked");
                }
            }
        }
        var line = $"access matrix: {endpoints.Count} endpoint methods ({endpoints.Select(e => e.Pattern).Distinct().Count()} routes) × " +
            $"{matrix.People.Count} identities ({Roles.All.Count} roles, anonymous, scopes national/province/district) = {requests} requests, {wrong.Count} wrong";
        Figures.Record(output, line);
        wrong.ShouldBeEmpty();
    }

    [Fact]
    public async Task hub_methods_answer_signed_in_users_and_anonymous_callers_cannot_connect()
    {
        var calls = 0;
        foreach (var who in matrix.People)
        {
            await using var hub = new HubConnectionBuilder()
                .WithUrl(matrix.Server.Url + LiveHub.Path, o => o.Cookies = who.Cookies)
                .Build();
            if (who.Anonymous)
            {
                var refused = await Should.ThrowAsync<HttpRequestException>(() => hub.StartAsync(TestContext.Current.CancellationToken));
                refused.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
                continue;
            }
            await hub.StartAsync(TestContext.Current.CancellationToken);
            foreach (var (method, spec) in AccessSpec.HubMethods)
            {
                calls++;
                if (spec.Allows(who, null)) (await hub.InvokeAsync<LiveUpdate>(method, TestContext.Current.CancellationToken)).ShouldNotBeNull();
                else await Should.ThrowAsync<HubException>(() => hub.InvokeAsync<LiveUpdate>(method, TestContext.Current.CancellationToken));
            }
        }
        Figures.Record(output, $"access matrix: live hub, {AccessSpec.HubMethods.Count} method(s) × {matrix.People.Count} identities ({calls} calls, anonymous refused at connection)");
    }

    [Fact]
    public async Task a_source_api_key_reads_nothing()
    {
        var reads = Endpoints().Where(e => e.Method == "GET" && AccessSpec.ByPattern[Normalised(e.Pattern)].Roles is not null).ToList();
        using var http = matrix.Server.Anonymous();
        foreach (var (pattern, _) in reads)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, Path(pattern, AccessSpec.ByPattern[Normalised(pattern)], null));
            request.Headers.Add("X-Api-Key", matrix.Key);
            using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
            (response.StatusCode == HttpStatusCode.Unauthorized || IsSignInRedirect(response)).ShouldBeTrue($"{pattern} answered {(int)response.StatusCode} to an API key");
        }
    }

    private static IReadOnlyList<string?> Places(AccessSpec spec) => spec.Where switch
    {
        Where.AreaParameter => [null, .. MatrixServer.Areas],
        Where.BoxParameter => [.. MatrixServer.Boxes],
        _ => [(string?)null],
    };

    private Task<HttpResponseMessage> SendAsync(Person who, string pattern, string method, AccessSpec spec, string? place)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), Path(pattern, spec, place));
        if (method != "GET")
        {
            request.Content = pattern.StartsWith("/account/", StringComparison.Ordinal)
                ? new FormUrlEncodedContent([])
                : new StringContent(pattern.EndsWith("/batch", StringComparison.Ordinal) ? "[]" : "{}", Encoding.UTF8, "application/json");
        }
        if (pattern.StartsWith("/api/v1/submissions", StringComparison.Ordinal)) request.Headers.Add("X-Api-Key", matrix.Key);
        return who.Client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>A concrete path for a pattern, naming the place in the parameter the rule reads.</summary>
    private static string Path(string pattern, AccessSpec spec, string? place)
    {
        var path = pattern.Replace("{documentName}", "v1").Replace("{name}", "nobody").Replace("{id}", "nokey");
        if (spec.Parameter == "{*Code}") return (place is null ? path.Replace("/{*Code}", "") : path.Replace("{*Code}", place)).TrimStart('/');
        if (place is not null && spec.Parameter is not null) path += $"?{spec.Parameter}={Uri.EscapeDataString(place)}";
        return path.TrimStart('/');
    }

    /// <summary>
    /// Whether a screen shows the place its rule checked: a rule reading one parameter while the screen reads another
    /// would pass every status check and still show another province.
    /// </summary>
    private static async Task<bool> ShowsAsync(HttpResponseMessage response, string place)
    {
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var geography = TestServer.Official.Geography;
        var shown = geography.TryGetArea(place, out var area) ? area.Name : place;
        return html.Contains(shown, StringComparison.Ordinal);
    }

    private static bool IsScreen(string pattern) =>
        !pattern.StartsWith("/api/", StringComparison.Ordinal) && !pattern.StartsWith("/_", StringComparison.Ordinal)
        && !pattern.StartsWith("/hubs/", StringComparison.Ordinal) && !pattern.StartsWith("/openapi/", StringComparison.Ordinal);

    private static bool IsSignInRedirect(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains(AccountEndpoints.LoginPath, StringComparison.Ordinal) == true;

    private static string Normalised(string pattern) => pattern.Length > 1 ? "/" + pattern.Trim('/') : "/";
}
