using Sandik.Cli.Imports;
using Sandik.Cli.Loading;
using Sandik.Domain.Tallies;
using Sandik.Import;
using Sandik.Import.Turkey;
using Sandik.Storage;

namespace Sandik.Bench;

/// <summary>
/// Import of the full November 2015 file (174,992 boxes) into SQLite and PostgreSQL, and the rebuild of the live state
/// from the store. Baseline: reading and checking the file alone.
/// </summary>
public static class ImportBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var turkey = TurkeyData.Shipped();
        var definition = turkey.Election("tr-2015-11-general");
        var file = Path.Combine(turkey.DataDirectory, "results", "tr-2015-11-general.csv.gz");
        Console.WriteLine($"Machine: {Figures.Machine()}");
        ResultFiles.Read(file, definition, turkey); // warm-up: JIT and file cache
        var (results, parse) = await Figures.TimeAsync(() => Task.FromResult(ResultFiles.Read(file, definition, turkey)));
        Console.WriteLine($"baseline  read and check the file: {parse.TotalSeconds,6:F2} s ({results.Tallies.Count:N0} boxes)");

        var stores = new List<(string Name, string Connection)> { ("SQLite", BenchStores.Sqlite("import")) };
        if (BenchStores.PostgresAdmin(args) is { } admin) stores.Add(("PostgreSQL", await BenchStores.PostgresAsync(admin, "import")));
        else Console.WriteLine("PostgreSQL: skipped (give --postgres CONN or set SANDIK_TEST_POSTGRES)");

        foreach (var (name, connection) in stores)
        {
            await using var store = ElectionStores.Open(connection);
            await store.InitializeAsync();
            var stored = new StoredElection(definition, turkey.DefaultSources(), results.Geography);
            var (_, import) = await Figures.TimeAsync(() => ImportCommand.SaveAsync(store, stored, results, ImportSources.Default, CancellationToken.None));
            var (live, rebuild) = await Figures.TimeAsync(() => RaceLoader.FromStoreAsync(store, definition.Id, null, CancellationToken.None));
            var national = live.Totals(0, SourceView.All(live.Sources));
            Console.WriteLine($"{name,-10} import (registry + 174,992 submissions): {import.TotalSeconds,6:F2} s ({import / parse:F1}× baseline); " +
                $"rebuild of the live state: {rebuild.TotalSeconds,6:F2} s ({rebuild / parse:F1}× baseline); national valid {national.Valid:N0}");
        }
        return 0;
    }
}
