using System.Text.Json;

namespace Sandik.Domain.Sources;

/// <summary>
/// The sources of an election, ordered by trust: index 0 is the most trusted. Equal ranks are ordered by id so that
/// the order, and with it every reconciliation, is deterministic. Immutable.
/// </summary>
public sealed class SourceCatalog
{
    /// <summary>The most sources one catalogue may hold (views over subsets are bit masks).</summary>
    public const int MaxSources = 31;

    private readonly Dictionary<string, int> _index;

    public SourceCatalog(IEnumerable<Source> sources)
    {
        Sources = [.. sources.OrderBy(s => s.TrustRank).ThenBy(s => s.Id, StringComparer.Ordinal)];
        if (Sources.Count == 0) throw new DefinitionException("A source catalogue needs at least one source.");
        if (Sources.Count > MaxSources) throw new DefinitionException($"A source catalogue holds at most {MaxSources} sources.");
        _index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var source in Sources)
        {
            if (string.IsNullOrWhiteSpace(source.Id)) throw new DefinitionException("Every source needs an id.");
            if (!_index.TryAdd(source.Id, _index.Count)) throw new DefinitionException($"Source '{source.Id}' is listed twice.");
        }
    }

    /// <summary>Sources by trust, best first.</summary>
    public IReadOnlyList<Source> Sources { get; }

    public int Count => Sources.Count;

    /// <summary>Position of a source in trust order (0 = most trusted), or -1 when unknown.</summary>
    public int IndexOf(string sourceId) => _index.GetValueOrDefault(sourceId, -1);

    /// <summary>A bit mask with every source set.</summary>
    public uint AllMask => Count == 32 ? uint.MaxValue : (1u << Count) - 1;

    /// <summary>A catalogue with the same sources and new ranks (ids not named keep theirs).</summary>
    public SourceCatalog WithRanks(IReadOnlyDictionary<string, int> ranks) =>
        new(Sources.Select(s => ranks.TryGetValue(s.Id, out var rank) ? s with { TrustRank = rank } : s));

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
                s.TrustRank ?? throw new DefinitionException($"{fileName}: source '{s.Id}' has no trustRank."))));
        }
        catch (JsonException e)
        {
            throw new DefinitionException($"{fileName}: not a valid source catalogue: {e.Message}", e);
        }
    }

    /// <summary>The catalogue as file text, in the format <see cref="Read"/> reads.</summary>
    public string ToJson() => JsonSerializer.Serialize(
        new CatalogDto([.. Sources.Select(s => new SourceDto(s.Id, new TextDto(s.Name.Tr, s.Name.En), s.TrustRank))]),
        new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        });

    /// <summary>Reads a catalogue from file text.</summary>
    public static SourceCatalog FromJson(string json, string name) =>
        Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json)), name);

    private sealed record TextDto(string? Tr, string? En);
    private sealed record SourceDto(string? Id, TextDto? Name, int? TrustRank);
    private sealed record CatalogDto(List<SourceDto>? Sources);
}
