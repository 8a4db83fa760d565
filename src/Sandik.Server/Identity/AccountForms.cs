namespace Sandik.Server.Identity;

/// <summary>What the sign-in forms post.</summary>
public sealed class SignInInput
{
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string? ReturnUrl { get; set; }
}

public sealed class CodeInput
{
    public string? Code { get; set; }
    public string? ReturnUrl { get; set; }
}

public sealed class SignOutInput
{
    public string? ReturnUrl { get; set; }
}

/// <summary>A form's antiforgery field, passed to the statically rendered account pages.</summary>
public sealed record FormToken(string Name, string Value);
