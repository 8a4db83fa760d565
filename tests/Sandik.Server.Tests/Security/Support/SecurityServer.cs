using Sandik.Server.Tests.Support;
using Xunit;

namespace Sandik.Server.Tests.Security.Support;

/// <summary>
/// A server over the November 2015 registry without counts, shared by the tests of one class (each makes its own
/// users, so they do not meet), with a sign-in rate limit high enough for many sign-ins from one address.
/// </summary>
public sealed class SecurityServer : IAsyncLifetime
{
    public TestServer Server { get; private set; } = null!;

    public async ValueTask InitializeAsync() =>
        Server = await TestServer.StartAsync(withOfficialCounts: false, arguments: ["--Sandik:Access:SignInAttemptsPerMinute=1000"]);

    public async ValueTask DisposeAsync()
    {
        if (Server is not null) await Server.DisposeAsync();
    }
}
