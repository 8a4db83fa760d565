using Sandik.Domain;
using Sandik.Domain.Elections;
using Sandik.Domain.Geography;
using Sandik.Domain.Sources;

namespace Sandik.Import.Turkey;

/// <summary>The shipped definitions for Turkey: geography levels, provinces, default sources, elections.</summary>
public sealed class TurkeyData(string dataDirectory)
{
    public string DataDirectory { get; } = dataDirectory;

    public GeographyDefinition Geography { get; } = ReadGeography(dataDirectory);

    public ProvinceCodeBook Provinces { get; } = ProvinceCodeBook.Read(Path.Combine(dataDirectory, "geography", "tr-provinces.csv"));

    public static TurkeyData Shipped() => new(Import.DataDirectory.Locate());

    public SourceCatalog DefaultSources()
    {
        var path = Path.Combine(DataDirectory, "sources", "tr.json");
        using var stream = File.OpenRead(path);
        return SourceCatalog.Read(stream, path);
    }

    /// <summary>The ids of the shipped election definitions.</summary>
    public IReadOnlyList<string> ElectionIds() =>
        [.. Directory.EnumerateFiles(Path.Combine(DataDirectory, "elections"), "*.json").Select(Path.GetFileNameWithoutExtension).OfType<string>().Order()];

    /// <exception cref="DefinitionException">No election has that id, or its file is malformed.</exception>
    public Election Election(string id)
    {
        var path = Path.Combine(DataDirectory, "elections", id + ".json");
        if (id.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || !File.Exists(path))
            throw new DefinitionException($"There is no election '{id}'. Shipped elections: {string.Join(", ", ElectionIds())}.");
        using var stream = File.OpenRead(path);
        return ElectionFile.Read(stream, path);
    }

    private static GeographyDefinition ReadGeography(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, "geography", "tr.json");
        using var stream = File.OpenRead(path);
        return GeographyDefinition.Read(stream, path);
    }
}
