using Sandik.Domain.Elections;
using Sandik.Domain.Geography;
using Sandik.Import.Generic;
using Shouldly;
using Xunit;

namespace Sandik.Import.Tests.Generic;

public sealed class GenericBoxCsvTests
{
    // Lines of data/examples/generic-boxes.csv: two comments, the header on line 3, boxes on lines 4 to 11.
    private const int HeaderLine = 3;

    private static string ExamplePath => Shipped.Data("examples", "generic-boxes.csv");
    private static string[] ExampleLines => File.ReadAllLines(ExamplePath);

    [Fact]
    public void Reads_the_example_file()
    {
        var results = GenericBoxCsv.Read(ExamplePath, Election(), Geography());

        results.Tallies.Count.ShouldBe(8);
        results.Geography.Root.Name.ShouldBe("Exampleland");
        results.Geography.AreasAt(1).Select(a => (a.Code, a.Name)).ShouldBe([("N", "North"), ("S", "South")]);
        results.Geography.AreasAt(2).Select(a => a.Code).ShouldBe(["N/Harbour", "N/Newtown", "S/Newtown", "S/Hillside", "S/Lakeview, Upper"]);
        results.Geography.Boxes.Select(b => b.Code).ShouldContain("S/Newtown/2");
        results.Tallies.Sum(t => t.Tally.Valid).ShouldBe(2_026);
        Enumerable.Range(0, 4).Select(i => results.Tallies.Sum(t => t.Tally.Votes[i])).ShouldBe([715, 680, 527, 104]);
        results.Tallies.Select(t => t.Line).ShouldBe([4, 5, 6, 7, 8, 9, 10, 11]);
    }

    [Fact]
    public void Reports_progress_up_to_the_whole_file()
    {
        var reports = new List<ImportProgress>();

        GenericBoxCsv.Read(ExamplePath, Election(), Geography(), new SynchronousProgress(reports.Add));

        reports.ShouldNotBeEmpty();
        reports[^1].Fraction.ShouldBe(1.0);
        reports[^1].TotalBytes.ShouldBe(new FileInfo(ExamplePath).Length);
    }

    [Fact]
    public void Keeps_counts_left_blank_as_unknown()
    {
        var results = GenericBoxCsv.Read(ExamplePath, Election(), Geography());

        var harbour3 = results.Tallies.Single(t => results.Geography.Boxes[t.BoxIndex].Code == "N/Harbour/3");
        (harbour3.Tally.Registered, harbour3.Tally.Voted, harbour3.Tally.Invalid, harbour3.Tally.Valid).ShouldBe((null, null, null, 200));
        results.Geography.Boxes[harbour3.BoxIndex].Registered.ShouldBe(0);
    }

    [Fact]
    public void Codes_areas_by_parent_and_name_when_there_is_no_code_column()
    {
        using var file = Variant(lines => [.. lines.Select(l => RemoveColumn(l, 1))]);

        var results = GenericBoxCsv.Read(file.Path, Election(), Geography());

        results.Geography.AreasAt(1).Select(a => a.Code).ShouldBe(["North", "South"]);
        results.Geography.TryGetBox("South/Newtown/1", out _).ShouldBeTrue();
        results.Geography.TryGetBox("North/Newtown/1", out _).ShouldBeTrue();
    }

    [Fact]
    public void Finds_columns_by_name_in_any_order_and_without_the_optional_counts()
    {
        const string text = "valid,sun_party,river_party,mountain_party,independents,box,town,region\n10,1,2,3,4,7,Harbour,North\n";
        using var file = TempFile.With(text);

        var tally = GenericBoxCsv.Read(file.Path, Election(), Geography()).Tallies.ShouldHaveSingleItem();

        tally.Tally.Votes.ToArray().ShouldBe([1, 2, 3, 4]);
        tally.Tally.Voted.ShouldBeNull();
    }

    [Fact]
    public void Reports_a_count_that_is_not_a_whole_number_with_its_line_and_column()
    {
        using var file = Variant(lines => Replace(lines, 7, "North,N,Newtown,1,300,250,246,4,100,8O,50,16"));

        ShouldFailWith(file, (7, "river_party", "'8O' is not a whole number of zero or more."));
    }

    [Fact]
    public void Reports_a_negative_count()
    {
        using var file = Variant(lines => Replace(lines, 5, "North,N,Harbour,2,-480,390,385,5,140,130,95,20"));

        ShouldFailWith(file, (5, "registered", "'-480' is not a whole number of zero or more."));
    }

    [Fact]
    public void Reports_an_empty_vote_count()
    {
        using var file = Variant(lines => Replace(lines, 10, "South,S,Hillside,1,200,180,175,5,40,35,,10"));

        ShouldFailWith(file, (10, "mountain_party", "the count is empty; write 0 for none."));
    }

    [Fact]
    public void Reports_choices_that_do_not_add_up_to_the_valid_votes()
    {
        using var file = Variant(lines => Replace(lines, 8, "South,S,Newtown,1,320,270,262,8,90,110,53,10"));

        ShouldFailWith(file, (8, "valid", "the choices add up to 263, not to the 262 valid votes."));
    }

    [Fact]
    public void Reports_valid_and_invalid_votes_that_do_not_make_the_voters()
    {
        using var file = Variant(lines => Replace(lines, 9, "South,S,Newtown,2,310,256,250,5,85,105,50,10"));

        ShouldFailWith(file, (9, "voted", "256 voters is not 250 valid + 5 invalid votes."));
    }

    [Fact]
    public void Reports_a_box_listed_twice()
    {
        using var file = Variant(lines => [.. lines, "South,S,Hillside,1,200,180,175,5,40,35,90,10"]);

        ShouldFailWith(file, (12, "box", "box '1' of 'Hillside' appears a second time (first on line 10)."));
    }

    [Fact]
    public void Reports_an_unknown_choice_column_on_the_header_line()
    {
        using var file = Variant(lines => Replace(lines, HeaderLine, lines[HeaderLine - 1].Replace("independents", "moon_party")));

        ShouldFailWith(file,
            (HeaderLine, "independents", "the column is missing."),
            (HeaderLine, "moon_party", "unknown column: race 'assembly' has no choice 'moon_party', and it is no level, level code or count of geography 'exampleland'."));
    }

    [Fact]
    public void Reports_a_missing_level_column_and_a_repeated_column()
    {
        using var file = Variant(lines => [.. lines.Select(l => RemoveColumn(l, 2) + ",0")
            .Select((l, i) => i == HeaderLine - 1 ? l[..l.LastIndexOf(',')] + ",box" : l)]);

        ShouldFailWith(file, (HeaderLine, "box", "the column appears more than once."), (HeaderLine, "town", "the column is missing."));
    }

    [Fact]
    public void Reports_an_empty_area_name_and_a_row_of_the_wrong_width()
    {
        using var file = Variant(lines => Replace(Replace(lines, 4, "North,N,,1,500,400,390,10,150,120,100,20"), 6, "North,N,Harbour,3,,,200,,80,60,50"));

        ShouldFailWith(file, (4, "town", "the name is empty."), (6, null, "expected 12 columns, found 11."));
    }

    [Fact]
    public void Reports_a_code_used_for_two_names()
    {
        using var file = Variant(lines => Replace(lines, 9, "Southern,S,Newtown,2,310,255,250,5,85,105,50,10"));

        ShouldFailWith(file, (9, "region", "region 'S' is named 'South' on line 8, here 'Southern'."));
    }

    [Fact]
    public void Reports_an_area_code_given_under_two_parents()
    {
        using var file = TempFile.With(
            "region,town,town_code,box,valid,sun_party,river_party,mountain_party,independents\n"
            + "North,Harbour,H,1,1,1,0,0,0\n"
            + "South,Harbour,H,2,1,1,0,0,0\n");

        ShouldFailWith(file, (3, "town_code", "town 'H' lies in 'North' on line 2, here in 'South'."));
    }

    [Fact]
    public void Counts_lines_across_a_name_that_spans_two_lines()
    {
        using var file = Variant(lines => [.. Replace(lines, 11, "South,S,\"Lakeview,\nUpper\",1,150,120,118,2,30,40,40,8"), "South,S,Hillside,2,1,1,x,0,0,0,0,0"]);

        ShouldFailWith(file, (13, "valid", "'x' is not a whole number of zero or more."));
    }

    [Fact]
    public void Refuses_an_election_defined_for_another_geography()
    {
        var election = Election() with { Geography = "tr" };

        Should.Throw<ImportFailedException>(() => GenericBoxCsv.Read(ExamplePath, election, Geography())).Issues.ShouldHaveSingleItem()
            .ShouldBe(new ImportIssue(0, null, "election 'exampleland-assembly' is defined for geography 'tr', not 'exampleland'."));
    }

    [Fact]
    public void Reports_every_problem_of_a_file_at_once()
    {
        using var file = Variant(lines => Replace(Replace(lines, 4, "North,N,Harbour,1,500,400,390,10,150,120,100,21"), 10, "South,S,Hillside,1,200,180,17x,5,40,35,90,10"));

        var error = Should.Throw<ImportFailedException>(() => GenericBoxCsv.Read(file.Path, Election(), Geography()));

        error.Issues.Select(i => (i.Line, i.Column)).ShouldBe([(4, "valid"), (10, "valid")]);
        error.Message.ShouldContain("line 10, column 'valid': '17x' is not a whole number of zero or more.");
    }

    private sealed class SynchronousProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }

    private static void ShouldFailWith(TempFile file, params (int Line, string? Column, string Message)[] expected)
    {
        var error = Should.Throw<ImportFailedException>(() => GenericBoxCsv.Read(file.Path, Election(), Geography()));
        error.Issues.Select(i => (i.Line, i.Column, i.Message)).ShouldBe(expected);
    }

    private static TempFile Variant(Func<string[], string[]> change) => TempFile.With(string.Join("\n", change(ExampleLines)) + "\n");

    private static string[] Replace(string[] lines, int line, string text)
    {
        var copy = lines.ToArray();
        copy[line - 1] = text;
        return copy;
    }

    // Drops one column from a comment-free line; comments pass unchanged. Quoted names in the example have no effect here
    // because they sit after the columns removed.
    private static string RemoveColumn(string line, int column) =>
        line.StartsWith('#') ? line : string.Join(",", line.Split(',').Where((_, i) => i != column));

    private static Election Election()
    {
        using var stream = File.OpenRead(Shipped.Data("examples", "exampleland.json"));
        return ElectionFile.Read(stream, "exampleland.json");
    }

    private static GeographyDefinition Geography()
    {
        using var stream = File.OpenRead(Shipped.Data("examples", "exampleland-geography.json"));
        return GeographyDefinition.Read(stream, "exampleland-geography.json");
    }
}
