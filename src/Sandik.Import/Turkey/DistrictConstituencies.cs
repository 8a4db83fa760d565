using System.Globalization;
using System.Text;
using Sandik.Domain.Geography;
using Sandik.Import.Csv;

namespace Sandik.Import.Turkey;

/// <summary>
/// Which electoral district (seçim çevresi) each district (ilçe) belonged to in the 2015 general elections, with the
/// 2015 spelling of its name (<c>data/geography/tr-constituencies-2015.csv</c>). Files that name districts but not
/// electoral districts use it to place their boxes on the same areas as the 2015 files. Names are looked up with
/// <see cref="ProvinceCodeBook.Key"/>, so "KADIKÖY" finds "Kadıköy". Immutable.
/// </summary>
public sealed class DistrictConstituencies
{
    public const string FileName = "tr-constituencies-2015.csv";
    private const string Header = "plate,province,constituency,district";

    private readonly Dictionary<(int Plate, string Key), Entry> _byDistrict = [];
    private readonly Dictionary<int, int> _constituencyCount = [];

    public DistrictConstituencies(IEnumerable<Entry> entries)
    {
        Entries = [.. entries.OrderBy(e => e.Plate).ThenBy(e => e.Constituency).ThenBy(e => e.District, StringComparer.Ordinal)];
        foreach (var entry in Entries)
        {
            if (!_byDistrict.TryAdd((entry.Plate, ProvinceCodeBook.Key(entry.District)), entry))
                throw new InvalidDataException($"District '{entry.District}' of province {entry.Plate} is listed twice.");
        }
        foreach (var group in Entries.GroupBy(e => e.Plate))
            _constituencyCount[group.Key] = group.Select(e => e.Constituency).Distinct().Count();
    }

    /// <summary>One district: its province's plate code, its electoral district number inside the province, its name.</summary>
    public sealed record Entry(int Plate, string Province, int Constituency, string District);

    /// <summary>Every district, by plate code, electoral district and name.</summary>
    public IReadOnlyList<Entry> Entries { get; }

    public static DistrictConstituencies Shipped(TurkeyData turkey) => Read(Path.Combine(turkey.DataDirectory, "geography", FileName));

    /// <summary>Finds a district of a province by name, regardless of case and diacritics.</summary>
    public bool TryFind(int plate, string district, out Entry entry) =>
        _byDistrict.TryGetValue((plate, ProvinceCodeBook.Key(district)), out entry!);

    /// <summary>Whether the province was split into several electoral districts (İstanbul, Ankara, İzmir in 2015).</summary>
    public bool HasSeveral(int plate) => _constituencyCount.GetValueOrDefault(plate) > 1;

    /// <summary>The table a general-election import implies: every district area with its electoral district.</summary>
    public static DistrictConstituencies FromGeography(ElectionGeography geography)
    {
        int province = geography.LevelOf("province"), constituency = geography.LevelOf("constituency"), district = geography.LevelOf("district");
        if (province < 0 || constituency < 0 || district < 0)
            throw new ArgumentException("The geography has no province, constituency and district levels.", nameof(geography));
        return new DistrictConstituencies(geography.AreasAt(district).Select(area =>
        {
            var provinceArea = geography.AncestorAt(area.Index, province);
            var code = geography.AncestorAt(area.Index, constituency).Code;
            return new Entry(int.Parse(provinceArea.Code, CultureInfo.InvariantCulture), provinceArea.Name,
                int.Parse(code[(code.IndexOf('-') + 1)..], CultureInfo.InvariantCulture), area.Name);
        }));
    }

    public static DistrictConstituencies Read(string path)
    {
        using var text = new StreamReader(path, Encoding.UTF8);
        var csv = new CsvReader(text);
        var fields = new List<string>();
        if (!csv.Read(fields) || string.Join(',', fields) != Header)
            throw new InvalidDataException($"{path}: expected the header '{Header}'.");
        var entries = new List<Entry>();
        while (csv.Read(fields))
        {
            if (fields.Count != 4
                || !int.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out var plate)
                || !int.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var number)
                || fields[3].Length == 0)
                throw new InvalidDataException($"{path}: line {csv.Line}: expected {Header}.");
            entries.Add(new Entry(plate, fields[1], number, fields[3]));
        }
        return new DistrictConstituencies(entries);
    }

    public void Write(TextWriter output)
    {
        output.Write(Header + "\n");
        foreach (var e in Entries)
            output.Write(string.Create(CultureInfo.InvariantCulture, $"{e.Plate},{CsvField.Of(e.Province)},{e.Constituency},{CsvField.Of(e.District)}\n"));
    }
}
