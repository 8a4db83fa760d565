namespace Sandik.Storage.Audit;

/// <summary>
/// One manual action, as the audit trail keeps it: who did what to which target, when, why, and the state before and
/// after (JSON, or null where there was none).
/// </summary>
/// <param name="Sequence">Position in the trail, assigned by the store; 0 before it is appended.</param>
/// <param name="Action">What was done, e.g. <c>box.override</c>, <c>user.disable</c>, <c>key.issue</c>.</param>
/// <param name="Target">What it was done to: a box code, a user name, a key id, a source id.</param>
public sealed record AuditEntry(long Sequence, DateTimeOffset At, string ActorId, string ActorName, string Action, string Target,
    string? Before, string? After, string? Reason);
