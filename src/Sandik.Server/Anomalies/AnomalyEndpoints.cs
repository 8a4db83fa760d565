using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Sandik.Domain.Anomalies;
using Sandik.Server.Identity;
using Sandik.Server.Live;
using Sandik.Server.Ui;

namespace Sandik.Server.Anomalies;

/// <summary>
/// The live anomaly ranking (default race, all sources): boxes most likely miscounted with the reasons, as JSON or
/// CSV, the flagged boxes per area for the map, and where to send extra observers. Each lists only what lies inside
/// the user's scope (<see cref="AnomalyScope"/>).
/// </summary>
public static class AnomalyEndpoints
{
    public const string ListPath = "/api/v1/anomalies";
    public const string CsvPath = "/api/v1/anomalies.csv";
    public const string ReinforcementPath = "/api/v1/anomalies/reinforcement";
    public const string MapPath = "/api/v1/anomalies/map";
    private const int DefaultTop = 100, MaxTop = 5_000, DefaultCsvTop = 5_000;

    public static IEndpointRouteBuilder MapAnomalies(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1").WithTags("Anomalies");
        group.MapGet("/anomalies", List).WithSummary("Boxes ranked by how likely their count is wrong, with reasons (default race, all sources).");
        group.MapGet("/anomalies.csv", Csv).WithSummary("The anomaly ranking as CSV (il,ilce,sandik,score,reasons,…), as 'sandik anomalies --format csv' writes it.");
        group.MapGet("/anomalies/reinforcement", Reinforcement).WithSummary("Flagged boxes by district: where to send an extra observer for the next round.");
        group.MapGet("/anomalies/map", Map).WithSummary("Flagged boxes per province, or per district of one province.");
        return app;
    }

    private static Results<Ok<AnomalyListing>, ProblemHttpResult> List(LiveAnomalies anomalies, ElectionHost host, ClaimsPrincipal user, HttpRequest request,
        string? area, string? check, int? top, [FromQuery(Name = "min-score")] double? minScore, string? lang)
    {
        var parsed = Parse(host, user, area, check, top ?? DefaultTop, MaxTop, minScore);
        if (parsed.Problem is not null) return parsed.Problem;
        var language = Language(request, lang);
        var report = parsed.Query is { } query ? anomalies.Report(query) : null;
        IReadOnlyList<AnomalyBox> boxes = report is null ? [] : [.. report.Boxes.Select(b => AnomalyBox.From(b, language))];
        return TypedResults.Ok(new AnomalyListing(host.DefaultRace.Race.Id, anomalies.Status, parsed.Area, parsed.Check?.Id(), boxes));
    }

    private static Results<FileContentHttpResult, ProblemHttpResult> Csv(LiveAnomalies anomalies, ElectionHost host, ClaimsPrincipal user,
        string? area, string? check, int? top, [FromQuery(Name = "min-score")] double? minScore)
    {
        var parsed = Parse(host, user, area, check, top ?? DefaultCsvTop, host.Election.Geography.Boxes.Count, minScore);
        if (parsed.Problem is not null) return parsed.Problem;
        var report = parsed.Query is { } query ? anomalies.Report(query) : null;
        using var text = new StringWriter { NewLine = "\n" };
        AnomalyCsv.Write(report?.Boxes ?? [], text);
        return CsvDownload.Of(text.ToString(), "sandik-anomalies.csv");
    }

    private static Results<Ok<IReadOnlyList<ReinforcementDistrict>>, ProblemHttpResult> Reinforcement(LiveAnomalies anomalies, ElectionHost host,
        ClaimsPrincipal user, HttpRequest request, string? area, int? top, [FromQuery(Name = "min-score")] double? minScore, string? lang)
    {
        var parsed = Parse(host, user, area, null, top ?? int.MaxValue, 20_000, minScore);
        if (parsed.Problem is not null) return parsed.Problem;
        var language = Language(request, lang);
        IReadOnlyList<DistrictReinforcement> districts = parsed.Query is not { } query ? []
            : top is null && minScore is null ? anomalies.Flagged()?.Reinforcement(query.Area) ?? []
            : anomalies.Report(query)?.ReinforcementByDistrict() ?? [];
        IReadOnlyList<ReinforcementDistrict> list = [.. districts.Select(d => new ReinforcementDistrict(d.ProvinceCode, d.Province, d.DistrictCode, d.District,
            [.. d.Boxes.Select(b => AnomalyBox.From(b, language))]))];
        return TypedResults.Ok(list);
    }

    private static Results<Ok<AnomalyMap>, ProblemHttpResult> Map(LiveAnomalies anomalies, ElectionHost host, ClaimsPrincipal user, string? province)
    {
        var parsed = Parse(host, user, province, null, 1, 1, null);
        if (parsed.Problem is not null) return parsed.Problem;
        IReadOnlyList<FlaggedArea> areas = parsed.Query is null ? [] : anomalies.Flagged()?.Counts(parsed.Area) ?? [];
        return TypedResults.Ok(new AnomalyMap(anomalies.Status, parsed.Area, areas));
    }

    /// <summary>The query a request asks for inside the user's scope (null query: nothing there), or the problem with it.</summary>
    private static Parsed Parse(ElectionHost host, ClaimsPrincipal user, string? area, string? check, int top, int maxTop, double? minScore)
    {
        AnomalyCheck? parsedCheck = null;
        if (!string.IsNullOrWhiteSpace(check))
        {
            if (!AnomalyChecks.TryParse(check.Trim(), out var c)) return new Parsed(null, null, null, BadCheck(check));
            parsedCheck = c;
        }
        var geography = host.Election.Geography;
        var scope = user.ScopeOf();
        var requested = string.IsNullOrWhiteSpace(area) ? null : area.Trim();
        if (requested is not null && scope.IsNational && !geography.TryGetArea(requested, out _))
            return new Parsed(null, null, parsedCheck, Problems.Problems.UnknownArea(requested));
        if (!AnomalyScope.Narrow(geography, scope, requested, out var narrowed)) return new Parsed(null, requested, parsedCheck, null);
        var query = new AnomalyQuery(narrowed, parsedCheck, minScore ?? double.NegativeInfinity, Math.Clamp(top, 1, maxTop));
        return new Parsed(query, narrowed, parsedCheck, null);
    }

    private static ProblemHttpResult BadCheck(string? check) => Problems.Problems.Of(StatusCodes.Status400BadRequest, "Unknown check",
        $"Unknown check '{check}'. Checks: {string.Join(", ", AnomalyChecks.All.Select(c => c.Id()))}.");

    /// <summary>The <c>lang</c> query, else the screens' language cookie; Turkish unless English is asked for.</summary>
    private static UiLanguage Language(HttpRequest request, string? lang) =>
        UiLanguages.Parse(lang ?? request.Cookies[UiLanguages.Cookie]);

    private sealed record Parsed(AnomalyQuery? Query, string? Area, AnomalyCheck? Check, ProblemHttpResult? Problem);
}
