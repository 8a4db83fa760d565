using System.IO.Compression;
using Sandik.Import.Csv;

namespace Sandik.Cli.Tests;

/// <summary>
/// The total rows ("İli", "Genel", cevre_turu Toplam; one per electoral district of a province) that the official
/// 2015 files carry beside their boxes, summed per province: an independent check of what Sandik sums from the boxes.
/// </summary>
public static class OfficialFile
{
    public static Dictionary<string, Dictionary<string, long>> ProvinceTotals(string path)
    {
        using var text = new StreamReader(new GZipStream(File.OpenRead(path), CompressionMode.Decompress));
        var csv = new CsvReader(text);
        var fields = new List<string>();
        csv.Read(fields);
        var header = fields.ToArray();
        var totals = new Dictionary<string, Dictionary<string, long>>();
        while (csv.Read(fields))
        {
            if (fields[2] != "İli" || fields[3] != "Genel" || fields[4] != "Toplam") continue;
            if (!totals.TryGetValue(fields[0], out var row)) totals[fields[0]] = row = [];
            for (var i = 6; i < header.Length; i++)
                row[header[i]] = row.GetValueOrDefault(header[i]) + long.Parse(fields[i], System.Globalization.CultureInfo.InvariantCulture);
        }
        return totals;
    }
}
