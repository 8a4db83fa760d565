using Sandik.Cli.CommandLine;
using Sandik.Domain.Tallies;

namespace Sandik.Cli.Loading;

/// <summary>The options shared by commands that read a race: where from, and through which sources.</summary>
public static class RaceOptions
{
    public static readonly string[] Valued = ["--input", "--election", "--race", "--store", "--sources", "--geography", OutputFormats.Option];

    /// <summary>A results file (<c>--input</c>) or the store's log.</summary>
    public static async Task<LiveRace> LoadAsync(CliContext context, Arguments args, CancellationToken ct)
    {
        if (args.Get("--input") is { } input)
        {
            if (args.Has("--store")) throw new UsageException("Give either '--input FILE' or '--store', not both.");
            return RaceLoader.FromFile(context, input, args.Get("--election"), geographyPath: args.Get("--geography"));
        }
        await using var store = await context.OpenStoreAsync(args.Get("--store"), ct);
        return await RaceLoader.FromStoreAsync(store, args.Get("--election"), args.Get("--race"), ct);
    }

    /// <summary>All sources reconciled, or the subset named by <c>--sources a,b</c>.</summary>
    public static SourceView View(LiveRace live, Arguments args)
    {
        if (args.List("--sources") is not { } ids) return SourceView.All(live.Sources);
        var view = SourceView.Of(live.Sources, ids, out var unknown);
        if (unknown.Count > 0)
            throw new UsageException($"Unknown source(s) {string.Join(", ", unknown)}; known: {string.Join(", ", live.Sources.Sources.Select(s => s.Id))}.");
        if (view.Mask == 0) throw new UsageException("'--sources' names no source.");
        return view;
    }
}
