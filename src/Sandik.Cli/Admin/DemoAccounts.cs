using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Sandik.Cli.Loading;
using Sandik.Server.Audit;
using Sandik.Server.Identity;
using Sandik.Storage.Identity;
using Spectre.Console;

namespace Sandik.Cli.Admin;

/// <summary>
/// The demo's people: a viewer who signs in with a password alone (enough to watch the night) and an administrator
/// whose second factor is already enrolled, so that its key can be printed with the password. Both passwords are
/// random and shown once; nothing about them is fixed in the code.
/// </summary>
public static class DemoAccounts
{
    public static async Task CreateAsync(IServiceProvider services, CliContext context, string url, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var admin = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>();
        var suffix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(2));

        var viewer = await admin.CreateAsync(Actor.CommandLine, $"demo-viewer-{suffix}", Roles.Viewer, null, null, null, ct);
        var administrator = await admin.CreateAsync(Actor.CommandLine, $"demo-admin-{suffix}", Roles.Administrator, null, null, null, ct);
        if (!viewer.Succeeded || !administrator.Succeeded)
            throw new InvalidOperationException("Could not create the demo users: " + string.Join(" ", viewer.Errors.Concat(administrator.Errors)));
        await users.ResetAuthenticatorKeyAsync(administrator.User!);
        await users.SetTwoFactorEnabledAsync(administrator.User!, true);
        var key = await users.GetAuthenticatorKeyAsync(administrator.User!);

        // Short lines: a terminal's width must not break a password in two.
        context.Messages.MarkupLine($"[bold]Demo sign-in[/] at {Markup.Escape(url)}{AccountEndpoints.LoginPath} (shown once):");
        context.Messages.WriteLine($"  to watch     {viewer.User!.UserName}");
        context.Messages.WriteLine($"  password     {viewer.Password}");
        context.Messages.WriteLine($"  to administer {administrator.User!.UserName}");
        context.Messages.WriteLine($"  password     {administrator.Password}");
        context.Messages.WriteLine($"  TOTP key     {key}");
        context.Messages.MarkupLine("The administrator also needs a code: add the key to an authenticator app, or run " +
            $"[grey]oathtool --totp -b {Markup.Escape(key!)}[/].");
    }
}
