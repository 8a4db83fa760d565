using System.Text;
using Sandik.Import.Turkey;
using Shouldly;
using Xunit;

namespace Sandik.Import.Tests.Turkey;

public sealed class LocalElection2014FileTests
{
    private const string Header =
        "IL_ID\tILCE_ID\tMUHTARLIK_ID\tİl\tSeçim Çevresi\tMahalle / Köy\tSandık No\t"
        + "Sandık Seçmen Listesinde Yazılı Seçmenlerin Sayısı\tOy Kullanan Seçmen Sayısı\t"
        + "İtiraz Edilmeksizin Geçerli Sayılan Oy Pusulalarının Sayısı\t"
        + "İtiraz Üzerine Geçerli Sayılan veya Hesaba Katılan Oy Pusulalarının Sayısı\t"
        + "Geçerli Oy Pusulalarının Toplamı\tGeçersiz Sayılan veya Hesaba Katılmayan Oy Pusulalarının Toplamı\t"
        + "AK PARTİ\tMHP\tSAADET\tCHP\tBTP\tBBP\tDP\tDSP\tHDP\tDBP\tDiger";

    private const string Akalan = "34\t135\t144920\tİSTANBUL\tÇATALCA\tAKALAN MAH.\t1001\t295\t272\t253\t0\t253\t19\t54\t10\t1\t185\t0\t0\t0\t0\t0\t0\t3";

    [Fact]
    public void Imports_every_box_with_the_published_sums()
    {
        var results = Shipped.Local2014.Results;

        results.Tallies.Count.ShouldBe(171_384);
        Sum(results, t => t.Registered ?? 0).ShouldBe(48_546_962);
        Sum(results, t => t.Voted ?? 0).ShouldBe(43_294_727);
        Sum(results, t => t.Valid).ShouldBe(41_461_011);
        Sum(results, t => t.Invalid ?? 0).ShouldBe(1_833_716);
        Votes(results, "ak_parti").ShouldBe(17_877_962);
        Votes(results, "chp").ShouldBe(10_986_392);
        Votes(results, "mhp").ShouldBe(7_342_307);
        Votes(results, "dbp").ShouldBe(1_734_247);
        Votes(results, "hdp").ShouldBe(833_149);
        results.Geography.Boxes.Sum(b => (long)b.Registered).ShouldBe(48_546_962);
        results.Race.Kind.ShouldBe(Domain.Elections.RaceKind.Local);
        results.Race.Seats.ShouldBeNull();
    }

    [Fact]
    public void Places_every_district_in_its_2015_electoral_district()
    {
        var import = Shipped.Local2014;
        var geography = import.Results.Geography;

        import.UnmatchedDistricts.ShouldBeEmpty();
        geography.AreasAt(1).Count().ShouldBe(81);
        geography.AreasAt(2).Count().ShouldBe(85);
        geography.AreasAt(3).Count().ShouldBe(959);
        geography.AreasAt(2).Where(a => a.Code.StartsWith("34-", StringComparison.Ordinal)).Select(a => a.Name).Order()
            .ShouldBe(["İstanbul 1. Bölge", "İstanbul 2. Bölge", "İstanbul 3. Bölge"]);
    }

    [Fact]
    public void Codes_areas_and_boxes_with_the_2015_spelling_and_shows_the_file_spelling()
    {
        var geography = Shipped.Local2014.Results.Geography;

        geography.TryGetArea("34/Çatalca", out var district).ShouldBeTrue();
        district.Name.ShouldBe("ÇATALCA");
        geography.TryGetBox("34/Çatalca/1001", out var box).ShouldBeTrue();
        geography.Areas[box.Area].Name.ShouldBe("AKALAN MAH.");
        geography.Areas[box.Area].Code.ShouldBe("34/Çatalca/Akalan");
        geography.TryGetArea("39/Kırklareli Merkez", out var centre).ShouldBeTrue();
        centre.Name.ShouldBe("KIRKLARELİ MERKEZ");
    }

    [Fact]
    public void Puts_a_town_after_a_dash_in_its_district()
    {
        var geography = Shipped.Local2014.Results.Geography;

        // "İPSALA-ESETÇE" is the town Esetçe inside İpsala; its neighbourhoods keep the town in their name.
        geography.TryGetArea("22/İpsala/Esetçe-Atatürk", out var neighbourhood).ShouldBeTrue();
        neighbourhood.Name.ShouldBe("ESETÇE-ATATÜRK MAH.");
        geography.Areas[neighbourhood.Parent].Code.ShouldBe("22/İpsala");
        geography.TryGetArea("22/İPSALA-ESETÇE", out _).ShouldBeFalse();
    }

    [Fact]
    public void Shares_district_codes_with_the_june_2015_registry_and_most_box_codes()
    {
        var local = Shipped.Local2014.Results.Geography;
        var june = Shipped.June2015.Geography;

        local.AreasAt(3).Where(d => !june.TryGetArea(d.Code, out _)).ShouldBeEmpty();
        local.AreasAt(2).Where(c => !june.TryGetArea(c.Code, out _)).ShouldBeEmpty();
        // Boxes are renumbered between elections; 150,423 of the 171,384 codes still meet.
        local.Boxes.Count(b => june.TryGetBox(b.Code, out _)).ShouldBe(150_423);
        // Neighbourhood codes meet wherever the names agree regardless of case and of the " MAH." suffix.
        local.AreasAt(4).Count().ShouldBe(31_343);
        local.AreasAt(4).Count(n => june.TryGetArea(n.Code, out _)).ShouldBe(31_077);
    }

    [Fact]
    public void Keeps_the_valid_votes_of_boxes_whose_party_columns_fall_short_and_lists_them()
    {
        var import = Shipped.Local2014;

        import.Shortfalls.Count.ShouldBe(203);
        import.Shortfalls.Sum(s => s.Missing).ShouldBe(335);
        import.Shortfalls.ShouldAllBe(s => s.Missing > 0);
        var first = import.Shortfalls[0];
        import.Results.Geography.TryGetBox(first.BoxCode, out var box).ShouldBeTrue();
        import.Results.Tallies.Single(t => t.BoxIndex == box.Index).Tally.Valid.ShouldBe(first.Valid);
    }

    [Fact]
    public void Places_an_unknown_district_in_the_first_electoral_district_and_reports_it()
    {
        using var file = Utf16File(Akalan, Akalan.Replace("ÇATALCA", "ATLANTİS").Replace("\t1001\t", "\t1002\t"));

        var import = LocalElection2014File.ReadWithReport(file.Path, null, Shipped.Turkey);

        import.UnmatchedDistricts.ShouldHaveSingleItem().ShouldBe(new UnmatchedDistrict(34, "ATLANTİS", 1, 3));
        var geography = import.Results.Geography;
        geography.TryGetBox("34/ATLANTİS/1002", out var box).ShouldBeTrue();
        geography.AncestorAt(box.Area, 2).Code.ShouldBe("34-1");
        geography.TryGetBox("34/Çatalca/1001", out var known).ShouldBeTrue();
        geography.AncestorAt(known.Area, 2).Code.ShouldBe("34-3");
    }

    [Fact]
    public void Rejects_a_plate_code_that_disagrees_with_the_province_name()
    {
        using var file = Utf16File(Akalan, "6" + Akalan[2..]);

        var error = Should.Throw<ImportFailedException>(() => LocalElection2014File.Read(file.Path, null, Shipped.Turkey));

        error.Issues.ShouldHaveSingleItem().ShouldBe(new ImportIssue(3, "IL_ID",
            "plate code 6 does not match the province 'İSTANBUL', whose code is 34."));
    }

    [Fact]
    public void Rejects_party_columns_that_add_up_to_more_than_the_valid_votes()
    {
        using var file = Utf16File(Akalan.Replace("\t185\t", "\t186\t"));

        var error = Should.Throw<ImportFailedException>(() => LocalElection2014File.Read(file.Path, null, Shipped.Turkey));

        error.Issues.ShouldHaveSingleItem().ShouldBe(new ImportIssue(2, "Geçerli Oy Pusulalarının Toplamı",
            "the party columns add up to 254, more than the 253 valid votes."));
    }

    [Fact]
    public void Reports_every_bad_value_with_its_line_and_column()
    {
        using var file = Utf16File(Akalan, Akalan.Replace("\t272\t", "\t27x\t"), "34\t135\t144920\tİSTANBUL\tÇATALCA");

        var error = Should.Throw<ImportFailedException>(() => LocalElection2014File.Read(file.Path, null, Shipped.Turkey));

        error.Issues.Select(i => (i.Line, i.Column)).ShouldBe([(3, "Oy Kullanan Seçmen Sayısı"), (4, null)]);
        error.Issues[0].Message.ShouldBe("'27x' is not a whole number of zero or more.");
        error.Issues[1].Message.ShouldBe("expected 24 columns, found 5.");
    }

    [Fact]
    public void Rejects_the_same_box_twice()
    {
        using var file = Utf16File(Akalan, Akalan);

        var error = Should.Throw<ImportFailedException>(() => LocalElection2014File.Read(file.Path, null, Shipped.Turkey));

        error.Issues.ShouldHaveSingleItem().ShouldBe(new ImportIssue(3, "Sandık No", "box 1001 of ÇATALCA (İstanbul) appears a second time."));
    }

    [Fact]
    public void Rejects_a_party_column_the_election_does_not_know()
    {
        using var file = Utf16FileWithHeader(Header.Replace("BTP", "XYZ"), Akalan);

        var error = Should.Throw<ImportFailedException>(() => LocalElection2014File.Read(file.Path, null, Shipped.Turkey));

        error.Issues.Select(i => (i.Line, i.Column, i.Message)).ShouldBe(
        [
            (1, "XYZ", "race 'local' has no choice named 'XYZ'."),
            (1, null, "choice 'btp' of race 'local' has no column."),
        ]);
    }

    private static TempFile Utf16File(params string[] rows) => Utf16FileWithHeader(Header, rows);

    private static TempFile Utf16FileWithHeader(string header, params string[] rows) =>
        TempFile.With(string.Join("\r\n", rows.Prepend(header)) + "\r\n", ".csv", new UnicodeEncoding(false, true));

    private static long Sum(BoxResults results, Func<Domain.Submissions.Tally, long> count) => results.Tallies.Sum(t => count(t.Tally));

    private static long Votes(BoxResults results, string choice)
    {
        var index = results.Race.IndexOf(choice);
        return results.Tallies.Sum(t => (long)t.Tally.Votes[index]);
    }
}
