using System.Text.Json;
using Sandik.Domain;
using Sandik.Domain.Geography;

namespace Sandik.Storage.Elections;

/// <summary>The geography levels column: <c>[{"id":"province","name":{"tr":"İl","en":"Province"}}, ...]</c>.</summary>
internal static class LevelsJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(IReadOnlyList<GeographyLevel> levels) =>
        JsonSerializer.Serialize(levels.Select(l => new LevelDto(l.Id, new TextDto(l.Name.Tr, l.Name.En))), Options);

    /// <exception cref="InvalidDataException">The column is not a list of levels.</exception>
    public static IReadOnlyList<GeographyLevel> Read(string json, string electionId)
    {
        try
        {
            var levels = JsonSerializer.Deserialize<List<LevelDto>>(json, Options) ?? [];
            return [.. levels.Select(l => new GeographyLevel(l.Id, new LocalizedText(l.Name.Tr, l.Name.En)))];
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"The stored geography levels of election '{electionId}' are malformed: {e.Message}", e);
        }
    }

    private sealed record TextDto(string Tr, string En);
    private sealed record LevelDto(string Id, TextDto Name);
}
