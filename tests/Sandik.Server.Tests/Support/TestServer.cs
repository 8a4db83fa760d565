using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Sandik.Cli.Imports;
using Sandik.Cli.Loading;
using Sandik.Import;
using Sandik.Import.Turkey;
using Sandik.Server.Hosting;
using Sandik.Server.Ingest;
using Sandik.Storage;

namespace Sandik.Server.Tests.Support;

/// <summary>
/// A real Sandik server on a loopback port over a SQLite file holding the November 2015 election's registry, and,
/// unless asked otherwise, every box's official count from the authority feed.
/// </summary>
public sealed class TestServer : IAsyncDisposable
{
    public const string ElectionId = "tr-2015-11-general";
    private static readonly Lazy<BoxResults> November = new(() =>
    {
        var turkey = TurkeyData.Shipped();
        return ResultFiles.Read(Path.Combine(turkey.DataDirectory, "results", ElectionId + ".csv.gz"), turkey.Election(ElectionId), turkey);
    });

    private readonly string _folder;

    private TestServer(string folder, WebApplication app, string store)
    {
        _folder = folder;
        App = app;
        Store = store;
        Url = app.Urls.First();
        Http = new HttpClient { BaseAddress = new Uri(Url + "/") };
    }

    public WebApplication App { get; }
    public string Store { get; }
    public string Url { get; }
    public HttpClient Http { get; }

    /// <summary>The official November 2015 file, read once per test run.</summary>
    public static BoxResults Official => November.Value;

    /// <param name="withOfficialCounts">Import every box's count as the authority feed before starting.</param>
    /// <param name="store">A store to use instead of a new SQLite file (e.g. PostgreSQL).</param>
    public static async Task<TestServer> StartAsync(bool withOfficialCounts = true, string? store = null, Action<SandikServerOptions>? configure = null)
    {
        var folder = Directory.CreateTempSubdirectory("sandik-server-").FullName;
        store ??= $"Data Source={Path.Combine(folder, "sandik.db")}";
        var results = Official;
        var turkey = TurkeyData.Shipped();
        await using (var s = ElectionStores.Open(store))
        {
            await s.InitializeAsync();
            var stored = new StoredElection(results.Election, turkey.DefaultSources(), results.Geography);
            if (withOfficialCounts) await ImportCommand.SaveAsync(s, stored, results, ImportSources.Default, CancellationToken.None);
            else await s.SaveElectionAsync(stored);
        }
        var options = new SandikServerOptions { Store = store, Election = ElectionId };
        configure?.Invoke(options);
        var app = SandikServer.Build(options, ["--urls", "http://127.0.0.1:0"]);
        await app.StartAsync();
        return new TestServer(folder, app, store);
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
