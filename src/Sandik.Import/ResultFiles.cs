using System.Text;
using Sandik.Domain.Elections;
using Sandik.Domain.Geography;
using Sandik.Import.Generic;
using Sandik.Import.Turkey;

namespace Sandik.Import;

/// <summary>The per-box result formats Sandik reads, and how it tells them apart.</summary>
public enum ResultFileFormat
{
    /// <summary>Official per-box results of a Turkish general election, 2015 layout (<c>il, bolge, ilce, …</c>).</summary>
    TurkishGeneral2015,
    /// <summary>Official per-box results of the 2014 Turkish local elections (UTF-16, tab-separated, <c>IL_ID, ILCE_ID, …</c>).</summary>
    TurkishLocal2014,
    /// <summary>Volunteer transcriptions of count sheets (2023 layout, names only): a source, not a registry.</summary>
    TurkishVolunteer2023,
    /// <summary>Sandik's generic per-box CSV (see docs/formats.md).</summary>
    Generic,
}

/// <summary>Reads any supported per-box results file, recognising its format from its first line.</summary>
public static class ResultFiles
{
    /// <exception cref="ImportFailedException">The file is missing, of no known format, or has bad rows.</exception>
    /// <param name="geography">The geography of a generic file; Turkey's when null.</param>
    public static BoxResults Read(string path, Election? definition, TurkeyData turkey, IProgress<ImportProgress>? progress = null,
        GeographyDefinition? geography = null) =>
        Detect(path) switch
        {
            ResultFileFormat.TurkishGeneral2015 => GeneralElectionBoxFile.Read(path, definition, turkey, progress),
            ResultFileFormat.TurkishLocal2014 => LocalElection2014File.Read(path, definition, turkey, progress),
            ResultFileFormat.Generic => GenericBoxCsv.Read(path, definition ?? throw Fail(path,
                "a generic box file needs its election definition (--election ID, or --election FILE.json)."), geography ?? turkey.Geography, progress),
            _ => throw Fail(path, "this file holds volunteer transcriptions, not official per-box results: import it as a source (see 'sandik import --help')."),
        };

    private static ImportFailedException Fail(string path, string message) => new(path, [new ImportIssue(0, null, message)], 1);

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
        if (firstLine.StartsWith("IL_ID\tILCE_ID", StringComparison.Ordinal)) return ResultFileFormat.TurkishLocal2014;
        if (firstLine.Contains("ovo_city_id", StringComparison.Ordinal)) return ResultFileFormat.TurkishVolunteer2023;
        if (firstLine.StartsWith('#') || firstLine.Contains(",box,registered,voted,valid,invalid,", StringComparison.Ordinal)) return ResultFileFormat.Generic;
        throw Fail(path, "not a results file Sandik knows (2015 general, 2014 local, 2023 volunteer, or the generic layout of docs/formats.md).");
    }
}
