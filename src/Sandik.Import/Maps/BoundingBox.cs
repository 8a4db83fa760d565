namespace Sandik.Import.Maps;

/// <summary>A longitude/latitude rectangle in degrees (WGS84), as GeoJSON's <c>bbox</c>: west, south, east, north.</summary>
public readonly record struct BoundingBox(double West, double South, double East, double North)
{
    /// <summary>A box that contains nothing; the union with any box is that box.</summary>
    public static BoundingBox Empty { get; } = new(double.PositiveInfinity, double.PositiveInfinity, double.NegativeInfinity, double.NegativeInfinity);

    public bool IsEmpty => West > East || South > North;

    public BoundingBox Include(double longitude, double latitude) =>
        new(Math.Min(West, longitude), Math.Min(South, latitude), Math.Max(East, longitude), Math.Max(North, latitude));

    public BoundingBox Union(BoundingBox other) =>
        other.IsEmpty ? this : IsEmpty ? other
        : new(Math.Min(West, other.West), Math.Min(South, other.South), Math.Max(East, other.East), Math.Max(North, other.North));

    public bool Contains(double longitude, double latitude) =>
        longitude >= West && longitude <= East && latitude >= South && latitude <= North;
}
