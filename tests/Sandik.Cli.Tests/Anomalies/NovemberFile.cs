using System.IO.Compression;
using System.Text;
using Sandik.Import.Csv;

namespace Sandik.Cli.Tests.Anomalies;

/// <summary>The official November 2015 box file, whole or cut down to a few provinces for quicker command-line runs.</summary>
internal static class NovemberFile
{
    public static readonly string Path = CliRun.DataFile("results", "tr-2015-11-general.csv.gz");

    /// <summary>
    /// Writes the header and the box rows (not the total rows) of the given provinces, byte for byte, to a file in
    /// <paramref name="directory"/>; returns its path and the il, ilce and sandik of every box row, in file order.
    /// </summary>
    public static (string Path, List<(string Il, string Ilce, string Sandik)> Boxes) Subset(string directory, params string[] provinces)
    {
        var path = System.IO.Path.Combine(directory, "provinces-2015-11.csv");
        var boxes = new List<(string, string, string)>();
        using var input = new StreamReader(new GZipStream(File.OpenRead(Path), CompressionMode.Decompress), Encoding.UTF8);
        using var output = new StreamWriter(path, false, new UTF8Encoding(false));
        output.WriteLine(input.ReadLine());
        var fields = new List<string>();
        while (input.ReadLine() is { } line)
        {
            new CsvReader(new StringReader(line)).Read(fields);
            if (fields[4] == "Toplam" || !provinces.Contains(fields[0])) continue;
            output.WriteLine(line);
            boxes.Add((fields[0], fields[2], fields[5]));
        }
        return (path, boxes);
    }

    /// <summary>Parses CSV text into records (the header first).</summary>
    public static List<List<string>> Records(string csv)
    {
        var reader = new CsvReader(new StringReader(csv));
        var records = new List<List<string>>();
        var fields = new List<string>();
        while (reader.Read(fields))
        {
            if (fields.Count == 1 && fields[0].Length == 0) continue;
            records.Add([.. fields]);
        }
        return records;
    }
}
