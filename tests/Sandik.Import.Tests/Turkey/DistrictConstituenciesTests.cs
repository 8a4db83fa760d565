using Sandik.Import.Turkey;
using Shouldly;
using Xunit;

namespace Sandik.Import.Tests.Turkey;

public sealed class DistrictConstituenciesTests
{
    [Fact]
    public void The_shipped_table_is_what_the_june_2015_file_implies()
    {
        var derived = DistrictConstituencies.FromGeography(Shipped.June2015.Geography);
        var shipped = DistrictConstituencies.Shipped(Shipped.Turkey);

        shipped.Entries.ShouldBe(derived.Entries);
        using var text = new StringWriter();
        derived.Write(text);
        text.ToString().ShouldBe(File.ReadAllText(Shipped.Data("geography", DistrictConstituencies.FileName)));
    }

    [Fact]
    public void Lists_970_districts_in_85_electoral_districts()
    {
        var table = DistrictConstituencies.Shipped(Shipped.Turkey);

        table.Entries.Count.ShouldBe(970);
        table.Entries.Select(e => (e.Plate, e.Constituency)).Distinct().Count().ShouldBe(85);
        Enumerable.Range(1, 81).Where(table.HasSeveral).ShouldBe([6, 34, 35]);
    }

    [Theory]
    [InlineData(34, "KADIKÖY", "Kadıköy", 1)]
    [InlineData(34, "kadikoy", "Kadıköy", 1)]
    [InlineData(34, "ŞİŞLİ", "Şişli", 2)]
    [InlineData(6, "KEÇİÖREN", "Keçiören", 2)]
    [InlineData(39, "KIRKLARELİ MERKEZ", "Kırklareli Merkez", 1)]
    public void Finds_a_district_whatever_its_case_and_diacritics(int plate, string spelling, string district, int constituency)
    {
        var table = DistrictConstituencies.Shipped(Shipped.Turkey);

        table.TryFind(plate, spelling, out var entry).ShouldBeTrue();
        (entry.District, entry.Constituency).ShouldBe((district, constituency));
    }

    [Fact]
    public void Does_not_find_a_district_in_another_province()
    {
        DistrictConstituencies.Shipped(Shipped.Turkey).TryFind(6, "Kadıköy", out _).ShouldBeFalse();
    }

    [Fact]
    public void Writes_what_it_reads_including_names_that_need_quotes()
    {
        var table = new DistrictConstituencies([new(1, "Adana", 1, "Seyhan"), new(99, "Testia", 2, "A, \"B\"")]);
        using var file = TempFile.With("");
        using (var writer = new StreamWriter(file.Path)) table.Write(writer);

        DistrictConstituencies.Read(file.Path).Entries.ShouldBe(table.Entries);
    }
}
