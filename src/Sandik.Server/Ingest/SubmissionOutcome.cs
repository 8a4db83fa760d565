using Sandik.Storage;

namespace Sandik.Server.Ingest;

/// <summary>What happened to one submission: accepted or rejected, its place in the log, and whether it was a retry.</summary>
public sealed record SubmissionOutcome(int Index, string Status, long Sequence, bool Duplicate, string Box, IReadOnlyList<Reason>? Reasons)
{
    public static SubmissionOutcome From(int index, AppendResult result) => new(index,
        result.Entry.Accepted ? "accepted" : "rejected", result.Entry.Sequence, result.AlreadyLogged, result.Entry.BoxCode,
        result.Entry.Accepted ? null : [.. result.Entry.Errors.Select(e => new Reason(e.Field, e.Code, e.Message))]);
}

public sealed record Reason(string Field, string Code, string Message);

/// <summary>The outcome of a batch: counts, and one outcome per submission in request order.</summary>
public sealed record BatchOutcome(int Accepted, int Rejected, int Duplicates, IReadOnlyList<SubmissionOutcome> Items)
{
    public static BatchOutcome From(IReadOnlyList<AppendResult> results)
    {
        var items = results.Select((r, i) => SubmissionOutcome.From(i, r)).ToList();
        return new BatchOutcome(items.Count(i => i.Status == "accepted"), items.Count(i => i.Status == "rejected"), items.Count(i => i.Duplicate), items);
    }
}
