namespace Sandik.Storage.Identity;

/// <summary>
/// A person who signs in to Sandik: a role, an area scope, a password hash, a second factor. Users are disabled,
/// never deleted, so that the audit trail always names someone who existed. Mutable because the sign-in machinery
/// edits it in place and then asks the store to save it.
/// </summary>
public sealed class UserAccount
{
    public string Id { get; set; } = Guid.NewGuid().ToString("N");
    public string UserName { get; set; } = "";
    public string NormalizedUserName { get; set; } = "";
    public string? PasswordHash { get; set; }

    /// <summary>Changes whenever credentials, role, scope or status change; sessions holding an older one end.</summary>
    public string SecurityStamp { get; set; } = Guid.NewGuid().ToString("N");

    /// <summary>Guards against two saves of the same user overwriting each other.</summary>
    public string ConcurrencyStamp { get; set; } = Guid.NewGuid().ToString("N");

    /// <summary>One of the role ids (e.g. <c>administrator</c>, <c>province-coordinator</c>).</summary>
    public string Role { get; set; } = "";

    /// <summary>The area the user sees and acts in: empty for the whole country, else an area code (<c>34</c>, <c>34/Kadıköy</c>).</summary>
    public string Scope { get; set; } = "";

    public bool TwoFactorEnabled { get; set; }

    /// <summary>The shared secret of the user's authenticator app (base32); null until enrolment starts.</summary>
    public string? AuthenticatorKey { get; set; }

    public int AccessFailedCount { get; set; }
    public bool LockoutEnabled { get; set; } = true;
    public DateTimeOffset? LockoutEnd { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When an administrator disabled the user; a disabled user cannot sign in and has no session.</summary>
    public DateTimeOffset? DisabledAt { get; set; }

    public bool Disabled => DisabledAt is not null;

    public UserAccount Copy() => (UserAccount)MemberwiseClone();
}
