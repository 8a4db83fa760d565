using Microsoft.Extensions.DependencyInjection;
using Sandik.Cli.Admin;
using Sandik.Server.Audit;
using Sandik.Server.Identity;

namespace Sandik.Server.Tests.Security.Support;

/// <summary>A session on a server running in another process: the user is created in its store, then signs in through the forms.</summary>
public static class StoreSessions
{
    public static async Task<SignInForms.Outcome> ViewerAsync(string store, string url)
    {
        var name = "reader-" + Guid.NewGuid().ToString("N")[..8];
        var password = UserAdministration.NewPassword();
        await using (var services = await AdminServices.OpenAsync(store, CancellationToken.None))
        await using (var scope = services.CreateAsyncScope())
        {
            var created = await scope.ServiceProvider.GetRequiredService<UserAdministration>()
                .CreateAsync(Actor.CommandLine, name, Roles.Viewer, null, password, null);
            if (!created.Succeeded) throw new InvalidOperationException(string.Join(" ", created.Errors));
        }
        var outcome = await SignInForms.SignInAsync(url, name, password);
        return outcome.Landing == "/" ? outcome : throw new InvalidOperationException($"The viewer could not sign in: {outcome.Landing}");
    }
}
