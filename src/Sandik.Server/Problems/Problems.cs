using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Sandik.Domain.Submissions;

namespace Sandik.Server.Problems;

/// <summary>The one way Sandik's API says no: RFC 9457 problem details, with field-level reasons where there are any.</summary>
public static class Problems
{
    public static ProblemHttpResult Of(int status, string title, string detail, IReadOnlyList<FieldError>? reasons = null, IDictionary<string, object?>? extra = null)
    {
        var extensions = new Dictionary<string, object?>(extra ?? new Dictionary<string, object?>());
        if (reasons is { Count: > 0 })
        {
            extensions["errors"] = reasons.GroupBy(r => r.Field).ToDictionary(g => g.Key, g => g.Select(r => r.Message).ToArray());
            extensions["reasons"] = reasons.Select(r => new { field = r.Field, code = r.Code, message = r.Message }).ToArray();
        }
        return TypedResults.Problem(detail: detail, statusCode: status, title: title, extensions: extensions);
    }

    public static ProblemHttpResult BadRequest(string detail) => Of(StatusCodes.Status400BadRequest, "Malformed request", detail);

    public static ProblemHttpResult UnknownArea(string code) => Of(StatusCodes.Status404NotFound, "Unknown area", $"There is no area '{code}'.");
}
