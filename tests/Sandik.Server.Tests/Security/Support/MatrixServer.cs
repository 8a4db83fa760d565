using System.Net;
using Sandik.Server.Identity;
using Sandik.Server.Tests.Support;
using Xunit;

namespace Sandik.Server.Tests.Security.Support;

/// <summary>
/// A server (the November 2015 registry, no counts) with one signed-in person for each role and a few scopes, and
/// places inside and outside those scopes: shared by the access-matrix tests.
/// </summary>
public sealed class MatrixServer : IAsyncLifetime
{
    public TestServer Server { get; private set; } = null!;
    public IReadOnlyList<Person> People { get; private set; } = [];
    public string Key { get; private set; } = "";

    /// <summary>Areas: in a district of province 34, in another district of it, in another province.</summary>
    public static IReadOnlyList<string> Areas { get; } = ["34/Kadıköy", "34/Beykoz", "6"];

    /// <summary>One box in each of <see cref="Areas"/>.</summary>
    public static IReadOnlyList<string> Boxes { get; } =
        [.. Areas.Select(a => TestServer.Official.Geography.Boxes.First(b => b.Code.StartsWith(a + "/", StringComparison.Ordinal)).Code)];

    public async ValueTask InitializeAsync()
    {
        Server = await TestServer.StartAsync(withOfficialCounts: false, arguments: ["--Sandik:Access:SignInAttemptsPerMinute=1000"]);
        Key = await Server.KeyFor("sms");
        var people = new (string Role, string Scope)[]
        {
            (Roles.HqAnalyst, ""), (Roles.ProvinceCoordinator, "34"), (Roles.DistrictCoordinator, "34/Kadıköy"), (Roles.CallCentre, "34"),
            (Roles.DataEntry, "34/Kadıköy"), (Roles.Viewer, ""), (Roles.Viewer, "6"),
        };
        var identities = new List<Person>
        {
            new("anonymous", null, "", Server.Anonymous(), new CookieContainer()),
            new("administrator", Roles.Administrator, "", Server.Http, Server.Administrator.Cookies),
        };
        foreach (var (role, scope) in people)
        {
            var signedIn = await Server.SignInAsync(role, scope);
            identities.Add(new Person(scope.Length == 0 ? role : $"{role}@{scope}", role, scope, signedIn.Client, signedIn.Cookies));
        }
        People = identities;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var identity in People.Where(i => i.Client != Server.Http)) identity.Client.Dispose();
        if (Server is not null) await Server.DisposeAsync();
    }
}
