using System.Text;
using Shouldly;
using Xunit;

namespace Sandik.Cli.Tests.Golden;

/// <summary>A golden sample designed from the first 4,000 boxes of the 2015 files, stored with the election and used.</summary>
public sealed class when_a_golden_sample_is_designed : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sandik-golden-").FullName;

    private string Store => $"Data Source={Path.Combine(_folder, "sandik.db")}";

    public async ValueTask InitializeAsync()
    {
        foreach (var id in new[] { "tr-2015-06-general", "tr-2015-11-general" })
        {
            var slice = Path.Combine(_folder, id + ".csv");
            File.WriteAllLines(slice, CliRun.FirstLines(CliRun.DataFile("results", id + ".csv.gz"), 4_000), new UTF8Encoding(false));
            var import = await CliRun.RunAsync("import", "--input", slice, "--election", id, "--store", Store);
            import.ExitCode.ShouldBe(0, import.Messages);
        }
    }

    private Task<CliRun> Golden(params string[] args) =>
        CliRun.RunAsync(["golden", "--store", Store, "--election", "tr-2015-11-general", .. args]);

    [Fact]
    public async Task it_is_stored_listed_with_the_boxes_own_names_and_replaced_only_when_asked()
    {
        var design = await Golden("--prior-election", "tr-2015-06-general", "--size", "120", "--seed", "5");
        design.ExitCode.ShouldBe(0, design.Messages);
        design.Messages.ShouldContain("Stored a golden sample of 120 boxes");

        var list = await Golden("--list", "--format", "csv");
        var rows = list.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        rows[0].ShouldBe("il,ilce,sandik,box_code,stratum");
        rows.Length.ShouldBe(121);
        // Every box code is the province's plate, the district and the box number that the row names.
        var provinces = Sandik.Import.Turkey.TurkeyData.Shipped().Provinces;
        foreach (var row in rows.Skip(1).Select(r => r.Split(',')))
        {
            provinces.TryFind(row[0], out var plate, out _).ShouldBeTrue(row[0]);
            row[3].ShouldBe($"{plate}/{row[1]}/{row[2]}");
        }

        var again = await Golden("--prior-election", "tr-2015-06-general", "--size", "120", "--seed", "6");
        again.ExitCode.ShouldBe(1);
        again.Messages.ShouldContain("already has a golden sample");
        (await Golden("--list", "--format", "csv")).Output.ShouldBe(list.Output);

        var replaced = await Golden("--prior-election", "tr-2015-06-general", "--size", "120", "--seed", "6", "--replace");
        replaced.ExitCode.ShouldBe(0, replaced.Messages);
        (await Golden("--list", "--format", "csv")).Output.ShouldNotBe(list.Output);
    }

    [Fact]
    public async Task the_quick_count_of_a_complete_sample_holds_the_counted_result()
    {
        (await Golden("--prior-election", "tr-2015-06-general", "--size", "300")).ExitCode.ShouldBe(0);
        var results = (await CliRun.RunAsync("results", "--store", Store, "--election", "tr-2015-11-general", "--format", "json")).Json();

        var estimate = await Golden("--estimate", "--format", "json");

        estimate.ExitCode.ShouldBe(0, estimate.Messages);
        var json = estimate.Json();
        (json.GetProperty("boxes_reported").GetInt32(), json.GetProperty("boxes_in_sample").GetInt32()).ShouldBe((300, 300));
        foreach (var choice in json.GetProperty("choices").EnumerateArray().Where(c => c.GetProperty("choice").GetString() is "ak_parti" or "chp" or "mhp" or "hdp"))
        {
            var id = choice.GetProperty("choice").GetString()!;
            var (regression, margin) = (choice.GetProperty("regression").GetDouble(), choice.GetProperty("regression_margin").GetDouble());
            margin.ShouldBeGreaterThan(0, id);
            Math.Abs(regression - Share(results, id)).ShouldBeLessThanOrEqualTo(margin, $"{id}: {regression} ± {margin} against {Share(results, id)}");
        }
    }

    [Fact]
    public async Task without_a_stored_sample_list_and_estimate_say_how_to_make_one()
    {
        var run = await Golden("--list");

        run.ExitCode.ShouldBe(2);
        run.Messages.ShouldContain("has no golden sample yet");
    }

    private static double Share(System.Text.Json.JsonElement results, string choice) =>
        results.GetProperty("votes").GetProperty(choice).GetDouble() / results.GetProperty("valid").GetDouble();

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return ValueTask.CompletedTask;
    }
}
