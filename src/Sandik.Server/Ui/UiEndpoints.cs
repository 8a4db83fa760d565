using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;
using Sandik.Server.Live;
using Sandik.Server.Results;

namespace Sandik.Server.Ui;

/// <summary>What the operations centre's screens fetch besides the live circuit: the province outlines and CSV exports.</summary>
public static class UiEndpoints
{
    public const string ProvincesPath = "/api/v1/map/provinces";
    public const string ExportPath = "/api/v1/export/areas.csv";

    public static IEndpointRouteBuilder MapUi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1").WithTags("Operations centre");
        group.MapGet("/map/provinces", Provinces).WithSummary("Province outlines (GeoJSON) with area codes, for the map.");
        group.MapGet("/export/areas.csv", Export).WithSummary("A drill-down table as CSV: an area and its children (or boxes) in a source view.");
        return app;
    }

    private static Results<FileContentHttpResult, ProblemHttpResult> Provinces(ProvinceMapFile map, HttpContext http)
    {
        if (map.File is not { } file)
            return Problems.Problems.Of(StatusCodes.Status404NotFound, "No map", "There is no province map for this election's geography.");
        http.Response.Headers.Vary = HeaderNames.AcceptEncoding;
        if (!http.Request.Headers.AcceptEncoding.ToString().Contains("br", StringComparison.OrdinalIgnoreCase))
            return TypedResults.File(file.Json, "application/geo+json");
        http.Response.Headers.ContentEncoding = "br";
        return TypedResults.File(file.Brotli, "application/geo+json");
    }

    private static Results<FileContentHttpResult, ProblemHttpResult> Export(ElectionHost host, string? area, string? sources, string? race,
        string? filter, string? sort, bool? desc, string? lang)
    {
        var (live, view, problem) = ResultsEndpoints.Resolved(host, race, sources);
        if (problem is not null) return problem;
        var code = string.IsNullOrEmpty(area) ? live!.Geography.Root.Code : area;
        if (!live!.Geography.TryGetArea(code, out var found))
            return Problems.Problems.UnknownArea(code);
        var table = AreaRows.Build(live, view, found.Index);
        var rows = table.Select(live, filter, sort, desc ?? false, UiText.For(UiLanguages.Parse(lang)).Culture);
        return CsvDownload.Of(AreaCsv.Write(live, table, rows), $"sandik-{FileName(found.Code)}.csv");
    }

    private static string FileName(string code) =>
        new([.. code.Select(c => char.IsLetterOrDigit(c) || c == '-' ? c : '_')]);
}
