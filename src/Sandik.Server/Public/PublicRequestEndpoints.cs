using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Sandik.Domain.Submissions;
using Sandik.Server.Components.Public;
using Sandik.Server.Hosting;
using Sandik.Server.Incidents;
using Sandik.Server.Live;
using Sandik.Server.Ui;

namespace Sandik.Server.Public;

/// <summary>
/// The citizens' request form, without signing in, where the server publishes its count (<see cref="SandikServerOptions.PublicResults"/>):
/// a page with a plain form, and its post. A post is one citizen's request to the incident desk, like
/// <c>POST /api/v1/requests</c> and under the same limit per client address; the answer is the page again, with the
/// reference to quote or what is missing. The form takes no antiforgery token: it acts for nobody signed in and can
/// only add a citizen's request, which the limit per address bounds.
/// </summary>
public static class PublicRequestEndpoints
{
    public const string Path = "/public/request";

    public static IEndpointRouteBuilder MapPublicRequests(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, Form).ExcludeFromDescription();
        app.MapPost(Path, SendAsync).ExcludeFromDescription().DisableAntiforgery().RequireRateLimiting(IncidentEndpoints.RequestLimit);
        return app;
    }

    private static IResult Form(ElectionHost host, IOptions<SandikServerOptions> options, string? lang) =>
        options.Value.PublicResults ? Page(host, UiText.For(UiLanguages.Parse(lang)), null, [], null, StatusCodes.Status200OK) : NotPublished();

    private static async Task<IResult> SendAsync(HttpRequest request, ElectionHost host, IncidentDesk desk, IOptions<SandikServerOptions> options, CancellationToken ct)
    {
        if (!options.Value.PublicResults) return NotPublished();
        if (!request.HasFormContentType)
            return Problems.Problems.Of(StatusCodes.Status415UnsupportedMediaType, "Not a form", "Send the request form (application/x-www-form-urlencoded).");
        var form = await request.ReadFormAsync(ct);
        string? Field(string name) => form.TryGetValue(name, out var value) && value.ToString() is { Length: > 0 } text ? text : null;
        var text = UiText.For(UiLanguages.Parse(Field("lang") ?? request.Query["lang"].ToString()));
        var sent = new CitizenRequest(Field("category"), Field("area"), null, Field("text"), Field("contact"), Field("name"));
        var outcome = await desk.RequestAsync(sent, ct);
        return outcome.Incident is { } incident
            ? Page(host, text, null, [], incident.Id, StatusCodes.Status201Created)
            : Page(host, text, sent, outcome.Errors, null, StatusCodes.Status422UnprocessableEntity);
    }

    /// <summary>
    /// The answer to a form posted beyond the limit per address: the form again, saying to wait, with status 429 (the
    /// page's language from its address; what was typed is not read, so that a flood costs no parsing).
    /// </summary>
    public static Task RejectedAsync(HttpContext http)
    {
        http.Response.Headers.RetryAfter = "60";
        var text = UiText.For(UiLanguages.Parse(http.Request.Query["lang"].ToString()));
        var errors = new[] { new FieldError("", "too_many", "Too many requests from this address in a short time; send it again in a minute.") };
        return Page(http.RequestServices.GetRequiredService<ElectionHost>(), text, null, errors, null, StatusCodes.Status429TooManyRequests).ExecuteAsync(http);
    }

    private static RazorComponentResult<PublicRequestPage> Page(ElectionHost host, UiText text, CitizenRequest? form, IReadOnlyList<FieldError> errors,
        long? reference, int status) =>
        new(new
        {
            T = text,
            Form = form ?? new CitizenRequest(null, null, null, null, null, null),
            Errors = errors,
            Reference = reference,
            Provinces = ProvinceList.Of(host.Election.Geography, CultureInfo.GetCultureInfo(text.Language == UiLanguage.En ? "en-GB" : "tr-TR")),
        })
        { StatusCode = status };

    private static ProblemHttpResult NotPublished() => Problems.Problems.Of(StatusCodes.Status404NotFound, "Not published",
        "This server has no public pages (start it with --public-results).");
}
