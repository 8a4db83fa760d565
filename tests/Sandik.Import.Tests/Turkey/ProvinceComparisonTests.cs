using Sandik.Domain.Submissions;
using Sandik.Import.Turkey;
using Shouldly;
using Xunit;

namespace Sandik.Import.Tests.Turkey;

public sealed class ProvinceComparisonTests
{
    private const int Erdogan = 0, Ince = 1, Kilicdaroglu = 2, Ogan = 3;

    [Fact]
    public void Reads_the_official_province_results_with_the_published_domestic_sums()
    {
        var official = Official();

        official.Provinces.Count.ShouldBe(81);
        official.Provinces.Select(p => p.Plate).ShouldBe(Enumerable.Range(1, 81));
        official.Provinces.Sum(p => p.Registered).ShouldBe(60_774_566);
        official.Provinces.Sum(p => p.Voted).ShouldBe(53_993_683);
        official.Provinces.Sum(p => p.Valid).ShouldBe(52_972_934);
        Enumerable.Range(0, 4).Select(i => official.Provinces.Sum(p => p.Votes[i])).ShouldBe([26_086_102, 216_470, 23_873_749, 2_796_613]);
        official.Provinces[33].Name.ShouldBe("İstanbul");
    }

    [Fact]
    public void Names_candidate_columns_after_the_full_name()
    {
        Shipped.President2023.DefaultRace.Choices.Select(OfficialProvinceResults.ColumnOf)
            .ShouldBe(["RECEP_TAYYIP_ERDOGAN", "MUHARREM_INCE", "KEMAL_KILICDAROGLU", "SINAN_OGAN"]);
    }

    [Fact]
    public void Gives_coverage_and_share_differences_for_a_source_against_the_official_count()
    {
        using var official = TempFile.With(
            "\"Il_Adi\",\"Kayitli_Secmen_Sayisi\",\"Oy_Kullanan_Secmen_Sayisi\",\"Gecerli_Oy_Toplami\",\"RECEP_TAYYIP_ERDOGAN\",\"MUHARREM_INCE\",\"KEMAL_KILICDAROGLU\",\"SINAN_OGAN\",\"SINAN_OGAN_%\"\n"
            + "\"ADANA\",\"500\",\"420\",\"400\",\"200\",\"4\",\"180\",\"16\",4\n"
            + "\"ADIYAMAN\",\"150\",\"110\",\"100\",\"60\",\"0\",\"30\",\"10\",10\n");
        var race = Shipped.President2023.DefaultRace;
        var registry = Shipped.VolunteerRegistry;
        Submission[] submissions =
        [
            new("partner-ngo", null, race.Id, "1/YÜREĞİR/1051", new Tally(null, null, 100, null, [50, 0, 40, 10]), null, "1"),
            new("partner-ngo", null, race.Id, "1/YÜREĞİR/1051", new Tally(null, null, 100, null, [60, 0, 30, 10]), null, "2"),
        ];

        var rows = ProvinceComparison.Compare(registry, submissions, OfficialProvinceResults.Read(official.Path, race, Shipped.Turkey.Provinces));

        rows.Select(r => (r.Plate, r.Name, r.Boxes, r.SourceValid, r.OfficialValid)).ShouldBe([(1, "Adana", 1, 100L, 400L), (2, "Adıyaman", 0, 0L, 100L)]);
        var adana = rows[0];
        adana.Coverage.ShouldBe(0.25);
        adana.SourceShare(Erdogan).ShouldBe(0.6);
        adana.OfficialShare(Erdogan).ShouldBe(0.5);
        adana.ShareDifference(Erdogan).ShouldBe(0.1, 1e-12);
        adana.ShareDifference(Kilicdaroglu).ShouldBe(-0.15, 1e-12);
        adana.ShareDifference(Ince).ShouldBe(-0.01, 1e-12);
        adana.ShareDifference(Ogan).ShouldBe(0.06, 1e-12);
        rows[1].Coverage.ShouldBe(0);
        rows[1].ShareDifference(Erdogan).ShouldBe(0);
    }

    [Fact]
    public void Shows_how_far_the_volunteer_tallies_cover_each_province_and_lean_against_the_official_count()
    {
        var rows = ProvinceComparison.Compare(Shipped.VolunteerRegistry, VolunteerSubmissions(), Official());

        rows.Count.ShouldBe(81);
        rows.Count(r => r.Boxes > 0).ShouldBe(37);
        rows.Sum(r => r.Boxes).ShouldBe(80_650);
        var istanbul = rows.Single(r => r.Plate == 34);
        (istanbul.Boxes, istanbul.OfficialValid).ShouldBe((30_290, 10_150_715L));
        Math.Round(istanbul.Coverage, 3).ShouldBe(0.983);
        Math.Round(istanbul.ShareDifference(Erdogan) * 100, 2).ShouldBe(-0.12);
        Math.Round(istanbul.ShareDifference(Kilicdaroglu) * 100, 2).ShouldBe(0.10);
        Math.Round(rows.Single(r => r.Plate == 13).Coverage, 3).ShouldBe(0.018);
        // The covered boxes lean away from Erdoğan in every well-covered province but none: the source is urban.
        rows.Where(r => r.Coverage > 0.5).Count(r => r.ShareDifference(Erdogan) > 0).ShouldBe(0);
        rows.Where(r => r.Boxes == 0).ShouldAllBe(r => r.Coverage == 0 && r.SourceValid == 0);
    }

    [Fact]
    public void Refuses_a_submission_for_a_box_the_registry_does_not_have()
    {
        var race = Shipped.President2023.DefaultRace;
        Submission[] submissions = [new("partner-ngo", null, race.Id, "1/NOWHERE/1", new Tally(null, null, 1, null, [1, 0, 0, 0]), null, null)];

        Should.Throw<ArgumentException>(() => ProvinceComparison.Compare(Shipped.VolunteerRegistry, submissions, Official()))
            .Message.ShouldStartWith("The registry has no box '1/NOWHERE/1'.");
    }

    private static OfficialProvinceResults Official() =>
        OfficialProvinceResults.Read(Shipped.Data("official", "cb_2023_ilk_tur_il.csv"), Shipped.President2023.DefaultRace, Shipped.Turkey.Provinces);

    private static List<Submission> VolunteerSubmissions()
    {
        var validator = new SubmissionValidator(Shipped.President2023, Shipped.VolunteerRegistry, Shipped.Turkey.DefaultSources());
        return [.. Shipped.VolunteerTallies.Drafts.Concat(Shipped.VolunteerTallies4Provinces.Drafts)
            .Select(d => validator.Validate(d, ValidationPolicy.VotesOnly).Value!)];
    }
}
