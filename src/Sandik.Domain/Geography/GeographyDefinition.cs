using System.Text.Json;

namespace Sandik.Domain.Geography;

/// <summary>
/// A country's geography levels and root (see <c>data/geography/tr.json</c>); the areas themselves come from the
/// ballot-box files.
/// </summary>
public sealed record GeographyDefinition(string Id, AreaKey Root, IReadOnlyList<GeographyLevel> Levels)
{
    public GeographyBuilder NewBuilder() => new(Levels, Root);

    /// <exception cref="DefinitionException">The file is not a valid geography definition.</exception>
    public static GeographyDefinition Read(Stream json, string fileName)
    {
        try
        {
            var dto = JsonSerializer.Deserialize<Dto>(json, new JsonSerializerOptions { PropertyNameCaseInsensitive = true });
            if (dto?.Id is null || dto.Root?.Code is null || dto.Levels is not { Count: >= 2 })
                throw new DefinitionException($"{fileName}: a geography needs an id, a root with a code, and at least two levels.");
            var levels = dto.Levels.Select(l => new GeographyLevel(
                l.Id ?? throw new DefinitionException($"{fileName}: a level has no id."),
                new LocalizedText(l.Name?.Tr ?? l.Id, l.Name?.En ?? l.Name?.Tr ?? l.Id))).ToList();
            return new GeographyDefinition(dto.Id, new AreaKey(dto.Root.Code, dto.Root.Name ?? dto.Root.Code), levels);
        }
        catch (JsonException e)
        {
            throw new DefinitionException($"{fileName}: not a valid geography definition: {e.Message}", e);
        }
    }

    private sealed record TextDto(string? Tr, string? En);
    private sealed record LevelDto(string? Id, TextDto? Name);
    private sealed record RootDto(string? Code, string? Name);
    private sealed record Dto(string? Id, RootDto? Root, List<LevelDto>? Levels);
}
