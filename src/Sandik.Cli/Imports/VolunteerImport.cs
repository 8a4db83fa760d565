using Sandik.Cli.CommandLine;
using Sandik.Cli.Loading;
using Sandik.Domain.Elections;
using Sandik.Domain.Submissions;
using Sandik.Import.Turkey;
using Sandik.Storage;
using Spectre.Console;

namespace Sandik.Cli.Imports;

/// <summary>
/// Imports volunteer transcriptions (names only, votes only) as a source: the box registry is built from the listed
/// boxes of the file and of <c>--registry</c> files (or taken from the store when the election is already there),
/// rows are matched by names, and every row that did not match is reported by reason. The source's province sums are
/// then compared with the official province results when the data folder has them.
/// </summary>
public static class VolunteerImport
{
    public const string DefaultElection = "tr-2023-05-president-r1";
    public const string DefaultSource = "partner-ngo";
    private const string OfficialTable = "cb_2023_ilk_tur_il.csv";

    public static async Task<int> RunAsync(CliContext context, Arguments args, string input, CancellationToken ct)
    {
        var election = context.Turkey.Election(args.Get("--election") ?? DefaultElection);
        var sourceId = args.Get("--source") ?? DefaultSource;
        var sources = context.Turkey.DefaultSources();
        if (sources.IndexOf(sourceId) < 0) throw new UsageException($"There is no source '{sourceId}'.");
        await using var store = await context.OpenStoreAsync(args.Get("--store"), ct);
        var stored = await store.LoadElectionAsync(election.Id, ct);
        if (stored is null)
        {
            var registryFiles = (args.List("--registry") ?? []).Prepend(input).Distinct().ToList();
            var registry = context.WithProgress("Box registry", p => VolunteerTallyFile.ReadRegistry(registryFiles, context.Turkey, p));
            stored = new StoredElection(election, sources, registry);
            await store.SaveElectionAsync(stored, ct);
        }
        var tallies = context.WithProgress($"Reading {Path.GetFileName(input)}", p => VolunteerTallyFile.ReadSubmissions(input, stored.Geography, election, sourceId, p));
        var validator = new SubmissionValidator(election, stored.Geography, stored.Sources);
        var now = DateTimeOffset.UtcNow;
        var entries = new List<LoggedSubmission>(tallies.Drafts.Count);
        var accepted = new List<Submission>(tallies.Drafts.Count);
        foreach (var draft in tallies.Drafts)
        {
            var result = validator.Validate(draft, ValidationPolicy.VotesOnly);
            if (result.IsValid)
            {
                accepted.Add(result.Value!);
                entries.Add(LoggedSubmission.ForAccepted(result.Value!, now));
            }
            else
            {
                entries.Add(new LoggedSubmission(0, now, sourceId, null, election.DefaultRace.Id, draft.BoxCode ?? "", draft.ClientSubmissionId,
                    draft.Evidence, null, result.Errors, $"{Path.GetFileName(input)}: {draft.BoxCode}"));
            }
        }
        long added = 0, already = 0;
        foreach (var batch in entries.Chunk(5_000))
        {
            foreach (var r in await store.AppendAsync(election.Id, batch, ct))
            {
                if (r.AlreadyLogged) already++;
                else added++;
            }
        }
        var report = tallies.Report;
        context.Messages.MarkupLine($"Imported {Markup.Escape(Path.GetFileName(input))} as '{Markup.Escape(sourceId)}' into {election.Id}: " +
            $"{report.Rows:N0} rows, {report.RowsWithoutResult:N0} without a result, {report.Matched:N0} matched, {report.UnmatchedCount:N0} unmatched; " +
            $"{accepted.Count:N0} valid, {entries.Count - accepted.Count:N0} rejected; {added:N0} added to the log, {already:N0} already there.");
        foreach (var group in report.Unmatched)
        {
            context.Messages.MarkupLine($"  [yellow]{group.Reason}: {group.Count:N0}[/] e.g. {Markup.Escape(string.Join("; ", group.Examples.Take(3)))}");
        }
        Compare(context, stored, accepted, election);
        return 0;
    }

    private static void Compare(CliContext context, StoredElection stored, List<Submission> accepted, Election election)
    {
        var path = Path.Combine(context.Turkey.DataDirectory, "official", OfficialTable);
        if (election.Id != DefaultElection || !File.Exists(path)) return;
        var official = OfficialProvinceResults.Read(path, election.DefaultRace, context.Turkey.Provinces);
        var rows = ProvinceComparison.Compare(stored.Geography, accepted, official).Where(r => r.Boxes > 0).OrderByDescending(r => r.Coverage).ToList();
        var table = new Table().Border(TableBorder.Simple).AddColumns("İl / province", "Sandık", "Kapsam / coverage");
        foreach (var choice in election.DefaultRace.Choices) table.AddColumn($"{choice.Name} Δ");
        foreach (var r in rows)
        {
            var cells = new List<string> { Markup.Escape(r.Name), $"{r.Boxes:N0}", $"{r.Coverage:P1}" };
            cells.AddRange(election.DefaultRace.Choices.Select((_, i) => $"{r.ShareDifference(i) * 100:+0.00;-0.00} pp"));
            table.AddRow(cells.ToArray());
        }
        context.Messages.WriteLine("Compared with the official province results (share of this source's boxes minus the official share):");
        context.Messages.Write(table);
    }
}
