using System.Text.Json;

namespace Sandik.Import.Maps;

/// <summary>One province of a <see cref="ProvinceMap"/>: its plate code, its outline and the rectangle around it.</summary>
/// <param name="Feature">0-based position of the feature in the file.</param>
/// <param name="SourceName">The name the file gives (may be short or unofficial, e.g. "Afyon").</param>
/// <param name="Geometry">The GeoJSON Polygon or MultiPolygon, unchanged.</param>
public sealed record ProvinceShape(int Feature, int Plate, string? SourceName, BoundingBox Bounds, JsonElement Geometry);
