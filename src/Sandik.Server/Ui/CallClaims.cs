using System.Collections.Concurrent;

namespace Sandik.Server.Ui;

/// <summary>
/// Which operator is phoning which box, so that two operators working down the same list do not call the same box:
/// a claim holds a box for <see cref="Hold"/> (a call and its sheet take a few minutes) or until the box reports.
/// Kept by each server: in a cluster, operators on different nodes see only their node's claims. Thread-safe.
/// </summary>
public sealed class CallClaims(TimeProvider time)
{
    public static readonly TimeSpan Hold = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<string, Claim> _claims = new(StringComparer.Ordinal);

    public sealed record Claim(string Operator, DateTimeOffset Until);

    /// <summary>The live claim on a box, if any.</summary>
    public Claim? Of(string boxCode) =>
        _claims.TryGetValue(boxCode, out var claim) && claim.Until > time.GetUtcNow() ? claim : null;

    /// <summary>The claims in force, by box code.</summary>
    public IEnumerable<KeyValuePair<string, Claim>> Live()
    {
        var now = time.GetUtcNow();
        return _claims.Where(c => c.Value.Until > now);
    }

    /// <summary>Claims a box for an operator (again, for the one holding it); the claim in force when another holds it.</summary>
    public (bool Taken, Claim Claim) TryClaim(string boxCode, string operatorName)
    {
        var now = time.GetUtcNow();
        var mine = new Claim(operatorName, now + Hold);
        while (true)
        {
            if (_claims.TryGetValue(boxCode, out var held))
            {
                if (held.Until > now && held.Operator != operatorName) return (false, held);
                if (_claims.TryUpdate(boxCode, mine, held)) return (true, mine);
            }
            else if (_claims.TryAdd(boxCode, mine)) return (true, mine);
        }
    }

    /// <summary>Lets a box go (the operator's own claim only).</summary>
    public void Release(string boxCode, string operatorName)
    {
        if (_claims.TryGetValue(boxCode, out var held) && held.Operator == operatorName) _claims.TryRemove(KeyValuePair.Create(boxCode, held));
    }

    /// <summary>Forgets the claims that ran out (called as the list is read, so the table stays as small as the claims in force).</summary>
    public void Prune()
    {
        var now = time.GetUtcNow();
        foreach (var (code, claim) in _claims)
        {
            if (claim.Until <= now) _claims.TryRemove(KeyValuePair.Create(code, claim));
        }
    }
}
