using Sandik.Server.Tests.Security.Support;
using Sandik.Server.Tests.Support;
using Shouldly;
using Xunit;

namespace Sandik.Server.Tests.Security;

/// <summary>Sign-in posts are limited per client address, on top of each account's lockout.</summary>
public sealed class when_sign_in_is_hammered : IAsyncLifetime
{
    private TestServer _server = null!;

    public async ValueTask InitializeAsync() =>
        _server = await TestServer.StartAsync(withOfficialCounts: false, arguments: ["--Sandik:Access:SignInAttemptsPerMinute=8"]);

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task posts_beyond_the_limit_are_refused_with_429()
    {
        using var browser = _server.Anonymous();
        var answers = new List<string>();
        for (var i = 0; i < 12; i++)
            answers.Add(await SignInForms.PostFormAsync(browser, "account/login", new() { ["UserName"] = $"guess-{i}", ["Password"] = "not the password" }));

        answers.ShouldContain("status:429");
        answers.Take(5).ShouldAllBe(a => a.StartsWith("form:"));
    }
}
