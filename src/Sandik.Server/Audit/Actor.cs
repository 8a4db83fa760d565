using System.Security.Claims;
using Sandik.Server.Identity;

namespace Sandik.Server.Audit;

/// <summary>Who did something, as the audit trail names them.</summary>
public sealed record Actor(string Id, string Name)
{
    public static Actor Of(ClaimsPrincipal user) => new(user.IdOf() ?? "-", user.NameOf());

    /// <summary>Someone at the server's command line (who can already read the database).</summary>
    public static Actor CommandLine { get; } = new("cli", "command line (" + Environment.UserName + ")");
}
