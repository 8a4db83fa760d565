using System.Net;
using System.Net.Http.Json;
using Sandik.Server.Identity;
using Sandik.Server.Tests.Security.Support;
using Sandik.Server.Tests.Support;
using Shouldly;
using Xunit;

namespace Sandik.Server.Tests.Security;

/// <summary>
/// A call-centre operator scoped to Istanbul enters a sheet read over the phone: it is logged as the call centre's
/// source with the operator as its reporter and counted like any copy; a sheet that does not add up is refused naming
/// its field and logs nothing; a box outside the scope, and a role without the permission, are refused.
/// </summary>
public sealed class when_a_sheet_is_phoned_in(SecurityServer shared) : IClassFixture<SecurityServer>
{
    private readonly TestServer _server = shared.Server;

    [Fact]
    public async Task it_is_logged_as_the_call_centre_with_the_operator_as_reporter()
    {
        var operatorSession = await _server.SignInAsync(Roles.CallCentre, "34");
        var box = MatrixServer.Boxes[1];

        var answer = await operatorSession.Client.PostAsJsonAsync(Path(box), Sheet(box, note: "spoke to the chair of the box"), Ct);

        answer.StatusCode.ShouldBe(HttpStatusCode.OK, await answer.Content.ReadAsStringAsync(Ct));
        var explain = await Json.GetAsync(_server.Http, $"api/v1/boxes/explain?code={Uri.EscapeDataString(box)}");
        explain.GetProperty("countedSource").GetString().ShouldBe("call-centre");
        var entry = explain.GetProperty("entries").EnumerateArray().Single(e => e.GetProperty("source").GetString() == "call-centre");
        entry.GetProperty("reporter").GetString().ShouldBe(operatorSession.User);
        entry.GetProperty("evidence").GetString().ShouldBe("spoke to the chair of the box");
    }

    [Fact]
    public async Task a_sheet_that_does_not_add_up_is_refused_and_nothing_is_logged()
    {
        var operatorSession = await _server.SignInAsync(Roles.CallCentre, "34");
        var box = MatrixServer.Boxes[0];
        var before = await Json.GetAsync(_server.Http, $"api/v1/boxes/explain?code={Uri.EscapeDataString(box)}");
        var sheet = Sheet(box);
        sheet["valid"] = (int)sheet["valid"]! + 1;

        var answer = await operatorSession.Client.PostAsJsonAsync(Path(box), sheet, Ct);

        answer.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await answer.Content.ReadAsStringAsync(Ct)).ShouldContain("\"votes\"");
        var after = await Json.GetAsync(_server.Http, $"api/v1/boxes/explain?code={Uri.EscapeDataString(box)}");
        after.GetProperty("entries").GetArrayLength().ShouldBe(before.GetProperty("entries").GetArrayLength());
    }

    [Fact]
    public async Task a_box_outside_the_scope_and_a_role_without_the_permission_are_refused()
    {
        var operatorSession = await _server.SignInAsync(Roles.CallCentre, "34");
        var coordinator = await _server.SignInAsync(Roles.ProvinceCoordinator, "34");
        var ankara = MatrixServer.Boxes[2];
        var istanbul = MatrixServer.Boxes[1];

        (await operatorSession.Client.PostAsJsonAsync(Path(ankara), Sheet(ankara), Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await coordinator.Client.PostAsJsonAsync(Path(istanbul), Sheet(istanbul), Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    private static string Path(string box) => $"api/v1/calls/tally?code={Uri.EscapeDataString(box)}";

    private static Dictionary<string, object?> Sheet(string box, string? note = null)
    {
        var sheet = CountSheets.For(box);
        sheet.Remove("box");
        if (note is not null) sheet["reason"] = note;
        return sheet;
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
}
