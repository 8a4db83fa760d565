using System.Text;
using Shouldly;
using Xunit;

namespace Sandik.Cli.Tests;

/// <summary>
/// <c>sandik sources</c> edits the stored catalogue: a source added is listed and can be issued a key; a source retired
/// leaves the count (the results from the store no longer count its boxes) and cannot be issued keys until taken back;
/// every bad edit is refused naming what is wrong, and nothing is stored.
/// </summary>
public sealed class when_sources_are_changed_from_the_command_line : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sandik-cli-").FullName;

    private string Store => $"Data Source={Path.Combine(_folder, "sandik.db")}";

    private async Task ImportPartAsync()
    {
        var path = Path.Combine(_folder, "part.csv");
        File.WriteAllLines(path, CliRun.FirstLines(CliRun.DataFile("results", "tr-2015-11-general.csv.gz"), 300), new UTF8Encoding(false));
        var import = await CliRun.RunAsync("import", "--input", path, "--election", "tr-2015-11-general", "--store", Store);
        import.ExitCode.ShouldBe(0, import.Messages);
    }

    private async Task<long> BoxesCountedAsync()
    {
        var results = await CliRun.RunAsync("results", "--store", Store, "--format", "json");
        results.ExitCode.ShouldBe(0, results.Messages);
        return results.Json().GetProperty("boxes").GetInt64();
    }

    [Fact]
    public async Task a_source_is_added_issued_a_key_retired_and_taken_back()
    {
        await ImportPartAsync();
        var counted = await BoxesCountedAsync();
        counted.ShouldBeGreaterThan(0);

        var added = await CliRun.RunAsync("sources", "add", "--id", "bar-association", "--name", "Baro gözlemcileri", "--name-en", "Bar observers",
            "--rank", "4", "--reason", "joins tonight", "--store", Store);
        added.ExitCode.ShouldBe(0, added.Messages);
        var listed = (await CliRun.RunAsync("sources", "list", "--store", Store)).Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        listed.ShouldContain("bar-association\t4\tcounted\tBaro gözlemcileri\tBar observers");
        (await CliRun.RunAsync("keys", "issue", "--source", "bar-association", "--store", Store)).ExitCode.ShouldBe(0);

        var retired = await CliRun.RunAsync("sources", "retire", "--id", "authority-feed", "--reason", "feed found late", "--store", Store);
        retired.ExitCode.ShouldBe(0, retired.Messages);
        (await BoxesCountedAsync()).ShouldBe(0);
        (await CliRun.RunAsync("sources", "list", "--store", Store)).Output.ShouldContain("authority-feed\t3\tretired");
        var refusedKey = await CliRun.RunAsync("keys", "issue", "--source", "authority-feed", "--store", Store);
        refusedKey.ExitCode.ShouldBe(2);
        refusedKey.Messages.ShouldContain("retired");

        (await CliRun.RunAsync("sources", "reinstate", "--id", "authority-feed", "--reason", "checked", "--store", Store)).ExitCode.ShouldBe(0);
        (await BoxesCountedAsync()).ShouldBe(counted);
    }

    [Theory]
    [InlineData(1, "id", "add", "--id", "Bad Id", "--name", "X", "--rank", "3", "--reason", "why")]
    [InlineData(1, "a source 'sms' already", "add", "--id", "sms", "--name", "X", "--rank", "3", "--reason", "why")]
    [InlineData(1, "trustRank", "add", "--id", "new-one", "--name", "X", "--rank", "0", "--reason", "why")]
    [InlineData(2, "--rank", "add", "--id", "new-one", "--name", "X", "--rank", "three", "--reason", "why")]
    [InlineData(2, "--reason", "add", "--id", "new-one", "--name", "X", "--rank", "3")]
    [InlineData(1, "There is no source", "retire", "--id", "carrier-pigeon", "--reason", "why")]
    [InlineData(1, "counts already", "reinstate", "--id", "sms", "--reason", "why")]
    [InlineData(2, "Unknown sources action", "remove", "--id", "sms")]
    public async Task a_bad_edit_is_refused_and_nothing_is_stored(int exitCode, string message, params string[] args)
    {
        await ImportPartAsync();
        var before = (await CliRun.RunAsync("sources", "list", "--store", Store)).Output;

        var run = await CliRun.RunAsync(["sources", .. args, "--store", Store]);

        run.ExitCode.ShouldBe(exitCode);
        run.Messages.ShouldContain(message);
        (await CliRun.RunAsync("sources", "list", "--store", Store)).Output.ShouldBe(before);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
