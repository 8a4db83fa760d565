using Sandik.Import.Csv;
using System.Text.Encodings.Web;
using System.Text.Json;
using Sandik.Cli.CommandLine;
using Sandik.Cli.Loading;
using Sandik.Domain.Projection;
using Sandik.Domain.Projection.Golden;
using Sandik.Domain.Tallies;
using Sandik.Server.Live;
using Sandik.Storage.Projection;
using Spectre.Console;
using static System.FormattableString;

namespace Sandik.Cli.Golden;

/// <summary>
/// <c>sandik golden</c>: designs the election's golden-box sample and stores it with the election, lists its boxes for
/// the field teams, and gives the quick count from those reported so far.
/// </summary>
public static class GoldenCommand
{
    public const string Usage = """
        sandik golden --prior-election ID [--store CONN] [--election ID] [--size 1500] [--seed 1] [--replace]
        sandik golden [--store CONN] [--election ID] (--list [--format table|csv|json] | --estimate [--sources ID,ID] [--format table|json])
          Designs a stratified sample of golden ballot boxes (strata: province x the prior election's leader at the
          box) from the prior election in the same store, and stores it with the election; a stored sample is
          replaced only with --replace. --list prints its boxes (province, district, box number, code, stratum);
          --estimate the quick count from the golden boxes counted so far (ratio and regression estimators, 95%).
        """;

    private static readonly JsonSerializerOptions JsonOutput = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task<int> RunAsync(CliContext context, IReadOnlyList<string> argv, CancellationToken ct)
    {
        var args = Arguments.Parse(argv, ["--store", "--election", "--prior-election", "--size", "--seed", "--sources", OutputFormats.Option], ["--replace", "--list", "--estimate"]);
        var modes = new[] { args.Has("--prior-election"), args.Has("--list"), args.Has("--estimate") }.Count(m => m);
        if (modes != 1) throw new UsageException("Give one of '--prior-election ID' (design a sample), '--list' or '--estimate'.");
        var connection = context.StoreConnection(args.Get("--store"));
        var samples = new GoldenSampleStore(connection);
        await samples.InitializeAsync(ct);
        await using var store = await context.OpenStoreAsync(connection, ct);
        var live = await RaceLoader.FromStoreAsync(store, args.Get("--election"), null, ct);
        if (args.Get("--prior-election") is { } priorId) return await DesignAsync(context, args, samples, store, live, priorId, ct);

        var stored = await samples.LoadAsync(live.Election.Id, ct)
            ?? throw new UsageException($"Election '{live.Election.Id}' has no golden sample yet: design one with '--prior-election ID'.");
        if (args.Has("--list")) List(context, live, stored.Design, OutputFormats.From(args));
        else Estimate(context, stored.Design, GoldenQuickCount.Estimate(stored.Design, live, RaceOptions.View(live, args)), OutputFormats.From(args));
        return 0;
    }

    private static async Task<int> DesignAsync(CliContext context, Arguments args, GoldenSampleStore samples, Storage.IElectionStore store, LiveRace live, string priorId,
        CancellationToken ct)
    {
        if (priorId == live.Election.Id) throw new UsageException("The prior election must be an earlier one, not the election itself.");
        var size = args.Whole("--size", 1500);
        var seed = args.Whole("--seed", 1);
        var prior = PriorResults.Counted(await RaceLoader.FromStoreAsync(store, priorId, null, ct));
        if (prior.BoxesCounted == 0) throw new UsageException($"The prior election '{priorId}' has no counted box in the store.");
        var design = GoldenSampler.Design(LiveProjector.For(live, prior.Projection), size, seed);
        await samples.SaveAsync(design, args.Has("--replace"), DateTimeOffset.UtcNow, ct);
        context.Messages.MarkupLine(Markup.Escape(Invariant(
            $"Stored a golden sample of {design.Boxes.Count:N0} boxes in {design.Strata.Count} strata for {live.Election.Id} (prior {priorId}, seed {seed}).")));
        context.Messages.WriteLine("List its boxes with 'sandik golden --list --format csv'.");
        return 0;
    }

    private static void List(CliContext context, LiveRace live, GoldenSampleDesign design, OutputFormat format)
    {
        var geography = live.Geography;
        var province = geography.LevelOf("province");
        var district = geography.LevelOf("district");
        var rows = design.Boxes.Select(b =>
        {
            var known = geography.TryGetBox(b.Code, out var box);
            string Name(int level) => known && level >= 0 ? geography.AncestorAt(box!.Area, level).Name : "";
            return (Province: Name(province), District: Name(district), Number: known ? box!.Number : "", b.Code, Stratum: design.Strata[b.Stratum].Id);
        }).ToList();
        switch (format)
        {
            case OutputFormat.Csv:
                context.Out.WriteLine("il,ilce,sandik,box_code,stratum");
                foreach (var r in rows) context.Out.WriteLine(string.Join(',', new[] { r.Province, r.District, r.Number, r.Code, r.Stratum }.Select(CsvField.Of)));
                break;
            case OutputFormat.Json:
                context.Out.WriteLine(JsonSerializer.Serialize(new
                {
                    election = design.ElectionId,
                    prior = design.PriorElectionId,
                    seed = design.Seed,
                    strata = design.Strata.Select(s => new { id = s.Id, population = s.Population, sampled = design.Boxes.Count(b => design.Strata[b.Stratum] == s) }),
                    boxes = rows.Select(r => new { il = r.Province, ilce = r.District, sandik = r.Number, box_code = r.Code, stratum = r.Stratum }),
                }, JsonOutput));
                break;
            default:
                var console = Consoles.For(context.Out);
                console.MarkupLine(Markup.Escape(Invariant($"Golden sample of {design.ElectionId}: {design.Boxes.Count:N0} boxes, {design.Strata.Count} strata, prior {design.PriorElectionId ?? "none"}, seed {design.Seed}.")));
                var table = new Table().Border(TableBorder.Simple).AddColumns("province", "district", "box", "code", "stratum");
                foreach (var r in rows) table.AddRow(Markup.Escape(r.Province), Markup.Escape(r.District), r.Number, Markup.Escape(r.Code), Markup.Escape(r.Stratum));
                console.Write(table);
                break;
        }
    }

    private static void Estimate(CliContext context, GoldenSampleDesign design, GoldenEstimate estimate, OutputFormat format)
    {
        if (format != OutputFormat.Table)
        {
            if (format == OutputFormat.Csv) throw new UsageException("'--estimate' writes a table or JSON ('--format json').");
            context.Out.WriteLine(JsonSerializer.Serialize(new
            {
                election = design.ElectionId,
                boxes_reported = estimate.BoxesReported,
                boxes_in_sample = estimate.BoxesInSample,
                strata_reported = estimate.StrataReported,
                strata = estimate.StrataTotal,
                confidence = GoldenEstimate.Confidence,
                choices = estimate.Choices.Select(c => new
                {
                    choice = c.ChoiceId, ratio = c.Ratio, ratio_margin = c.RatioMargin, regression = c.Regression, regression_margin = c.RegressionMargin,
                }),
            }, JsonOutput));
            return;
        }
        var console = Consoles.For(context.Out);
        console.MarkupLine(Markup.Escape(Invariant(
            $"Quick count of {design.ElectionId}: {estimate.BoxesReported:N0} of {estimate.BoxesInSample:N0} golden boxes counted, {estimate.StrataReported} of {estimate.StrataTotal} strata; margins at {GoldenEstimate.Confidence:P0}.")));
        var table = new Table().Border(TableBorder.Simple).AddColumns("choice", "ratio", "margin", "regression", "margin");
        foreach (var c in estimate.Choices)
            table.AddRow(Markup.Escape(c.ChoiceId), Invariant($"{c.Ratio:P2}"), Invariant($"±{c.RatioMargin * 100:F2}"), Invariant($"{c.Regression:P2}"), Invariant($"±{c.RegressionMargin * 100:F2}"));
        console.Write(table);
    }
}
