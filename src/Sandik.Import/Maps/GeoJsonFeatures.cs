using System.Text.Json;

namespace Sandik.Import.Maps;

/// <summary>Reads the province features of a GeoJSON FeatureCollection, reporting every malformed one.</summary>
internal static class GeoJsonFeatures
{
    public static List<ProvinceShape> Read(JsonElement root, IssueList issues)
    {
        var shapes = new List<ProvinceShape>();
        if (root.ValueKind != JsonValueKind.Object || !Has(root, "type", "FeatureCollection"))
        {
            issues.Add(0, "type", "the file is not a GeoJSON FeatureCollection.");
            return shapes;
        }
        if (!root.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array)
        {
            issues.Add(0, "features", "the FeatureCollection has no 'features' array.");
            return shapes;
        }
        var index = 0;
        foreach (var feature in features.EnumerateArray())
        {
            if (ReadFeature(feature, index, issues) is { } shape) shapes.Add(shape);
            index++;
        }
        return shapes;
    }

    private static ProvinceShape? ReadFeature(JsonElement feature, int index, IssueList issues)
    {
        if (feature.ValueKind != JsonValueKind.Object)
        {
            issues.Add(0, null, $"feature {index} is not an object.");
            return null;
        }
        var properties = feature.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object ? p : default;
        var name = properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String
            ? n.GetString() : null;
        var label = $"feature {index}{(name is null ? "" : $" ('{name}')")}";
        int plate = 0;
        if (properties.ValueKind != JsonValueKind.Object || !properties.TryGetProperty(ProvinceMap.PlateProperty, out var number)
            || !(number.ValueKind == JsonValueKind.Number ? number.TryGetInt32(out plate)
                : number.ValueKind == JsonValueKind.String && int.TryParse(number.GetString(), out plate)))
        {
            issues.Add(0, ProvinceMap.PlateProperty, $"{label} has no whole-number plate code in property '{ProvinceMap.PlateProperty}'.");
            return null;
        }
        if (!feature.TryGetProperty("geometry", out var geometry) || geometry.ValueKind != JsonValueKind.Object
            || !(Has(geometry, "type", "Polygon") || Has(geometry, "type", "MultiPolygon")))
        {
            issues.Add(0, "geometry", $"{label} has no Polygon or MultiPolygon geometry.");
            return null;
        }
        var depth = Has(geometry, "type", "Polygon") ? 3 : 4;
        var bounds = BoundingBox.Empty;
        if (!geometry.TryGetProperty("coordinates", out var coordinates) || !Positions(coordinates, depth, ref bounds) || bounds.IsEmpty)
        {
            issues.Add(0, "coordinates", $"{label} has malformed coordinates: expected arrays nested {depth} deep ending in [longitude, latitude] within ±180/±90.");
            return null;
        }
        return new ProvinceShape(index, plate, name, bounds, geometry.Clone());
    }

    // Walks nested coordinate arrays down to positions, widening the bounds; false at the first malformed part.
    private static bool Positions(JsonElement element, int depth, ref BoundingBox bounds)
    {
        if (element.ValueKind != JsonValueKind.Array) return false;
        if (depth == 1)
        {
            if (element.GetArrayLength() < 2 || !Number(element[0], out var lon) || !Number(element[1], out var lat)
                || Math.Abs(lon) > 180 || Math.Abs(lat) > 90)
                return false;
            bounds = bounds.Include(lon, lat);
            return true;
        }
        foreach (var child in element.EnumerateArray())
        {
            if (!Positions(child, depth - 1, ref bounds)) return false;
        }
        return true;
    }

    private static bool Number(JsonElement element, out double value)
    {
        value = 0;
        return element.ValueKind == JsonValueKind.Number && element.TryGetDouble(out value);
    }

    private static bool Has(JsonElement element, string property, string value) =>
        element.TryGetProperty(property, out var p) && p.ValueKind == JsonValueKind.String && p.GetString() == value;
}
