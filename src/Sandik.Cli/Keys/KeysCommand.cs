using Sandik.Cli.CommandLine;
using Sandik.Cli.Loading;
using Sandik.Storage.Keys;
using Spectre.Console;

namespace Sandik.Cli.Keys;

/// <summary><c>sandik keys</c>: issue, list and revoke the sources' API keys (only their hashes are stored).</summary>
public static class KeysCommand
{
    public const string Usage = """
        sandik keys issue --source ID [--label TEXT] [--store CONN]   prints a new key once; only its hash is kept
        sandik keys list [--store CONN]
        sandik keys revoke --id KEYID [--store CONN]                  the key stops working at once
        """;

    public static async Task<int> RunAsync(CliContext context, IReadOnlyList<string> argv, CancellationToken ct)
    {
        if (argv.Count == 0) throw new UsageException("Say what to do with keys: issue, list or revoke.");
        var args = Arguments.Parse(argv.Skip(1).ToList(), ["--source", "--label", "--store", "--id"], []);
        var store = new ApiKeyStore(context.StoreConnection(args.Get("--store")));
        await store.InitializeAsync(ct);
        switch (argv[0])
        {
            case "issue":
                var source = args.Require("--source");
                if (source == Sandik.Server.Audit.OverrideSource.Id)
                    throw new UsageException("Overrides are made through the audited override action, never with a key.");
                var sources = await KnownSourcesAsync(context, args.Get("--store"), ct);
                if (!sources.TryGetValue(source, out var retired))
                    throw new UsageException($"There is no source '{source}'; known: {string.Join(", ", sources.Keys.Where(k => k != Sandik.Server.Audit.OverrideSource.Id).Order(StringComparer.Ordinal))}.");
                if (retired) throw new UsageException($"Source '{source}' is retired from the count: take it back ('sandik sources reinstate') before issuing it a key.");
                var (key, presented) = ApiKey.Issue(source, args.Get("--label"), DateTimeOffset.UtcNow);
                await store.SaveAsync(key, ct);
                context.Out.WriteLine(presented);
                context.Messages.MarkupLine($"Key [bold]{key.Id}[/] for '{Markup.Escape(source)}': keep it safe, it is not shown again.");
                return 0;
            case "list":
                foreach (var k in await store.ListAsync(ct))
                    context.Out.WriteLine($"{k.Id}\t{k.SourceId}\t{k.CreatedAt:u}\t{(k.Active ? "active" : $"revoked {k.RevokedAt:u}")}\t{k.Label}");
                return 0;
            case "revoke":
                var id = args.Require("--id");
                if (!await store.RevokeAsync(id, DateTimeOffset.UtcNow, ct))
                {
                    context.Messages.MarkupLine($"[red]No active key '{Markup.Escape(id)}'.[/]");
                    return 1;
                }
                context.Messages.MarkupLine($"Key {Markup.Escape(id)} revoked.");
                return 0;
            default:
                throw new UsageException($"Unknown keys action '{argv[0]}': use issue, list or revoke.");
        }
    }

    /// <summary>
    /// The sources of every election in the store (a source added there included), with whether each is retired
    /// everywhere; the shipped default sources when the store holds no election yet.
    /// </summary>
    private static async Task<Dictionary<string, bool>> KnownSourcesAsync(CliContext context, string? storeOption, CancellationToken ct)
    {
        await using var elections = await context.OpenStoreAsync(storeOption, ct);
        var known = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var id in await elections.ListElectionsAsync(ct))
        {
            if (await elections.LoadSourcesAsync(id, ct) is not { } stored) continue;
            foreach (var s in stored.Catalog.Sources) known[s.Id] = known.TryGetValue(s.Id, out var retired) ? retired && s.Retired : s.Retired;
        }
        if (known.Count == 0)
        {
            foreach (var s in context.Turkey.DefaultSources().Sources) known[s.Id] = false;
        }
        return known;
    }
}
