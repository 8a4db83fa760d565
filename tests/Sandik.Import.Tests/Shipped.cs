using Sandik.Domain.Elections;
using Sandik.Domain.Geography;
using Sandik.Import.Turkey;

namespace Sandik.Import.Tests;

/// <summary>The shipped data, each file imported once for all tests that read it.</summary>
internal static class Shipped
{
    private static readonly Lazy<TurkeyData> LazyTurkey = new(TurkeyData.Shipped);
    private static readonly Lazy<LocalElection2014Import> LazyLocal2014 =
        new(() => LocalElection2014File.ReadWithReport(Result("tr-2014-03-local.csv.zip"), null, Turkey));
    private static readonly Lazy<BoxResults> LazyJune2015 =
        new(() => GeneralElectionBoxFile.Read(Result("tr-2015-06-general.csv.gz"), Turkey.Election("tr-2015-06-general"), Turkey));
    private static readonly Lazy<ElectionGeography> LazyVolunteerRegistry =
        new(() => VolunteerTallyFile.ReadRegistry([VolunteerFile, VolunteerFile4Provinces], Turkey));

    private static readonly Lazy<VolunteerTallies> LazyVolunteerTallies = new(() => ReadVolunteer(VolunteerFile));
    private static readonly Lazy<VolunteerTallies> LazyVolunteerTallies4Provinces = new(() => ReadVolunteer(VolunteerFile4Provinces));

    public const string VolunteerSource = "partner-ngo";

    public static TurkeyData Turkey => LazyTurkey.Value;
    public static LocalElection2014Import Local2014 => LazyLocal2014.Value;
    public static BoxResults June2015 => LazyJune2015.Value;
    public static ElectionGeography VolunteerRegistry => LazyVolunteerRegistry.Value;
    public static Election President2023 => Turkey.Election("tr-2023-05-president-r1");

    /// <summary>The submissions of the national volunteer file, read against <see cref="VolunteerRegistry"/>.</summary>
    public static VolunteerTallies VolunteerTallies => LazyVolunteerTallies.Value;

    /// <summary>The submissions of the four-province volunteer file, read against <see cref="VolunteerRegistry"/>.</summary>
    public static VolunteerTallies VolunteerTallies4Provinces => LazyVolunteerTallies4Provinces.Value;

    public static string VolunteerFile => Result("tr-2023-05-president-r1-ovo.csv.gz");
    public static string VolunteerFile4Provinces => Result("tr-2023-05-president-r1-ovo-4provinces.csv.gz");

    private static VolunteerTallies ReadVolunteer(string path) =>
        VolunteerTallyFile.ReadSubmissions(path, VolunteerRegistry, President2023, VolunteerSource);

    public static string Result(string fileName) => Path.Combine(Turkey.DataDirectory, "results", fileName);

    public static string Data(params string[] parts) => Path.Combine([Turkey.DataDirectory, .. parts]);
}
