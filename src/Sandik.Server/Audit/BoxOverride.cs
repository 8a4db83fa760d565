using System.Security.Claims;
using Sandik.Domain.Submissions;
using Sandik.Server.Identity;
using Sandik.Server.Ingest;
using Sandik.Domain.Tallies;
using Sandik.Server.Live;

namespace Sandik.Server.Audit;

/// <summary>
/// Overrides a box's counted tally: headquarters' tally is validated like any count sheet, submitted as the
/// <see cref="OverrideSource"/> through the ingest queue (so it is in the log, replayed at start-up, and visible in the
/// box's history), and the trail records who did it, why, and the counted tally before and after.
/// </summary>
public sealed class BoxOverride(ElectionHost host, IngestQueue queue, AuditLog audit, TimeProvider time)
{
    public const int MaxReason = 500;

    /// <summary>The outcome: the logged entry's sequence, or the reasons it was refused.</summary>
    public sealed record Outcome(long? Sequence, IReadOnlyList<FieldError> Errors)
    {
        public static Outcome Refused(string field, string code, string message) => new(null, [new FieldError(field, code, message)]);
    }

    /// <summary>A sheet headquarters enters for a box, checked before it is submitted.</summary>
    /// <param name="Refusal">Set when the sheet may not be submitted: an unknown race, a user without the right or the box, bad counts.</param>
    internal readonly record struct Checked(LiveRace? Live, Submission? Submission, Outcome? Refusal);

    /// <summary>
    /// The checks a sheet entered on a screen shares with every other: the race exists, the user holds the permission
    /// and the box lies in their area (the endpoint and the screen check this too; the action does not rely on them),
    /// and the sheet is valid as a full count sheet of <paramref name="source"/>.
    /// </summary>
    internal static Checked Check(ElectionHost host, ClaimsPrincipal actor, Permission permission, string forbidden, string boxCode, OverrideRequest request,
        string source, string clientIdPrefix, string? evidence)
    {
        var live = host.Race(request.Race);
        if (live is null) return new(null, null, Outcome.Refused("race", "unknown", $"The election has no race '{request.Race}'."));
        if (!actor.Has(permission)
            || (live.Geography.TryGetBox(boxCode, out var inScope) && !actor.ScopeOf().CoversBox(live.Geography, inScope.Index)))
            return new(live, null, Outcome.Refused("box", "forbidden", forbidden));
        var draft = request.ToDraft(source, actor.NameOf(), live.Race.Id, boxCode, clientIdPrefix + Guid.NewGuid().ToString("N"), evidence);
        var validated = host.Validator.Validate(draft, ValidationPolicy.FullCountSheet);
        return validated.IsValid ? new(live, validated.Value, null) : new(live, null, new Outcome(null, validated.Errors));
    }

    public async Task<Outcome> OverrideAsync(ClaimsPrincipal actor, string boxCode, OverrideRequest request, CancellationToken ct)
    {
        var reason = request.Reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > MaxReason)
            return Outcome.Refused("reason", "required", $"Say why the tally is overridden (1 to {MaxReason} characters).");
        if (!OverrideSource.IsIn(host.Election.Sources))
            return Outcome.Refused("source", "unknown", $"The election has no '{OverrideSource.Id}' source; restart the server to add it.");
        var (live, sheet, refusal) = Check(host, actor, Permission.OverrideTally, "You may not override this box.", boxCode, request,
            OverrideSource.Id, "override-", request.Evidence);
        if (refusal is not null) return refusal;

        live!.Geography.TryGetBox(boxCode, out var box);
        var before = Counted(live, box.Index);
        var result = (await queue.SubmitAsync([LoggedSubmission.ForAccepted(sheet!, time.GetUtcNow())], ct))[0];
        var after = Counted(live, box.Index);
        await audit.RecordAsync(actor, AuditActions.BoxOverride, boxCode, before, after, reason, ct);
        return new Outcome(result.Entry.Sequence, []);
    }

    private static CountedState Counted(LiveRace live, int boxIndex)
    {
        var why = live.Explain(boxIndex, SourceView.All(live.Sources));
        var counted = why.Entries.FirstOrDefault(e => e.Counted);
        if (counted is null) return new CountedState(live.Race.Id, null, null, null, null, null, null, null);
        var votes = new Dictionary<string, int>();
        for (var i = 0; i < counted.Tally.ChoiceCount; i++) votes[live.Race.Choices[i].Id] = counted.Tally.Votes[i];
        return new CountedState(live.Race.Id, counted.SourceId, counted.Sequence, counted.Tally.Registered, counted.Tally.Voted,
            counted.Tally.Valid, counted.Tally.Invalid, votes);
    }

    private sealed record CountedState(string Race, string? Source, long? Sequence, int? Registered, int? Voted, int? Valid, int? Invalid,
        IReadOnlyDictionary<string, int>? Votes);
}
