using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Sandik.Import.Turkey;

namespace Sandik.Import.Maps;

/// <summary>
/// Province outlines from a GeoJSON FeatureCollection whose features carry the plate code in the property
/// <c>number</c> (<c>data/geography/tr-provinces.geojson</c>). Features are joined on the plate code, never on the name.
/// Rewrites them for the web map with the properties <c>code</c> (the province's area code) and <c>name</c> (the
/// official name). Immutable.
/// </summary>
public sealed class ProvinceMap
{
    public const string PlateProperty = "number";

    private readonly Dictionary<int, ProvinceShape> _byPlate = [];

    private ProvinceMap(string fileName, IReadOnlyList<ProvinceShape> shapes)
    {
        FileName = fileName;
        Shapes = shapes;
        foreach (var shape in shapes)
        {
            _byPlate.TryAdd(shape.Plate, shape);
            Bounds = Bounds.Union(shape.Bounds);
        }
    }

    public string FileName { get; }

    /// <summary>The provinces in file order.</summary>
    public IReadOnlyList<ProvinceShape> Shapes { get; }

    /// <summary>The rectangle around every province.</summary>
    public BoundingBox Bounds { get; } = BoundingBox.Empty;

    /// <summary>The first feature with that plate code.</summary>
    public bool TryGet(int plate, out ProvinceShape shape) => _byPlate.TryGetValue(plate, out shape!);

    /// <summary>Reads the file and checks its structure: a FeatureCollection of Polygon or MultiPolygon features, each
    /// with a whole-number plate code and longitude/latitude positions.</summary>
    /// <exception cref="ImportFailedException">The file is missing, is not JSON, or a feature is malformed.</exception>
    public static ProvinceMap Read(string path)
    {
        var issues = new IssueList(path);
        if (!File.Exists(path)) issues.Add(0, null, "no such file.");
        issues.ThrowIfAny();
        JsonDocument document;
        try
        {
            using var stream = File.OpenRead(path);
            document = JsonDocument.Parse(stream);
        }
        catch (JsonException e)
        {
            issues.Add((int)(e.LineNumber ?? -1) + 1, null, $"not valid JSON: {e.Message}");
            issues.ThrowIfAny();
            throw;
        }
        using (document)
        {
            var shapes = GeoJsonFeatures.Read(document.RootElement, issues);
            issues.ThrowIfAny();
            return new ProvinceMap(path, shapes);
        }
    }

    /// <summary>
    /// The problems that keep this map from being Turkey's province map: it needs one feature per province (81), each
    /// plate code once, and every plate code a province of <paramref name="provinces"/>. Empty when it is sound.
    /// </summary>
    public IReadOnlyList<ImportIssue> Validate(ProvinceCodeBook provinces)
    {
        var issues = new List<ImportIssue>();
        var seen = new Dictionary<int, ProvinceShape>();
        foreach (var shape in Shapes)
        {
            if (!provinces.TryGetName(shape.Plate, out _))
                issues.Add(new ImportIssue(0, PlateProperty, $"feature {shape.Feature} ('{shape.SourceName}') has plate code {shape.Plate}, which is no province."));
            else if (!seen.TryAdd(shape.Plate, shape))
                issues.Add(new ImportIssue(0, PlateProperty, $"feature {shape.Feature} ('{shape.SourceName}') repeats plate code {shape.Plate} of feature {seen[shape.Plate].Feature} ('{seen[shape.Plate].SourceName}')."));
        }
        if (Shapes.Count != provinces.Count)
            issues.Add(new ImportIssue(0, null, $"{Shapes.Count} features, expected one for each of the {provinces.Count} provinces."));
        var missing = provinces.Codes().Where(code => !seen.ContainsKey(code)).ToList();
        if (missing.Count > 0)
            issues.Add(new ImportIssue(0, PlateProperty, $"no feature for plate code(s) {string.Join(", ", missing)}."));
        return issues;
    }

    /// <summary>
    /// Writes the map for the web: a FeatureCollection with a <c>bbox</c>, features ordered by plate code, each with
    /// <c>id</c> and property <c>code</c> (the plate as text, equal to the province's area code), property
    /// <c>name</c> (the official name), its own <c>bbox</c>, and the geometry unchanged.
    /// </summary>
    /// <exception cref="ImportFailedException">The map does not pass <see cref="Validate"/>.</exception>
    public void WriteForWeb(Stream output, ProvinceCodeBook provinces)
    {
        if (Validate(provinces) is { Count: > 0 } problems) throw new ImportFailedException(FileName, problems, problems.Count);
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteString("type", "FeatureCollection");
        WriteBox(json, Bounds);
        json.WriteStartArray("features");
        foreach (var shape in Shapes.OrderBy(s => s.Plate))
        {
            var code = shape.Plate.ToString(CultureInfo.InvariantCulture);
            json.WriteStartObject();
            json.WriteString("type", "Feature");
            json.WriteString("id", code);
            WriteBox(json, shape.Bounds);
            json.WriteStartObject("properties");
            json.WriteString("code", code);
            json.WriteString("name", provinces.NameOf(shape.Plate));
            json.WriteEndObject();
            json.WritePropertyName("geometry");
            shape.Geometry.WriteTo(json);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteBox(Utf8JsonWriter json, BoundingBox box)
    {
        json.WriteStartArray("bbox");
        json.WriteNumberValue(box.West);
        json.WriteNumberValue(box.South);
        json.WriteNumberValue(box.East);
        json.WriteNumberValue(box.North);
        json.WriteEndArray();
    }
}
