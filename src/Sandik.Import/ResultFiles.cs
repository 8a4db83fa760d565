using System.Text;
using Sandik.Domain.Elections;
using Sandik.Import.Turkey;

namespace Sandik.Import;

/// <summary>The per-box result formats Sandik reads, and how it tells them apart.</summary>
public enum ResultFileFormat
{
    /// <summary>Official per-box results of a Turkish general election, 2015 layout (<c>il, bolge, ilce, …</c>).</summary>
    TurkishGeneral2015,
}

/// <summary>Reads any supported per-box results file, recognising its format from its first line.</summary>
public static class ResultFiles
{
    /// <exception cref="ImportFailedException">The file is missing, of no known format, or has bad rows.</exception>
    public static BoxResults Read(string path, Election? definition, TurkeyData turkey, IProgress<ImportProgress>? progress = null) =>
        Detect(path) switch
        {
            ResultFileFormat.TurkishGeneral2015 => GeneralElectionBoxFile.Read(path, definition, turkey, progress),
            _ => throw new ImportFailedException(path, [new ImportIssue(1, null, "unknown format.")], 1),
        };

    /// <exception cref="ImportFailedException">The file is missing or of no known format.</exception>
    public static ResultFileFormat Detect(string path)
    {
        string firstLine;
        using (var text = InputFile.OpenText(path, Encoding.UTF8, null, () => 0))
        {
            firstLine = text.ReadLine() ?? "";
        }
        if (firstLine.StartsWith("\"il\",\"bolge\",\"ilce\"", StringComparison.Ordinal) || firstLine.StartsWith("il,bolge,ilce", StringComparison.Ordinal))
            return ResultFileFormat.TurkishGeneral2015;
        throw new ImportFailedException(path, [new ImportIssue(1, null,
            "not a per-box results file Sandik knows: expected the 2015 general election layout (il,bolge,ilce,…); see docs/formats.md.")], 1);
    }
}
