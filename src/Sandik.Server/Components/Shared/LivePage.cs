using System.Diagnostics;
using Microsoft.AspNetCore.Components;
using Sandik.Domain.Sources;
using Sandik.Domain.Tallies;
using Sandik.Server.Live;
using Sandik.Server.Ui;

namespace Sandik.Server.Components.Shared;

/// <summary>
/// A screen that follows the night: it reads the source view from the <c>sources</c> query, computes what it shows
/// in <see cref="Refresh"/>, and computes again whenever the live state changes (pushes come at most every 200 ms;
/// screens whose view needs a scan of every box refresh at most once per <see cref="SlowRefresh"/>). A push that
/// arrives while a refresh is waiting adds nothing, so a slow circuit never queues work.
/// </summary>
public abstract class LivePage : ComponentBase, IDisposable
{
    public static readonly TimeSpan SlowRefresh = TimeSpan.FromSeconds(1);

    private IDisposable? _subscription;
    private int _pending;
    private long _lastRefresh;

    [Inject] protected ElectionHost Host { get; set; } = null!;
    [Inject] protected NavigationManager Nav { get; set; } = null!;
    [Inject] private LiveNotifier Notifier { get; set; } = null!;

    [CascadingParameter] public UiText T { get; set; } = UiText.Turkish;

    [SupplyParameterFromQuery(Name = SourceSelection.QueryName)] public string? Sources { get; set; }

    protected LiveRace Live => Host.DefaultRace;

    protected SourceCatalog Catalog => Live.Sources;

    protected SourceSelection Selection { get; private set; } = null!;

    protected SourceView View => Selection.View;

    /// <summary>Whether this view is a subset other than one source, summed by scanning every box.</summary>
    protected bool ViewIsScanned => !Selection.IsAll && View.SingleSource < 0;

    protected override void OnInitialized()
    {
        if (RendererInfo.IsInteractive) _subscription = Notifier.Subscribe(OnLiveUpdate);
    }

    protected override void OnParametersSet()
    {
        Selection = SourceSelection.Parse(Catalog, Sources);
        Refresh();
        _lastRefresh = Stopwatch.GetTimestamp();
    }

    /// <summary>Computes what the screen shows from the live state; called on the circuit's dispatcher.</summary>
    protected abstract void Refresh();

    /// <summary>A link to another screen in the same source view.</summary>
    protected string Link(string path) => Selection.Link(path);

    private Task OnLiveUpdate(LiveUpdate update)
    {
        if (Interlocked.Exchange(ref _pending, 1) == 1) return Task.CompletedTask;
        _ = InvokeAsync(async () =>
        {
            try
            {
                var wait = (ViewIsScanned || RefreshesSlowly ? SlowRefresh : TimeSpan.Zero) - Stopwatch.GetElapsedTime(_lastRefresh);
                if (wait > TimeSpan.Zero) await Task.Delay(wait);
                Interlocked.Exchange(ref _pending, 0);
                if (_subscription is null) return;
                // The catalogue may have changed (a source added or retired): the view of all sources follows it.
                Selection = SourceSelection.Parse(Catalog, Sources);
                Refresh();
                _lastRefresh = Stopwatch.GetTimestamp();
                StateHasChanged();
            }
            catch (Exception e)
            {
                await DispatchExceptionAsync(e);
            }
        });
        return Task.CompletedTask;
    }

    /// <summary>Screens whose refresh is costly whatever the view (e.g. listing every conflict) say so here.</summary>
    protected virtual bool RefreshesSlowly => false;

    public virtual void Dispose()
    {
        _subscription?.Dispose();
        _subscription = null;
    }
}
