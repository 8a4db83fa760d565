using System.Text;
using Shouldly;
using Xunit;

namespace Sandik.Cli.Tests;

public sealed class when_a_file_is_imported_into_the_store : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sandik-cli-").FullName;

    private string Store => $"Data Source={Path.Combine(_folder, "sandik.db")}";

    [Fact]
    public async Task results_from_the_store_equal_results_from_the_file_and_a_second_import_adds_nothing()
    {
        var file = CliRun.DataFile("results", "tr-2015-11-general.csv.gz");

        var first = await CliRun.RunAsync("import", "--input", file, "--election", "tr-2015-11-general", "--store", Store);
        first.ExitCode.ShouldBe(0, first.Messages);
        first.Messages.ShouldContain("174,992 submissions added");
        var again = await CliRun.RunAsync("import", "--input", file, "--election", "tr-2015-11-general", "--store", Store);
        again.Messages.ShouldContain("0 submissions added, 174,992 already in the log");

        var fromStore = await CliRun.RunAsync("results", "--store", Store, "--format", "json");
        var fromFile = await CliRun.RunAsync("results", "--input", file, "--election", "tr-2015-11-general", "--format", "json");
        fromStore.ExitCode.ShouldBe(0, fromStore.Messages);
        fromStore.Output.ShouldBe(fromFile.Output);

        var seats = await CliRun.RunAsync("seats", "--store", Store, "--format", "json");
        seats.Json().GetProperty("seats").GetProperty("ak_parti").GetInt32().ShouldBe(317);
    }

    [Fact]
    public async Task a_bad_row_names_its_line_and_column_and_nothing_is_imported()
    {
        var lines = CliRun.FirstLines(CliRun.DataFile("results", "tr-2015-11-general.csv.gz"), 400);
        var bad = lines[250].Split(',');
        bad[7] = "12a";
        lines[250] = string.Join(',', bad);
        var path = Path.Combine(_folder, "bad.csv");
        File.WriteAllLines(path, lines, new UTF8Encoding(false));

        var run = await CliRun.RunAsync("import", "--input", path, "--store", Store);

        run.ExitCode.ShouldBe(1);
        run.Messages.ShouldContain("line 251, column 'oy_kullanan': '12a' is not a whole number");
        run.Messages.ShouldContain("nothing was imported");
        var results = await CliRun.RunAsync("results", "--store", Store);
        results.ExitCode.ShouldBe(2);
        results.Messages.ShouldContain("The store holds no election yet");
    }

    [Fact]
    public async Task a_row_whose_parties_do_not_add_up_is_rejected_with_both_numbers()
    {
        var lines = CliRun.FirstLines(CliRun.DataFile("results", "tr-2015-11-general.csv.gz"), 300);
        var index = Array.FindIndex(lines, 1, l => !l.Contains("\"Toplam\""));
        var row = lines[index].Split(',');
        row[9] = (int.Parse(row[9], System.Globalization.CultureInfo.InvariantCulture) + 5).ToString(System.Globalization.CultureInfo.InvariantCulture);
        lines[index] = string.Join(',', row);
        var path = Path.Combine(_folder, "sum.csv");
        File.WriteAllLines(path, lines);

        var run = await CliRun.RunAsync("results", "--input", path);

        run.ExitCode.ShouldBe(1);
        run.Messages.ShouldContain($"line {index + 1}, column 'gecerli_oy': the party columns add up to");
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
