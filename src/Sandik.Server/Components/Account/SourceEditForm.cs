using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Logging;
using Sandik.Domain.Sources;
using Sandik.Server.Audit;
using Sandik.Server.Ui;

namespace Sandik.Server.Components.Account;

/// <summary>
/// A form of the sources screen that makes one audited edit of the catalogue (ranks, a new source, a retirement):
/// the button is held while the edit runs, a refusal is told field by field in the screen's language, and a store
/// that fails or keeps changing is told as such and logged without ending the administrator's session.
/// </summary>
public abstract class SourceEditForm : ComponentBase
{
    [Inject] protected SourceAdministration Sources { get; set; } = null!;
    [Inject] private ILoggerFactory Logs { get; set; } = null!;

    /// <summary>The catalogue the screen shows (the live race's, so that it follows changes made elsewhere).</summary>
    [Parameter, EditorRequired] public SourceCatalog Catalog { get; set; } = null!;

    [CascadingParameter] public Task<AuthenticationState> Authentication { get; set; } = null!;
    [CascadingParameter] public UiText T { get; set; } = UiText.Turkish;

    /// <summary>Whether an edit is running (its buttons are disabled meanwhile).</summary>
    protected bool Busy { get; private set; }

    /// <summary>What became of the last edit, shown beside its form.</summary>
    protected sealed record Message(bool Done, string Text);

    protected string SourceName(string id) => Catalog.Find(id) is { } s ? T.Of(s.Name) : id;

    /// <summary>Runs one edit as the signed-in user; <paramref name="change"/> returns the outcome and, when done, what to say.</summary>
    protected async Task<Message> RunAsync(Func<ClaimsPrincipal, Task<(SourceAdministration.Outcome Outcome, string? Done)>> change)
    {
        Busy = true;
        try
        {
            var (outcome, done) = await change((await Authentication).User);
            var text = outcome.Done ? done! : string.Join(" ", outcome.Errors.Select(e => T.SourceRefusal(e, SourceName)));
            return new Message(outcome.Done, outcome.AppliesAfterRestart ? text + T.AppliesAfterRestart : text);
        }
        catch (Exception e)
        {
            Logs.CreateLogger(GetType()).LogError(e, "Changing the sources from the sources screen failed");
            return new Message(false, T.SourcesBusy);
        }
        finally
        {
            Busy = false;
        }
    }
}
