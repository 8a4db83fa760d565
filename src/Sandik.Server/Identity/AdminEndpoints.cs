using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Sandik.Server.Audit;
using Sandik.Server.Live;
using Sandik.Storage.Identity;

namespace Sandik.Server.Identity;

/// <summary>Users and source API keys, for administrators. Every change is audited.</summary>
public static class AdminEndpoints
{
    public sealed record UserInfo(string Name, string Role, string Scope, bool TwoFactor, bool Disabled, DateTimeOffset CreatedAt);
    public sealed record NewUser(string? Name, string? Role, string? Scope);
    public sealed record UserChange(string? Role, string? Scope);
    public sealed record Reason(string? Text);
    public sealed record NewKey(string? Source, string? Label);
    public sealed record CreatedUser(UserInfo User, string Password);

    public static IEndpointRouteBuilder MapAdministration(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/admin").WithTags("Administration");
        group.MapGet("/users", ListUsers).WithSummary("Every user with role, scope and status.");
        group.MapPost("/users", CreateUser).WithSummary("Create a user; the first password is generated and shown once.");
        group.MapPut("/users/{name}", ChangeUser).WithSummary("Change a user's role and scope (ends their sessions).");
        group.MapPost("/users/{name}/disable", DisableUser).WithSummary("Disable a user: sessions end and keys they issued are revoked at once.");
        group.MapGet("/keys", ListKeys).WithSummary("Source API keys (never their secrets).");
        group.MapPost("/keys", IssueKey).WithSummary("Issue a source API key; its text is shown once.");
        group.MapPost("/keys/{id}/revoke", RevokeKey).WithSummary("Revoke a source API key at once.");
        return app;
    }

    private static async Task<Ok<IReadOnlyList<UserInfo>>> ListUsers(UserAdministration admin, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<UserInfo>>([.. (await admin.ListAsync(ct)).Select(Info)]);

    private static async Task<Results<Ok<CreatedUser>, ProblemHttpResult>> CreateUser(NewUser request, ClaimsPrincipal user, UserAdministration admin,
        ElectionHost host, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Name) || request.Role is null) return Problems.Problems.BadRequest("Give the user's name and role.");
        var outcome = await admin.CreateAsync(Actor.Of(user), request.Name, request.Role, request.Scope, null, host.Election.Geography, ct);
        return outcome.Succeeded ? TypedResults.Ok(new CreatedUser(Info(outcome.User!), outcome.Password!)) : Refused(outcome);
    }

    private static async Task<Results<Ok<UserInfo>, ProblemHttpResult>> ChangeUser(string name, UserChange request, ClaimsPrincipal user,
        UserAdministration admin, ElectionHost host, CancellationToken ct)
    {
        if (request.Role is null) return Problems.Problems.BadRequest("Give the user's role (and scope, empty for the whole country).");
        var outcome = await admin.ChangeAsync(Actor.Of(user), name, request.Role, request.Scope, host.Election.Geography, ct);
        return outcome.Succeeded ? TypedResults.Ok(Info(outcome.User!)) : Refused(outcome);
    }

    private static async Task<Results<Ok<UserInfo>, ProblemHttpResult>> DisableUser(string name, Reason? reason, ClaimsPrincipal user,
        UserAdministration admin, CancellationToken ct)
    {
        var outcome = await admin.DisableAsync(Actor.Of(user), name, reason?.Text, ct);
        return outcome.Succeeded ? TypedResults.Ok(Info(outcome.User!)) : Refused(outcome);
    }

    private static async Task<Ok<IReadOnlyList<KeyAdministration.KeyInfo>>> ListKeys(KeyAdministration keys, CancellationToken ct) =>
        TypedResults.Ok(await keys.ListAsync(ct));

    private static async Task<Results<Ok<KeyAdministration.Issued>, ProblemHttpResult>> IssueKey(NewKey request, ClaimsPrincipal user,
        KeyAdministration keys, CancellationToken ct)
    {
        var (issued, refusal) = await keys.IssueAsync(user, request.Source, request.Label, ct);
        return issued is not null ? TypedResults.Ok(issued) : Problems.Problems.Of(StatusCodes.Status422UnprocessableEntity, "Key not issued", refusal!);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeKey(string id, Reason? reason, ClaimsPrincipal user, KeyAdministration keys,
        CancellationToken ct) =>
        await keys.RevokeAsync(user, id, reason?.Text, ct)
            ? TypedResults.NoContent()
            : Problems.Problems.Of(StatusCodes.Status404NotFound, "Unknown key", $"There is no active key '{id}'.");

    private static UserInfo Info(UserAccount u) => new(u.UserName, u.Role, u.Scope, u.TwoFactorEnabled, u.Disabled, u.CreatedAt);

    private static ProblemHttpResult Refused(UserAdministration.Outcome outcome) =>
        Problems.Problems.Of(StatusCodes.Status422UnprocessableEntity, "Not done", string.Join(" ", outcome.Errors));
}
