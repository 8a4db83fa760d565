using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Sandik.Domain.Tallies;
using Sandik.Server.Anomalies;
using Sandik.Server.Identity;
using Sandik.Server.Live;

namespace Sandik.Server.Ui;

/// <summary>The call list as an API, for a call centre's own dialling system: <c>GET /api/v1/calls?area=&amp;top=</c>.</summary>
public static class CallEndpoints
{
    public const string Path = "/api/v1/calls";
    public const string ClaimPath = "/api/v1/calls/claim";
    public const int DefaultTop = 200;
    public const int MaxTop = 5_000;

    public static IEndpointRouteBuilder MapCalls(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, List).WithTags("Call centre")
            .WithSummary("The boxes no source has reported yet, in the caller's scope or an area of it: golden boxes first, then the most registered voters; the caller's own claims first, boxes other operators are calling last.");
        app.MapPost(ClaimPath, Claim).WithTags("Call centre")
            .WithSummary("Claims a box for the signed-in operator for 10 minutes, so that no other operator calls it meanwhile (409 when another holds it).");
        return app;
    }

    private static async Task<Results<Ok<CallClaims.Claim>, ProblemHttpResult>> Claim(ElectionHost host, CallClaims claims, ClaimsPrincipal user, string code,
        CancellationToken ct)
    {
        if (!host.DefaultRace.Geography.TryGetBox(code, out _)) return Problems.Problems.Of(StatusCodes.Status404NotFound, "Unknown box", $"There is no box '{code}'.");
        var (taken, claim) = await claims.TryClaimAsync(code, user.NameOf(), ct);
        return taken ? TypedResults.Ok(claim)
            : Problems.Problems.Of(StatusCodes.Status409Conflict, "Box claimed", $"{claim.Operator} is calling this box until {claim.Until:HH:mm} UTC.");
    }

    private static Results<Ok<CallListing>, ProblemHttpResult> List(ElectionHost host, CallList calls, ClaimsPrincipal user,
        string? area, int? top)
    {
        var live = host.DefaultRace;
        var geography = live.Geography;
        var requested = string.IsNullOrWhiteSpace(area) ? null : area.Trim();
        if (requested is not null && !geography.TryGetArea(requested, out _)) return Problems.Problems.UnknownArea(requested);
        if (!AnomalyScope.Narrow(geography, user.ScopeOf(), requested, out var narrowed))
            return Problems.Problems.Of(StatusCodes.Status403Forbidden, "Outside your scope", $"Area '{requested}' is outside your scope.");
        var within = narrowed is not null && geography.TryGetArea(narrowed, out var found) ? found : geography.Root;
        var listing = calls.Of(live, SourceView.All(live.Sources), within, Math.Clamp(top ?? DefaultTop, 1, MaxTop), user.NameOf());
        return TypedResults.Ok(new CallListing(within.Code, within.Name, listing.Outstanding, listing.OutstandingRegistered, listing.GoldenOutstanding,
            [.. listing.First.Select(b => new CallListing.Box(b.Code, b.Registered, b.Golden, [.. b.Path.Select(p => p.Name)], b.Claim?.Operator, b.Claim?.Until))],
            [.. listing.ByArea.Select(g => new CallListing.Gap(g.Area.Code, g.Area.Name, g.Boxes, g.Registered))]));
    }

    public sealed record CallListing(string Area, string Name, int Outstanding, long OutstandingRegistered, int GoldenOutstanding,
        IReadOnlyList<CallListing.Box> Boxes, IReadOnlyList<CallListing.Gap> ByArea)
    {
        public sealed record Box(string Code, int Registered, bool Golden, IReadOnlyList<string> Path, string? ClaimedBy, DateTimeOffset? ClaimedUntil);

        public sealed record Gap(string Code, string Name, int Boxes, long Registered);
    }
}
