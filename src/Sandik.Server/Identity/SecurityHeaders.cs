using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Sandik.Server.Identity;

/// <summary>
/// Headers that tell browsers to trust nothing but this server: scripts, styles, images and connections from its own
/// origin only (Blazor and Leaflet are served from it), never inside a frame, no content-type guessing, no referrer
/// sent elsewhere. Inline style attributes are allowed because Blazor's bars and Leaflet's layers are drawn with them;
/// inline scripts are not.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        http.Response.OnStarting(static state =>
        {
            Apply((HttpContext)state);
            return Task.CompletedTask;
        }, http);
        return next(http);
    });

    /// <summary>Sets the headers on a response that has not started (the middleware does, for pages, files and APIs).</summary>
    public static void Apply(HttpContext http)
    {
        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "same-origin";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        // Results and personal data must not linger in shared or browser caches; files set their own policy.
        if (!headers.ContainsKey("Cache-Control")) headers.CacheControl = "no-store";
        if (http.Request.IsHttps) headers.StrictTransportSecurity = TransportSecurity;
    }

    /// <summary>
    /// The headers of an answer that only programs read (the ingest API): it is never a document, so its policy lets
    /// nothing load and nothing frame it, browsers must not guess its type, and nothing may cache it. A third of the
    /// bytes of <see cref="Apply"/>, on the answer sent most often.
    /// </summary>
    public static void ApplyToApi(HttpContext http)
    {
        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = ApiContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "no-store";
        if (http.Request.IsHttps) headers.StrictTransportSecurity = TransportSecurity;
    }

    public const string ApiContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";

    /// <summary>Over HTTPS: only HTTPS to this host for a year.</summary>
    private const string TransportSecurity = "max-age=31536000";
}
