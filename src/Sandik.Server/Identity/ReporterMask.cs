using System.Security.Claims;

namespace Sandik.Server.Identity;

/// <summary>
/// The reporter of a submission may be a volunteer's name or phone number: shown in full only to roles that call
/// volunteers back (<see cref="Permission.SeeReporter"/>); others see the last two characters, enough to tell two
/// reporters apart on one box.
/// </summary>
public static class ReporterMask
{
    public static string? For(ClaimsPrincipal user, string? reporter) => user.Has(Permission.SeeReporter) ? reporter : Mask(reporter);

    public static string? Mask(string? reporter) => reporter switch
    {
        null => null,
        { Length: >= 6 } r => "••••" + r[^2..],
        _ => "••••",
    };
}
