using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Sandik.Cli.Admin;
using Sandik.Cli.CommandLine;
using Sandik.Cli.Loading;
using Sandik.Server.Identity;
using Sandik.Server.Live;
using Sandik.Server.Tests.Security.Support;
using Sandik.Server.Tests.Support;
using Shouldly;
using Xunit;

namespace Sandik.Server.Tests.Security;

/// <summary>Disabling a user ends, at their very next request, their sessions, their live connections and the API keys they issued.</summary>
public sealed class when_a_user_is_disabled(SecurityServer shared) : IClassFixture<SecurityServer>
{
    private readonly TestServer _server = shared.Server;

    [Fact]
    public async Task their_session_live_connection_and_keys_stop_working_at_once()
    {
        var issuer = await _server.SignInAsync(Roles.Administrator);
        var issued = await issuer.Client.PostAsJsonAsync("api/v1/admin/keys", new { source = "sms", label = "volunteers of Kadıköy" }, Ct);
        issued.StatusCode.ShouldBe(HttpStatusCode.OK);
        var key = (await issued.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(Ct)).GetProperty("presented").GetString()!;
        var box = MatrixServer.Boxes[0];
        (await Json.PostAsync(_server.Http, "api/v1/submissions", key, CountSheets.Json(CountSheets.For(box)))).Status.ShouldBe(200);
        await using var hub = new HubConnectionBuilder().WithUrl(_server.Url + LiveHub.Path, o => o.Cookies = issuer.Cookies).Build();
        await hub.StartAsync(Ct);
        (await hub.InvokeAsync<LiveUpdate>(nameof(LiveHub.Current), Ct)).ShouldNotBeNull();
        (await issuer.Client.GetAsync("api/v1/admin/users", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var disabled = await _server.Http.PostAsJsonAsync($"api/v1/admin/users/{issuer.User}/disable", new { text = "left the team" }, Ct);

        disabled.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await issuer.Client.GetAsync("api/v1/admin/users", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await Json.PostAsync(_server.Http, "api/v1/submissions", key, CountSheets.Json(CountSheets.For(box, moved: 1)))).Status.ShouldBe(401);
        await Should.ThrowAsync<Exception>(() => hub.InvokeAsync<LiveUpdate>(nameof(LiveHub.Current), Ct));
        var trail = (await Json.GetAsync(_server.Http, "api/v1/admin/audit")).EnumerateArray().ToList();
        trail.ShouldContain(e => e.GetProperty("action").GetString() == "user.disable" && e.GetProperty("target").GetString() == issuer.User
            && e.GetProperty("reason").GetString() == "left the team");
        trail.ShouldContain(e => e.GetProperty("action").GetString() == "key.revoke" && e.GetProperty("reason").GetString()!.Contains(issuer.User));
    }

    [Fact]
    public async Task they_cannot_sign_in_again()
    {
        var (name, password) = await _server.CreateUserAsync(Roles.Viewer);
        (await SignInForms.SignInAsync(_server.Url, name, password)).Landing.ShouldBe("/");

        (await _server.Http.PostAsJsonAsync($"api/v1/admin/users/{name}/disable", new { text = "test" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var again = await SignInForms.SignInAsync(_server.Url, name, password);
        again.Landing.ShouldStartWith("form:");
        (await again.Client.GetAsync("api/v1/election", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task a_user_disabled_from_the_command_line_loses_the_session_at_the_next_request()
    {
        var coordinator = await _server.SignInAsync(Roles.ProvinceCoordinator, "34");
        (await coordinator.Client.GetAsync("api/v1/results?area=34", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var context = new CliContext { Out = new StringWriter(), Messages = Consoles.For(new StringWriter()) };
        (await AdminCommand.RunAsync(context, ["disable", "--user", coordinator.User, "--store", _server.Store], null, Ct)).ShouldBe(0);

        (await coordinator.Client.GetAsync("api/v1/results?area=34", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task the_last_administrator_cannot_be_disabled()
    {
        var users = await Json.GetAsync(_server.Http, "api/v1/admin/users");
        var admins = users.EnumerateArray().Where(u => u.GetProperty("role").GetString() == Roles.Administrator && !u.GetProperty("disabled").GetBoolean()).ToList();
        admins.Count.ShouldBe(1);

        var refused = await _server.Http.PostAsJsonAsync($"api/v1/admin/users/{_server.Administrator.User}/disable", new { text = "oops" }, Ct);

        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await _server.Http.GetAsync("api/v1/admin/users", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
}
