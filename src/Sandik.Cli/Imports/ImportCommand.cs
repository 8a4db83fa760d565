using System.Diagnostics;
using Sandik.Cli.CommandLine;
using Sandik.Cli.Loading;
using Sandik.Domain.Submissions;
using Sandik.Import;
using Sandik.Storage;
using Spectre.Console;

namespace Sandik.Cli.Imports;

/// <summary><c>sandik import</c>: loads a per-box results file into the store: registry, and every box as a submission.</summary>
public static class ImportCommand
{
    public const string Usage = """
        sandik import --input FILE [--election ID|FILE.json] [--geography FILE.json] [--source ID] [--store CONN] [--registry FILE,FILE]
          Saves the election, its ballot-box registry and every box's tally (as a submission of --source, by default
          the election authority's feed) into the store. Importing the same file again adds nothing. Reads the 2015
          general and 2014 local election files, the generic layout (docs/formats.md; needs --election) and, as a
          source, the 2023 volunteer transcriptions (matched to the registry by names; unmatched rows are reported).
        """;

    private const int BatchSize = 5_000;

    public static async Task<int> RunAsync(CliContext context, IReadOnlyList<string> argv, CancellationToken ct)
    {
        var args = Arguments.Parse(argv, ["--input", "--election", "--geography", "--source", "--store", "--registry"], []);
        var input = args.Require("--input");
        if (ResultFiles.Detect(input) == ResultFileFormat.TurkishVolunteer2023) return await VolunteerImport.RunAsync(context, args, input, ct);
        var sourceId = args.Get("--source") ?? ImportSources.Default;
        var sources = context.Turkey.DefaultSources();
        if (sources.IndexOf(sourceId) < 0)
            throw new UsageException($"There is no source '{sourceId}'; known: {string.Join(", ", sources.Sources.Select(s => s.Id))}.");
        var definition = args.Get("--election") is { } id ? context.Election(id) : null;
        var clock = Stopwatch.StartNew();
        var geography = args.Get("--geography") is { } g ? context.Geography(g) : null;
        var results = context.WithProgress($"Reading {Path.GetFileName(input)}", p => ResultFiles.Read(input, definition, context.Turkey, p, geography));
        await using var store = await context.OpenStoreAsync(args.Get("--store"), ct);
        var summary = await SaveAsync(store, new StoredElection(results.Election, sources, results.Geography), results, sourceId, ct);
        context.Messages.MarkupLine(
            $"Imported [bold]{results.Election.Id}[/]: {results.Geography.Boxes.Count:N0} boxes, {summary.Added:N0} submissions added, " +
            $"{summary.AlreadyLogged:N0} already in the log, in {clock.Elapsed.TotalSeconds:F1} s.");
        return 0;
    }

    /// <summary>Saves the election and appends its boxes' tallies in batches; returns how many were new.</summary>
    public static async Task<(long Added, long AlreadyLogged)> SaveAsync(IElectionStore store, StoredElection election, BoxResults results, string sourceId, CancellationToken ct)
    {
        await store.SaveElectionAsync(election, ct);
        long added = 0, already = 0;
        var now = DateTimeOffset.UtcNow;
        foreach (var batch in ImportSources.Entries(results, sourceId, now).Chunk(BatchSize))
        {
            foreach (var result in await store.AppendAsync(election.Election.Id, batch, ct))
            {
                if (result.AlreadyLogged) already++;
                else added++;
            }
        }
        return (added, already);
    }
}
