using System.Diagnostics;

namespace Sandik.Server.Tests.Support;

/// <summary>
/// A PostgreSQL server of this test's own (<c>scripts/postgres.sh</c> with an instance name), for a test that restarts
/// its server: the server the other tests share stays up. Stopped and deleted on dispose.
/// </summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    private readonly string _instance = "private-" + Guid.NewGuid().ToString("N")[..8];

    private PrivatePostgres()
    {
    }

    /// <summary>Connection string of the server's maintenance database, to create test databases on.</summary>
    public string Admin { get; private set; } = "";

    public static async Task<PrivatePostgres> StartAsync()
    {
        var server = new PrivatePostgres();
        var output = await server.RunAsync("start");
        const string prefix = "export SANDIK_TEST_POSTGRES='";
        var line = output.Split('\n').Single(l => l.StartsWith(prefix, StringComparison.Ordinal));
        server.Admin = line[prefix.Length..].TrimEnd('\'', '\r');
        return server;
    }

    /// <summary>Restarts the server in place, cutting every open connection, as a failover would.</summary>
    public Task RestartAsync() => RunAsync("restart");

    public async ValueTask DisposeAsync() => await RunAsync("stop");

    private async Task<string> RunAsync(string command)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(Repository.Root, "scripts", "postgres.sh"), command])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["SANDIK_POSTGRES_INSTANCE"] = _instance;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"scripts/postgres.sh {command} failed: {await errors}");
        return await output;
    }
}
