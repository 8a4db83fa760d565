using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace Sandik.Server.Ui;

/// <summary>
/// A browser asking for an address no screen answers gets the not-found screen with status 404, and a signed-in user
/// asking for a screen their role or area does not include gets the same page saying so, with status 403; programs
/// keep the API's ProblemDetails. Someone not signed in is sent to sign in first, as for any screen, so the answer
/// tells a stranger nothing about which addresses exist.
/// </summary>
public static class NotFoundScreen
{
    public const string Path = "/not-found";

    /// <summary>Paths that belong to programs and the framework, never to a screen.</summary>
    private static readonly string[] NotScreens = ["/api", "/hubs", "/_blazor", "/_framework", "/_content", "/openapi"];

    /// <summary>Place right after the ProblemDetails status pages, which answer whatever this leaves alone.</summary>
    public static WebApplication UseNotFoundScreen(this WebApplication app)
    {
        app.UseStatusCodePagesWithReExecute(Path);
        app.Use(async (http, next) =>
        {
            await next(http);
            if (http.Features.Get<IStatusCodeReExecuteFeature>() is not null || http.Response.HasStarted) return;
            if (http.Response.StatusCode is not (StatusCodes.Status404NotFound or StatusCodes.Status403Forbidden) || !IsScreenRequest(http.Request))
            {
                // Leaves the status to the ProblemDetails pages before this one.
                if (http.Features.Get<IStatusCodePagesFeature>() is { } screen) screen.Enabled = false;
                return;
            }
            if (http.User.Identity?.IsAuthenticated != true && http.Response.StatusCode == StatusCodes.Status404NotFound) await http.ChallengeAsync();
        });
        return app;
    }

    /// <summary>A browser asking for a page: a GET that accepts HTML, outside the programs' and the framework's paths.</summary>
    public static bool IsScreenRequest(HttpRequest request) =>
        HttpMethods.IsGet(request.Method)
        && request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase)
        && !NotScreens.Any(prefix => request.Path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase));
}
