using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Json;
using Sandik.Storage.Audit;

namespace Sandik.Server.Audit;

/// <summary>
/// Records manual actions in the append-only <see cref="AuditTrail"/>: who (from the session), when, what, and the
/// state before and after as JSON. Call it before answering, so an action that was done is never unrecorded.
/// </summary>
public sealed class AuditLog(AuditTrail trail, TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public Task<AuditEntry> RecordAsync(ClaimsPrincipal actor, string action, string target, object? before, object? after, string? reason = null,
        CancellationToken ct = default) =>
        RecordAsync(Actor.Of(actor), action, target, before, after, reason, ct);

    public Task<AuditEntry> RecordAsync(Actor actor, string action, string target, object? before, object? after,
        string? reason = null, CancellationToken ct = default) =>
        trail.AppendAsync(new AuditEntry(0, time.GetUtcNow(), actor.Id, actor.Name, action, target, ToJson(before), ToJson(after), reason), ct);

    public Task<IReadOnlyList<AuditEntry>> ReadAsync(int limit, long? before, CancellationToken ct) => trail.ReadAsync(limit, before, ct);

    private static string? ToJson(object? state) => state is null ? null : JsonSerializer.Serialize(state, Json);
}
