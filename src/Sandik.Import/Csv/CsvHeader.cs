namespace Sandik.Import.Csv;

/// <summary>The column names of a delimited file, found by name. Immutable.</summary>
public sealed class CsvHeader
{
    private readonly Dictionary<string, int> _index;

    public CsvHeader(IReadOnlyList<string> names, IEqualityComparer<string>? comparer = null)
    {
        Names = [.. names.Select(n => n.Trim())];
        _index = new Dictionary<string, int>(comparer ?? StringComparer.Ordinal);
        var duplicates = new List<string>();
        for (var i = 0; i < Names.Count; i++)
        {
            if (!_index.TryAdd(Names[i], i)) duplicates.Add(Names[i]);
        }
        Duplicates = duplicates;
    }

    public IReadOnlyList<string> Names { get; }

    /// <summary>Names that appear more than once (each repetition once); <see cref="IndexOf"/> finds the first.</summary>
    public IReadOnlyList<string> Duplicates { get; }

    public int Count => Names.Count;

    public string this[int column] => Names[column];

    /// <summary>Index of the first column with this name, or -1.</summary>
    public int IndexOf(string name) => _index.GetValueOrDefault(name, -1);
}
