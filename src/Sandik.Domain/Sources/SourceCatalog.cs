using System.Text.Json;

namespace Sandik.Domain.Sources;

/// <summary>
/// The sources of an election and their order of trust. Each source has an index (its bit in a view's mask, its slot
/// in a box's ledger); a new catalogue numbers its sources in trust order, index 0 the most trusted, equal ranks by
/// id so that the order, and with it every reconciliation, is deterministic. A catalogue re-ranked with
/// <see cref="WithRanks"/> keeps every source's index and changes <see cref="TrustOrder"/> only, so that masks, ledgers
/// and per-source totals built on the old one keep their meaning; so does a source added on a running server
/// (<see cref="WithSource"/>: the next index) or retired (<see cref="WithRetired"/>: its index stays, out of
/// <see cref="CountedMask"/>). Immutable.
/// </summary>
public sealed class SourceCatalog
{
    /// <summary>The most sources one catalogue may hold (views over subsets are bit masks).</summary>
    public const int MaxSources = 31;

    private readonly Dictionary<string, int> _index;
    private readonly int[] _trustOrder;

    public SourceCatalog(IEnumerable<Source> sources) : this(ByTrust(sources), numbered: false)
    {
    }

    private SourceCatalog(List<Source> sources, bool numbered)
    {
        Sources = sources;
        if (Sources.Count == 0) throw new DefinitionException("A source catalogue needs at least one source.");
        if (Sources.Count > MaxSources) throw new DefinitionException($"A source catalogue holds at most {MaxSources} sources.");
        _index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var source in Sources)
        {
            if (string.IsNullOrWhiteSpace(source.Id)) throw new DefinitionException("Every source needs an id.");
            if (!_index.TryAdd(source.Id, _index.Count)) throw new DefinitionException($"Source '{source.Id}' is listed twice.");
        }
        _trustOrder = numbered
            ? [.. ByTrust(Sources).Select(s => _index[s.Id])]
            : [.. Enumerable.Range(0, Sources.Count)];
        for (var i = 0; i < Sources.Count; i++)
        {
            if (!Sources[i].Retired) CountedMask |= 1u << i;
        }
    }

    private static List<Source> ByTrust(IEnumerable<Source> sources) =>
        [.. sources.OrderBy(s => s.TrustRank).ThenBy(s => s.Id, StringComparer.Ordinal)];

    /// <summary>Sources by index: in trust order, best first, unless the catalogue was re-ranked (see <see cref="TrustOrder"/>).</summary>
    public IReadOnlyList<Source> Sources { get; }

    /// <summary>The sources' indexes in trust order, best first.</summary>
    public ReadOnlySpan<int> TrustOrder => _trustOrder;

    /// <summary>The sources in trust order, best first.</summary>
    public IEnumerable<Source> ByTrustRank => _trustOrder.Select(i => Sources[i]);

    public int Count => Sources.Count;

    /// <summary>Index of a source (its bit in a view's mask), or -1 when unknown.</summary>
    public int IndexOf(string sourceId) => _index.GetValueOrDefault(sourceId, -1);

    /// <summary>A bit mask with every source set, retired ones included.</summary>
    public uint AllMask => Count == 32 ? uint.MaxValue : (1u << Count) - 1;

    /// <summary>The sources that count when a view names none: every source but the retired ones.</summary>
    public uint CountedMask { get; }

    /// <summary>The source of an id, or null when unknown.</summary>
    public Source? Find(string sourceId) => IndexOf(sourceId) is var i and >= 0 ? Sources[i] : null;

    /// <summary>
    /// A catalogue with the same sources under the same indexes and new ranks (ids not named keep theirs): only the
    /// order of trust changes.
    /// </summary>
    public SourceCatalog WithRanks(IReadOnlyDictionary<string, int> ranks) =>
        new([.. Sources.Select(s => ranks.TryGetValue(s.Id, out var rank) ? s with { TrustRank = rank } : s)], numbered: true);

    /// <summary>
    /// This catalogue with one more source under the next index: the others keep theirs, so masks, ledgers and totals
    /// built on this catalogue keep their meaning.
    /// </summary>
    /// <exception cref="DefinitionException">The id is taken, or the catalogue is full.</exception>
    public SourceCatalog WithSource(Source source)
    {
        if (IndexOf(source.Id) >= 0) throw new DefinitionException($"Source '{source.Id}' is listed already.");
        return new([.. Sources, source], numbered: true);
    }

    /// <summary>This catalogue with one source retired from the count, or taken back into it (its index stays).</summary>
    public SourceCatalog WithRetired(string sourceId, bool retired)
    {
        if (IndexOf(sourceId) < 0) throw new DefinitionException($"There is no source '{sourceId}'.");
        return new([.. Sources.Select(s => s.Id == sourceId ? s with { Retired = retired } : s)], numbered: true);
    }

    /// <summary>
    /// Another copy of this catalogue (the stored one, read back in its own order) taken in under this one's indexes:
    /// each source with the other's name, rank and retirement, and the sources only the other holds added under the
    /// next indexes (in trust order, then by id, so that every server numbers them alike). Null when the other lacks
    /// one of this catalogue's sources: a source is retired, never removed, so only a restart can take that in.
    /// </summary>
    public SourceCatalog? Adopting(SourceCatalog other)
    {
        if (Sources.Any(s => other.IndexOf(s.Id) < 0)) return null;
        var kept = Sources.Select(s => other.Sources[other.IndexOf(s.Id)]);
        var added = ByTrust(other.Sources.Where(s => IndexOf(s.Id) < 0));
        return new([.. kept, .. added], numbered: true);
    }

    /// <summary>Whether two catalogues hold the same sources with the same ranks, names and retirement (indexes aside).</summary>
    public bool SameAs(SourceCatalog other) =>
        other.Count == Count && Sources.All(s => other.Find(s.Id) == s);

    /// <summary>Reads a catalogue file: <c>{"sources":[{"id":..,"name":{"tr":..,"en":..},"trustRank":1}]}</c>.</summary>
    public static SourceCatalog Read(Stream json, string fileName)
    {
        try
        {
            var dto = JsonSerializer.Deserialize<CatalogDto>(json, new JsonSerializerOptions { PropertyNameCaseInsensitive = true });
            if (dto?.Sources is not { Count: > 0 }) throw new DefinitionException($"{fileName}: no sources listed.");
            return new SourceCatalog(dto.Sources.Select(s => new Source(
                s.Id ?? throw new DefinitionException($"{fileName}: a source has no id."),
                new LocalizedText(s.Name?.Tr ?? s.Id, s.Name?.En ?? s.Name?.Tr ?? s.Id),
                s.TrustRank ?? throw new DefinitionException($"{fileName}: source '{s.Id}' has no trustRank."),
                s.Retired ?? false)));
        }
        catch (JsonException e)
        {
            throw new DefinitionException($"{fileName}: not a valid source catalogue: {e.Message}", e);
        }
    }

    /// <summary>The catalogue as file text, in the format <see cref="Read"/> reads, sources in trust order.</summary>
    public string ToJson() => JsonSerializer.Serialize(
        new CatalogDto([.. ByTrustRank.Select(s => new SourceDto(s.Id, new TextDto(s.Name.Tr, s.Name.En), s.TrustRank, s.Retired ? true : null))]),
        new JsonSerializerOptions
        {
            DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        });

    /// <summary>Reads a catalogue from file text.</summary>
    public static SourceCatalog FromJson(string json, string name) =>
        Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json)), name);

    private sealed record TextDto(string? Tr, string? En);
    private sealed record SourceDto(string? Id, TextDto? Name, int? TrustRank, bool? Retired = null);
    private sealed record CatalogDto(List<SourceDto>? Sources);
}
