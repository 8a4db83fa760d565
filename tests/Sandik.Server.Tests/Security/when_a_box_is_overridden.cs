using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Sandik.Server.Identity;
using Sandik.Server.Tests.Security.Support;
using Sandik.Server.Tests.Support;
using Shouldly;
using Xunit;

namespace Sandik.Server.Tests.Security;

/// <summary>
/// A coordinator overrides a box of their province: headquarters' tally goes through the log as the top-ranked
/// <c>hq-override</c> source, becomes the counted one, and the trail says who, why, and what was counted before and after.
/// </summary>
public sealed class when_a_box_is_overridden(SecurityServer shared) : IClassFixture<SecurityServer>
{
    private readonly TestServer _server = shared.Server;

    [Fact]
    public async Task the_override_is_counted_and_audited_with_its_reason()
    {
        var box = MatrixServer.Boxes[0];
        (await Json.PostAsync(_server.Http, "api/v1/submissions", await _server.KeyFor("sms"), CountSheets.Json(CountSheets.For(box)))).Status.ShouldBe(200);
        var coordinator = await _server.SignInAsync(Roles.ProvinceCoordinator, "34");

        var overridden = await coordinator.Client.PostAsJsonAsync($"api/v1/boxes/override?code={Uri.EscapeDataString(box)}",
            Request(box, moved: 7, reason: "re-counted at the district office"), Ct);

        overridden.StatusCode.ShouldBe(HttpStatusCode.OK, await overridden.Content.ReadAsStringAsync(Ct));
        var explain = await Json.GetAsync(_server.Http, $"api/v1/boxes/explain?code={Uri.EscapeDataString(box)}");
        explain.GetProperty("countedSource").GetString().ShouldBe("hq-override");
        var counted = explain.GetProperty("entries").EnumerateArray().Single(e => e.GetProperty("counted").GetBoolean());
        counted.GetProperty("trustRank").GetInt32().ShouldBe(0);
        counted.GetProperty("reporter").GetString().ShouldBe(coordinator.User);

        var entry = (await Json.GetAsync(_server.Http, "api/v1/admin/audit")).EnumerateArray().First(e => e.GetProperty("action").GetString() == "box.override");
        entry.GetProperty("target").GetString().ShouldBe(box);
        entry.GetProperty("actorName").GetString().ShouldBe(coordinator.User);
        entry.GetProperty("reason").GetString().ShouldBe("re-counted at the district office");
        JsonDocument.Parse(entry.GetProperty("before").GetString()!).RootElement.GetProperty("source").GetString().ShouldBe("sms");
        JsonDocument.Parse(entry.GetProperty("after").GetString()!).RootElement.GetProperty("source").GetString().ShouldBe("hq-override");
    }

    [Fact]
    public async Task without_a_reason_nothing_changes()
    {
        var box = MatrixServer.Boxes[1];
        var coordinator = await _server.SignInAsync(Roles.DistrictCoordinator, "34/Beykoz");

        var refused = await coordinator.Client.PostAsJsonAsync($"api/v1/boxes/override?code={Uri.EscapeDataString(box)}", Request(box, 3, reason: " "), Ct);

        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var explain = await Json.GetAsync(_server.Http, $"api/v1/boxes/explain?code={Uri.EscapeDataString(box)}");
        explain.GetProperty("countedSource").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task no_one_overrides_outside_their_area_or_role_and_only_administrators_read_the_trail()
    {
        var coordinator = await _server.SignInAsync(Roles.ProvinceCoordinator, "34");
        var viewer = await _server.SignInAsync(Roles.Viewer);
        var elsewhere = MatrixServer.Boxes[2];

        (await coordinator.Client.PostAsJsonAsync($"api/v1/boxes/override?code={elsewhere}", Request(elsewhere, 1, "x"), Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await viewer.Client.PostAsJsonAsync($"api/v1/boxes/override?code={elsewhere}", Request(elsewhere, 1, "x"), Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await coordinator.Client.GetAsync("api/v1/admin/audit", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task no_key_is_issued_for_the_override_source()
    {
        var refused = await _server.Http.PostAsJsonAsync("api/v1/admin/keys", new { source = "hq-override" }, Ct);
        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
    }

    private static object Request(string box, int moved, string reason)
    {
        var sheet = CountSheets.For(box, moved);
        return new { registered = sheet["registered"], voted = sheet["voted"], valid = sheet["valid"], invalid = sheet["invalid"], votes = sheet["votes"], reason };
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
}
