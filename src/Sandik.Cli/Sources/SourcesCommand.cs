using Microsoft.Extensions.DependencyInjection;
using Sandik.Cli.CommandLine;
using Sandik.Cli.Loading;
using Sandik.Server.Audit;
using Sandik.Storage;
using Spectre.Console;

namespace Sandik.Cli.Sources;

/// <summary>
/// <c>sandik sources</c>: an election's source catalogue in the store — listed, a source added, one retired from the
/// count or taken back, ranks changed. Every change is audited as done from the command line; a server serving the
/// store takes it in within a second or so (it reads the stored catalogue at every follow interval), without a restart.
/// </summary>
public static class SourcesCommand
{
    public const string Usage = """
        sandik sources list [--election ID] [--store CONN]
        sandik sources add --id ID --name TEXT [--name-en TEXT] --rank N --reason TEXT [--election ID] [--store CONN]
        sandik sources retire --id ID --reason TEXT [--election ID] [--store CONN]     out of the count, nothing deleted
        sandik sources reinstate --id ID --reason TEXT [--election ID] [--store CONN]  back into the count
        sandik sources rank --id ID --rank N --reason TEXT [--election ID] [--store CONN]
          A source's copies stay in the log whatever happens to it; a retired source's count no more and it may not send.
          A server on the store applies each change at once, without a restart.
        """;

    public static async Task<int> RunAsync(CliContext context, IReadOnlyList<string> argv, CancellationToken ct)
    {
        if (argv.Count == 0) throw new UsageException("Say what to do with sources: list, add, retire, reinstate or rank.");
        var args = Arguments.Parse(argv.Skip(1).ToList(), ["--id", "--name", "--name-en", "--rank", "--reason", "--election", "--store"], []);
        var connection = context.StoreConnection(args.Get("--store"));
        await using var store = ElectionStores.Open(connection);
        await store.InitializeAsync(ct);
        var electionId = await RaceLoader.ElectionIdAsync(store, args.Get("--election"), "", ct);
        var edit = argv[0] switch
        {
            "list" => null,
            "add" => SourceEdits.Add(args.Require("--id"), args.Require("--name"), args.Get("--name-en"), Rank(args)),
            "retire" => SourceEdits.Retire(args.Require("--id"), retired: true),
            "reinstate" => SourceEdits.Retire(args.Require("--id"), retired: false),
            "rank" => SourceEdits.Ranks(new Dictionary<string, int> { [args.Require("--id")] = Rank(args) }),
            _ => throw new UsageException($"Unknown sources action '{argv[0]}': use list, add, retire, reinstate or rank."),
        };
        if (edit is null)
        {
            var stored = await store.LoadSourcesAsync(electionId, ct) ?? throw new UsageException($"The store holds no election '{electionId}'.");
            foreach (var s in stored.Catalog.ByTrustRank)
                context.Out.WriteLine(string.Join('\t', s.Id, s.TrustRank, s.Retired ? "retired" : "counted", s.Name.Tr, s.Name.En));
            return 0;
        }
        var reason = args.Require("--reason");
        if (SourceEdits.CheckReason(ref reason!) is { } missing) return Refused(context, [missing]);
        var (before, after, errors) = await SourceEdits.SaveAsync(store, electionId, edit, ct);
        if (after is null) return Refused(context, errors);
        await using var services = await Admin.AdminServices.OpenAsync(connection, ct);
        await services.GetRequiredService<AuditLog>().RecordAsync(Actor.CommandLine, edit.Action, electionId,
            edit.Describe(before!.Catalog), edit.Describe(after.Catalog), reason, ct);
        context.Messages.MarkupLine(Markup.Escape($"Sources of {electionId} now: "
            + string.Join(", ", after.Catalog.ByTrustRank.Select(s => $"{s.Id} {s.TrustRank}{(s.Retired ? " (retired)" : "")}"))
            + ". A server on this store applies the change within a second or so."));
        return 0;
    }

    private static int Rank(Arguments args) =>
        int.TryParse(args.Require("--rank"), out var rank) ? rank : throw new UsageException("'--rank' is a whole number, 1 the most trusted.");

    private static int Refused(CliContext context, IEnumerable<Sandik.Domain.Submissions.FieldError> errors)
    {
        foreach (var error in errors) context.Messages.MarkupLine($"[red]{Markup.Escape(error.Field)}: {Markup.Escape(error.Message)}[/]");
        return 1;
    }
}
