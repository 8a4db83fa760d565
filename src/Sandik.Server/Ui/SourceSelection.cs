using Sandik.Domain.Sources;
using Sandik.Domain.Tallies;

namespace Sandik.Server.Ui;

/// <summary>
/// The source view a page shows, as the <c>sources</c> query names it (<c>?sources=district-office,sms</c>): every
/// counting source reconciled when it is absent (retired ones left out), else the named subset (which may name a
/// retired source, to see what it sent). Unknown ids are reported and the page falls back to all.
/// </summary>
public sealed record SourceSelection(SourceView View, bool IsAll, string? Query, IReadOnlyList<string> Unknown)
{
    public const string QueryName = "sources";

    public static SourceSelection Parse(SourceCatalog catalog, string? query)
    {
        var all = SourceView.All(catalog);
        if (string.IsNullOrWhiteSpace(query)) return new SourceSelection(all, true, null, []);
        var ids = query.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var view = SourceView.Of(catalog, ids, out var unknown);
        if (unknown.Count > 0 || view.Mask == 0) return new SourceSelection(all, true, null, unknown.Count > 0 ? unknown : ids);
        return Of(catalog, view) with { Unknown = [] };
    }

    /// <summary>The selection of a view, with its query in trust order (so equal views give equal links).</summary>
    public static SourceSelection Of(SourceCatalog catalog, SourceView view)
    {
        if (view.Mask == catalog.CountedMask || view.Mask == 0) return new SourceSelection(SourceView.All(catalog), true, null, []);
        return new SourceSelection(view, false, string.Join(',', view.SourceIds(catalog)), []);
    }

    /// <summary>A link to a page of the operations centre in this view; <paramref name="path"/> may carry its own query.</summary>
    public string Link(string path) => UiLinks.With(path, QueryName, Query);
}
