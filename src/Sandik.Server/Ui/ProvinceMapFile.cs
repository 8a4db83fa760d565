using System.IO.Compression;
using Microsoft.Extensions.Logging;
using Sandik.Import;
using Sandik.Import.Maps;
using Sandik.Import.Turkey;
using Sandik.Server.Live;

namespace Sandik.Server.Ui;

/// <summary>
/// The province outlines for the web map, read once from the shipped <c>data/geography/tr-provinces.geojson</c> and
/// rewritten with area codes (<see cref="ProvinceMap.WriteForWeb"/>), and kept Brotli-compressed too (a quarter
/// of the size, for provinces on mobile networks). Only Turkish elections have it. Thread-safe.
/// </summary>
public sealed class ProvinceMapFile(ElectionHost host, ILogger<ProvinceMapFile> logger)
{
    public const string Geography = "tr";
    private readonly Lazy<(byte[] Json, byte[] Brotli)?> _file = new(() => Read(logger));

    /// <summary>The GeoJSON bytes, plain and Brotli-compressed, or null when the election is not Turkish or the file cannot be read.</summary>
    public (byte[] Json, byte[] Brotli)? File => host.Election.Election.Geography == Geography ? _file.Value : null;

    private static (byte[], byte[])? Read(ILogger logger)
    {
        try
        {
            var turkey = TurkeyData.Shipped();
            var map = ProvinceMap.Read(Path.Combine(turkey.DataDirectory, "geography", "tr-provinces.geojson"));
            using var output = new MemoryStream();
            map.WriteForWeb(output, turkey.Provinces);
            using var compressed = new MemoryStream();
            using (var brotli = new BrotliStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true)) output.WriteTo(brotli);
            return (output.ToArray(), compressed.ToArray());
        }
        catch (Exception e) when (e is ImportFailedException or IOException or InvalidDataException or Sandik.Domain.DefinitionException)
        {
            logger.LogWarning(e, "The province map is unavailable.");
            return null;
        }
    }
}
