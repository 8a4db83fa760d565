using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Sandik.Cli.Imports;
using Sandik.Cli.Loading;
using Sandik.Import;
using Sandik.Import.Turkey;
using Sandik.Server.Audit;
using Sandik.Server.Hosting;
using Sandik.Server.Identity;
using Sandik.Server.Ingest;
using Sandik.Server.Tests.Security.Support;
using Sandik.Storage;

namespace Sandik.Server.Tests.Support;

/// <summary>
/// A real Sandik server on a loopback port over a SQLite file holding the November 2015 election's registry, and,
/// unless asked otherwise, every box's official count from the authority feed. <see cref="Http"/> is signed in as an
/// administrator through the real sign-in forms, second factor included; <see cref="SignInAsync"/> signs in anyone else.
/// </summary>
public sealed class TestServer : IAsyncDisposable
{
    public const string ElectionId = "tr-2015-11-general";
    private static readonly Lazy<BoxResults> November = new(() =>
    {
        var turkey = TurkeyData.Shipped();
        return ResultFiles.Read(Path.Combine(turkey.DataDirectory, "results", ElectionId + ".csv.gz"), turkey.Election(ElectionId), turkey);
    });

    public const string PriorElectionId = "tr-2015-06-general";
    private static readonly Lazy<BoxResults> June = new(() =>
    {
        var turkey = TurkeyData.Shipped();
        return ResultFiles.Read(Path.Combine(turkey.DataDirectory, "results", PriorElectionId + ".csv.gz"), turkey.Election(PriorElectionId), turkey);
    });

    private readonly string _folder;

    private TestServer(string folder, WebApplication app, string store, SignInForms.Outcome administrator)
    {
        _folder = folder;
        App = app;
        Store = store;
        Url = app.Urls.First();
        Administrator = administrator;
        Http = administrator.Client;
    }

    public WebApplication App { get; }
    public string Store { get; }
    public string Url { get; }

    /// <summary>Signed in as an administrator (national, second factor done).</summary>
    public HttpClient Http { get; }

    public SignInForms.Outcome Administrator { get; }

    /// <summary>The official November 2015 file, read once per test run.</summary>
    public static BoxResults Official => November.Value;

    /// <summary>The official June 2015 file (the prior election), read once per test run.</summary>
    public static BoxResults Prior => June.Value;

    /// <param name="withOfficialCounts">Import every box's count as the authority feed before starting.</param>
    /// <param name="store">A store to use instead of a new SQLite file (e.g. PostgreSQL).</param>
    /// <param name="arguments">More command-line arguments for the server (configuration such as <c>--Sandik:Access:SignInAttemptsPerMinute=100</c>).</param>
    /// <param name="withPrior">Import the June 2015 election, counted, and serve it as the prior election.</param>
    /// <param name="prepareStore">Save the election into the store first; false for a second node on a store another one prepared.</param>
    public static async Task<TestServer> StartAsync(bool withOfficialCounts = true, string? store = null, Action<SandikServerOptions>? configure = null,
        IReadOnlyList<string>? arguments = null, bool withPrior = false, bool prepareStore = true, Action<IServiceCollection>? services = null)
    {
        var folder = Directory.CreateTempSubdirectory("sandik-server-").FullName;
        store ??= $"Data Source={Path.Combine(folder, "sandik.db")}";
        var results = Official;
        var turkey = TurkeyData.Shipped();
        if (prepareStore)
        {
            await using var s = ElectionStores.Open(store);
            await s.InitializeAsync();
            var stored = new StoredElection(results.Election, OverrideSource.AddTo(turkey.DefaultSources()), results.Geography);
            if (withOfficialCounts) await ImportCommand.SaveAsync(s, stored, results, ImportSources.Default, CancellationToken.None);
            else await s.SaveElectionAsync(stored);
            if (withPrior)
                await ImportCommand.SaveAsync(s, new StoredElection(Prior.Election, turkey.DefaultSources(), Prior.Geography), Prior, ImportSources.Default, CancellationToken.None);
        }
        var options = new SandikServerOptions { Store = store, Election = ElectionId, PriorElection = withPrior ? PriorElectionId : null };
        configure?.Invoke(options);
        var app = SandikServer.Build(options, ["--urls", "http://127.0.0.1:0", .. arguments ?? []], b => services?.Invoke(b.Services));
        await app.StartAsync();
        return new TestServer(folder, app, store, await SignInAsync(app, app.Urls.First(), Roles.Administrator, null));
    }

    /// <summary>Creates a user with a role and scope and signs them in through the forms (enrolling a second factor where the role needs one).</summary>
    public Task<SignInForms.Outcome> SignInAsync(string role, string? scope = null) => SignInAsync(App, Url, role, scope);

    /// <summary>Creates a user and returns their name and password, without signing in.</summary>
    public Task<(string Name, string Password)> CreateUserAsync(string role, string? scope = null) => CreateUserAsync(App, role, scope);

    /// <summary>A client with no session.</summary>
    public HttpClient Anonymous() => new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(Url + "/") };

    private static async Task<SignInForms.Outcome> SignInAsync(WebApplication app, string url, string role, string? scope)
    {
        var (name, password) = await CreateUserAsync(app, role, scope);
        var outcome = await SignInForms.SignInAsync(url, name, password);
        return outcome.Landing.StartsWith('/') && !outcome.Landing.StartsWith("/account", StringComparison.Ordinal)
            ? outcome
            : throw new InvalidOperationException($"{role} could not sign in: {outcome.Landing}");
    }

    private static async Task<(string Name, string Password)> CreateUserAsync(WebApplication app, string role, string? scope)
    {
        var name = $"{role}-{Guid.NewGuid():N}"[..(role.Length + 13)];
        var password = UserAdministration.NewPassword();
        await using var services = app.Services.CreateAsyncScope();
        var created = await services.ServiceProvider.GetRequiredService<UserAdministration>()
            .CreateAsync(Actor.CommandLine, name, role, scope, password, null);
        return created.Succeeded ? (name, password) : throw new InvalidOperationException(string.Join(" ", created.Errors));
    }

    /// <summary>Issues a fresh API key for a source.</summary>
    public async Task<string> KeyFor(string sourceId) =>
        (await App.Services.GetRequiredService<ApiKeyRegistry>().IssueAsync(sourceId, "test", CancellationToken.None)).Presented;

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
