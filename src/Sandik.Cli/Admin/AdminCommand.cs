using Microsoft.Extensions.DependencyInjection;
using Sandik.Cli.CommandLine;
using Sandik.Cli.Loading;
using Sandik.Server.Audit;
using Sandik.Server.Identity;
using Spectre.Console;

namespace Sandik.Cli.Admin;

/// <summary>
/// <c>sandik admin</c>: the first administrator, and the way back in when no administrator can sign in. Whoever runs
/// it can already read the database, so it asks for nothing more; every change is audited as done from the command line.
/// </summary>
public static class AdminCommand
{
    public const string Usage = """
        sandik admin create --user NAME [--store CONN]          creates an administrator; the password is read from
                                                                standard input (or asked twice on a terminal)
        sandik admin disable --user NAME [--reason TEXT] [--store CONN]
                                                                ends the user's sessions and revokes the keys they issued
        sandik admin reset-two-factor --user NAME [--store CONN]  the user enrols a new authenticator at the next sign-in
        sandik admin list [--store CONN]
        """;

    public static Task<int> RunAsync(CliContext context, IReadOnlyList<string> argv, CancellationToken ct) =>
        RunAsync(context, argv, Console.IsInputRedirected ? Console.In : null, ct);

    /// <param name="passwordInput">Where the password is read from; null to ask on the terminal.</param>
    public static async Task<int> RunAsync(CliContext context, IReadOnlyList<string> argv, TextReader? passwordInput, CancellationToken ct)
    {
        if (argv.Count == 0) throw new UsageException("Say what to do: create, disable, reset-two-factor or list.");
        var args = Arguments.Parse(argv.Skip(1).ToList(), ["--user", "--reason", "--store"], []);
        await using var services = await AdminServices.OpenAsync(context.StoreConnection(args.Get("--store")), ct);
        await using var scope = services.CreateAsyncScope();
        var admin = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        switch (argv[0])
        {
            case "create":
                var name = args.Require("--user");
                var password = ReadPassword(context, passwordInput);
                return Report(context, await admin.CreateAsync(Actor.CommandLine, name, Roles.Administrator, null, password, null, ct),
                    $"Administrator '{name}' created. At the first sign-in they enrol an authenticator app (a second factor is required).");
            case "disable":
                var disabled = args.Require("--user");
                return Report(context, await admin.DisableAsync(Actor.CommandLine, disabled, args.Get("--reason") ?? "disabled from the command line", ct),
                    $"'{disabled}' is disabled: their sessions end at their next request and the keys they issued are revoked.");
            case "reset-two-factor":
                var reset = args.Require("--user");
                return Report(context, await admin.ResetSecondFactorAsync(Actor.CommandLine, reset, "reset from the command line", ct),
                    $"'{reset}' enrols a new authenticator at the next sign-in.");
            case "list":
                foreach (var u in await admin.ListAsync(ct))
                {
                    context.Out.WriteLine(string.Join('\t', u.UserName, u.Role, AreaScope.Parse(u.Scope).ToString(),
                        u.TwoFactorEnabled ? "two-factor" : "password-only", u.Disabled ? $"disabled {u.DisabledAt:u}" : "active"));
                }
                return 0;
            default:
                throw new UsageException($"Unknown admin action '{argv[0]}': use create, disable, reset-two-factor or list.");
        }
    }

    private static string ReadPassword(CliContext context, TextReader? input)
    {
        if (input is not null)
            return input.ReadLine() is { Length: > 0 } line ? line : throw new UsageException("Give the password on standard input (one line).");
        var first = context.Messages.Prompt(new TextPrompt<string>("Password (12 characters or more):").Secret());
        var second = context.Messages.Prompt(new TextPrompt<string>("Again:").Secret());
        return first == second ? first : throw new UsageException("The two passwords differ.");
    }

    private static int Report(CliContext context, UserAdministration.Outcome outcome, string success)
    {
        if (outcome.Succeeded)
        {
            context.Messages.MarkupLine(Markup.Escape(success));
            return 0;
        }
        foreach (var error in outcome.Errors) context.Messages.MarkupLine($"[red]{Markup.Escape(error)}[/]");
        return 1;
    }
}
