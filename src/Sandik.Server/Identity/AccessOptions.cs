namespace Sandik.Server.Identity;

/// <summary>Tunable limits of signing in. Bound from the <c>Sandik:Access</c> configuration section.</summary>
public sealed class AccessOptions
{
    public const string Section = "Sandik:Access";

    /// <summary>Sign-in form posts one client address may make per minute (accounts also lock after 5 failures).</summary>
    public int SignInAttemptsPerMinute { get; set; } = 30;

    /// <summary>How long a session lasts without use.</summary>
    public TimeSpan SessionIdle { get; set; } = TimeSpan.FromHours(12);
}
