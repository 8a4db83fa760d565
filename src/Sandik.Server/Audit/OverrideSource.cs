using LocalizedText = Sandik.Domain.LocalizedText;
using Sandik.Domain.Sources;

namespace Sandik.Server.Audit;

/// <summary>
/// Headquarters' own source, ranked above every other: a tally it sends for a box becomes the box's counted tally.
/// Nothing reaches it through the ingest API (no key can be issued for it); only the audited override action
/// submits as it, through the same log as every other source.
/// </summary>
public static class OverrideSource
{
    public const string Id = "hq-override";

    public static bool IsIn(SourceCatalog catalog) => catalog.IndexOf(Id) >= 0;

    /// <summary>The catalogue with the override source added above the best-ranked source (unchanged if it is there).</summary>
    public static SourceCatalog AddTo(SourceCatalog catalog) => IsIn(catalog)
        ? catalog
        : new SourceCatalog(catalog.Sources.Append(new Source(Id, new LocalizedText("Genel merkez düzeltmesi", "HQ override"),
            Math.Min(0, catalog.Sources.Min(s => s.TrustRank) - 1))));
}
