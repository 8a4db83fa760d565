using System.Globalization;
using System.Text;
using Sandik.Import.Csv;

namespace Sandik.Import.Turkey;

/// <summary>
/// Turkey's 81 provinces by plate code, with every spelling the shipped files use (see
/// <c>data/geography/tr-provinces.csv</c>). Names match regardless of case, Turkish dotted/dotless i and diacritics.
/// Immutable.
/// </summary>
public sealed class ProvinceCodeBook
{
    private static readonly CultureInfo Turkish = CultureInfo.GetCultureInfo("tr-TR");
    private readonly Dictionary<string, (int Code, string Name)> _byKey = new(StringComparer.Ordinal);
    private readonly Dictionary<int, string> _names = [];

    public ProvinceCodeBook(IEnumerable<(int Code, string Name, IEnumerable<string> Aliases)> provinces)
    {
        foreach (var (code, name, aliases) in provinces)
        {
            _names[code] = name;
            foreach (var spelling in aliases.Prepend(name))
            {
                if (!_byKey.TryAdd(Key(spelling), (code, name)) && _byKey[Key(spelling)].Code != code)
                    throw new InvalidDataException($"Province spelling '{spelling}' names two provinces.");
            }
        }
    }

    public int Count => _names.Count;

    public string NameOf(int code) => _names[code];

    public bool TryFind(string spelling, out int code, out string name)
    {
        var found = _byKey.TryGetValue(Key(spelling), out var entry);
        (code, name) = entry;
        return found;
    }

    public static ProvinceCodeBook Read(string path)
    {
        using var text = new StreamReader(path, Encoding.UTF8);
        var csv = new CsvReader(text);
        var fields = new List<string>();
        csv.Read(fields);
        var rows = new List<(int, string, IEnumerable<string>)>();
        while (csv.Read(fields))
        {
            if (fields.Count < 2 || !int.TryParse(fields[0], CultureInfo.InvariantCulture, out var code))
                throw new InvalidDataException($"{path}: line {csv.Line}: expected code,name,aliases.");
            var aliases = fields.Count > 2 ? fields[2].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [];
            rows.Add((code, fields[1], aliases));
        }
        return new ProvinceCodeBook(rows);
    }

    /// <summary>Upper-cases the Turkish way and drops diacritics, so "İSTANBUL", "istanbul" and "Istanbul" meet.</summary>
    public static string Key(string name)
    {
        var upper = name.Trim().ToUpper(Turkish).Normalize(NormalizationForm.FormD);
        var key = new StringBuilder(upper.Length);
        foreach (var c in upper)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            key.Append(c switch { 'ı' => 'I', _ => c });
        }
        return key.ToString();
    }
}
