using System.Security.Claims;
using Microsoft.Extensions.Options;
using Sandik.Domain.Submissions;
using Sandik.Server.Hosting;
using Sandik.Server.Identity;
using Sandik.Server.Ingest;
using Sandik.Server.Live;

namespace Sandik.Server.Audit;

/// <summary>
/// A count sheet a call-centre operator read over the phone from a box's officials: validated like any sheet and
/// submitted through the ingest queue as the call centre's source (<see cref="SandikServerOptions.PhonedSource"/>), the
/// operator as its reporter and their note as its evidence. It is one more source's copy of the box, reconciled by
/// trust rank like every other, so it needs no reason and no audit entry: the log says who sent what.
/// </summary>
public sealed class PhonedTally(ElectionHost host, IngestQueue queue, IOptions<SandikServerOptions> options, TimeProvider time)
{
    public const int MaxNote = 500;

    public async Task<BoxOverride.Outcome> SubmitAsync(ClaimsPrincipal actor, string boxCode, OverrideRequest request, CancellationToken ct)
    {
        var source = options.Value.PhonedSource;
        if (host.Election.Sources.IndexOf(source) < 0)
            return BoxOverride.Outcome.Refused("source", "unknown", $"The election has no '{source}' source to log phoned sheets as.");
        var note = string.IsNullOrWhiteSpace(request.Reason) ? request.Evidence?.Trim() : request.Reason.Trim();
        if (note?.Length > MaxNote) return BoxOverride.Outcome.Refused("reason", "too_long", $"The note is {note.Length} characters long; at most {MaxNote} are allowed.");
        var (_, sheet, refusal) = BoxOverride.Check(host, actor, Permission.EnterPhonedTally, "You may not enter this box's sheet.", boxCode, request,
            source, "phoned-", string.IsNullOrEmpty(note) ? null : note);
        if (refusal is not null) return refusal;
        var result = (await queue.SubmitAsync([LoggedSubmission.ForAccepted(sheet!, time.GetUtcNow())], ct))[0];
        return new BoxOverride.Outcome(result.Entry.Sequence, []);
    }
}
