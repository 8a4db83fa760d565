using Sandik.Domain.Submissions;
using Sandik.Import.Turkey;
using Shouldly;
using Xunit;

namespace Sandik.Import.Tests.Turkey;

public sealed class VolunteerTallyFileTests
{
    private const string Header = "il,ilce,mahalle,ballot_box_number,cb_submission_id,cb_total_vote,cb_erdogan,cb_ince,cb_kilicdaroglu,cb_ogan,cb_image_url";

    [Fact]
    public void Builds_one_registry_from_the_boxes_both_files_list()
    {
        var registry = Shipped.VolunteerRegistry;

        registry.Boxes.Count.ShouldBe(106_417);
        registry.AreasAt(1).Count().ShouldBe(37);
        registry.AreasAt(3).Count().ShouldBe(448);
        registry.AreasAt(4).Count().ShouldBe(20_878);
        registry.Boxes.ShouldAllBe(b => b.Registered == 0);
        registry.TryGetBox("1/YÜREĞİR/1051", out var box).ShouldBeTrue();
        registry.Areas[box.Area].Name.ShouldBe("AKINCILAR MAH.");
        registry.AncestorAt(box.Area, 1).Name.ShouldBe("Adana");
        registry.AncestorAt(box.Area, 2).Code.ShouldBe("1-1");
    }

    [Fact]
    public void Matches_every_row_of_the_national_file_and_keeps_its_sums()
    {
        var tallies = Shipped.VolunteerTallies;

        Counts(tallies.Report).ShouldBe((83_462, 23_455, 60_007, 0));
        Sums(tallies.Drafts).ShouldBe([9_005_384, 64_403, 8_708_163, 1_006_532]);
        Provinces(tallies.Drafts).Count.ShouldBe(35);
    }

    [Fact]
    public void Matches_every_row_of_the_four_province_file_and_keeps_its_sums_per_province()
    {
        var tallies = Shipped.VolunteerTallies4Provinces;

        Counts(tallies.Report).ShouldBe((51_028, 3_619, 47_409, 0));
        var provinces = Provinces(tallies.Drafts);
        provinces.Keys.Order().ShouldBe(["1", "34", "35", "7"]);
        provinces.ToDictionary(p => p.Key, p => p.Value.Count).ShouldBe(new Dictionary<string, int> { ["34"] = 30_282, ["35"] = 8_806, ["7"] = 4_519, ["1"] = 3_802 }, ignoreOrder: true);
        Sums(provinces["34"]).ShouldBe([4_642_798, 26_274, 4_852_462, 450_081]);
        Sums(provinces["35"]).ShouldBe([851_173, 12_337, 1_793_823, 133_855]);
        Sums(provinces["7"]).ShouldBe([538_731, 7_692, 763_756, 91_076]);
        Sums(provinces["1"]).ShouldBe([479_454, 4_372, 607_938, 56_385]);
    }

    [Fact]
    public void The_two_files_together_cover_80650_boxes_in_37_provinces_and_agree_where_they_overlap()
    {
        var national = Shipped.VolunteerTallies.Drafts;
        var four = Shipped.VolunteerTallies4Provinces.Drafts;

        var byBox = national.ToDictionary(d => d.BoxCode!);
        var overlap = four.Where(d => byBox.ContainsKey(d.BoxCode!)).ToList();
        overlap.Count.ShouldBe(26_766);
        overlap.Where(d => !SameCounts(d, byBox[d.BoxCode!])).ShouldBeEmpty();
        foreach (var draft in four) byBox[draft.BoxCode!] = draft;
        byBox.Count.ShouldBe(80_650);
        Provinces(byBox.Values).Count.ShouldBe(37);
        Sums(byBox.Values).ShouldBe([11_524_965, 90_668, 12_436_154, 1_337_367]);
    }

    [Fact]
    public void Every_draft_passes_validation_for_a_source_that_sends_only_votes()
    {
        var validator = new SubmissionValidator(Shipped.President2023, Shipped.VolunteerRegistry, Shipped.Turkey.DefaultSources());

        foreach (var tallies in new[] { Shipped.VolunteerTallies, Shipped.VolunteerTallies4Provinces })
        {
            var rejected = tallies.Drafts.Select(d => validator.Validate(d, ValidationPolicy.VotesOnly)).Where(v => !v.IsValid).ToList();
            rejected.ShouldBeEmpty();
        }
    }

    [Fact]
    public void Carries_the_submission_id_and_the_photo_of_the_sheet()
    {
        var draft = Shipped.VolunteerTallies4Provinces.Drafts.Single(d => d.BoxCode == "1/YÜREĞİR/1051");

        draft.SourceId.ShouldBe(Shipped.VolunteerSource);
        draft.RaceId.ShouldBe("president");
        draft.ClientSubmissionId.ShouldBe("567852");
        draft.Evidence!.ShouldEndWith("9aa12558-19f4-4fd0-9bec-a2d2ebc1c0a1-1684105089009118683.jpg");
        draft.Valid.Value.ShouldBe(292);
        draft.Votes!.Select(v => (v.Key, v.Value.Value)).ShouldBe([("erdogan", 147L), ("ince", 1L), ("kilicdaroglu", 126L), ("ogan", 18L)]);
        draft.Registered.IsMissing.ShouldBeTrue();
        draft.Voted.IsMissing.ShouldBeTrue();
        draft.Invalid.IsMissing.ShouldBeTrue();
    }

    [Fact]
    public void Reports_each_row_it_cannot_match_by_reason_instead_of_dropping_it()
    {
        using var file = TempFile.With(Lines(
            "Adana,Yüreğir,AKINCILAR MAH.,1051,1,292,147,1,126,18,https://example.org/1.jpg",
            "ATLANTİS,MERKEZ,A MAH.,1001,2,10,10,0,0,0,",
            "ADANA,NOWHERE,B MAH.,1001,3,10,10,0,0,0,",
            "ADANA,YÜREĞİR,AKINCILAR MAH.,99999,4,10,10,0,0,0,",
            "ADANA,YÜREĞİR,AKINCILAR MAH.,1048,,,,,,,",
            "ATLANTİS,ELSEWHERE,C MAH.,1002,5,10,10,0,0,0,"));

        var tallies = VolunteerTallyFile.ReadSubmissions(file.Path, Shipped.VolunteerRegistry, Shipped.President2023, Shipped.VolunteerSource);

        tallies.Drafts.ShouldHaveSingleItem().BoxCode.ShouldBe("1/YÜREĞİR/1051");
        var report = tallies.Report;
        Counts(report).ShouldBe((6, 1, 1, 4));
        report.CountOf(MatchFailure.UnknownProvince).ShouldBe(2);
        report.CountOf(MatchFailure.UnknownDistrict).ShouldBe(1);
        report.CountOf(MatchFailure.UnknownBox).ShouldBe(1);
        report.Unmatched[0].Examples.Select(e => e.Line).ShouldBe([3, 7]);
        report.Unmatched[1].Examples.ShouldHaveSingleItem().ShouldBe(new UnmatchedRow(4, "ADANA", "NOWHERE", "B MAH.", "1001"));
        report.Unmatched[2].Examples.ShouldHaveSingleItem().Line.ShouldBe(5);
        report.ToString().ShouldContain("UnknownDistrict: 1, e.g. line 4: ADANA / NOWHERE / B MAH. / box 1001");
    }

    [Fact]
    public void Counts_a_candidate_left_empty_as_no_votes_and_passes_a_bad_count_on_to_validation()
    {
        using var file = TempFile.With(Lines(
            "ADANA,YÜREĞİR,AKINCILAR MAH.,1051,7,291,147,,126,18,",
            "ADANA,YÜREĞİR,AKINCILAR MAH.,1048,8,28x,139,3,126,15,"));
        var validator = new SubmissionValidator(Shipped.President2023, Shipped.VolunteerRegistry, Shipped.Turkey.DefaultSources());

        var drafts = VolunteerTallyFile.ReadSubmissions(file.Path, Shipped.VolunteerRegistry, Shipped.President2023, Shipped.VolunteerSource).Drafts;

        var accepted = validator.Validate(drafts[0], ValidationPolicy.VotesOnly);
        accepted.IsValid.ShouldBeTrue();
        accepted.Value!.Tally.Votes.ToArray().ShouldBe([147, 0, 126, 18]);
        accepted.Value.Evidence.ShouldBeNull();
        validator.Validate(drafts[1], ValidationPolicy.VotesOnly).Errors.ShouldHaveSingleItem().Code.ShouldBe(ErrorCodes.NotANumber);
    }

    [Fact]
    public void Rejects_a_file_without_a_candidate_column()
    {
        using var file = TempFile.With(Header.Replace(",cb_ogan", "") + "\n");

        var error = Should.Throw<ImportFailedException>(() =>
            VolunteerTallyFile.ReadSubmissions(file.Path, Shipped.VolunteerRegistry, Shipped.President2023, Shipped.VolunteerSource));

        error.Issues.ShouldHaveSingleItem().ShouldBe(new ImportIssue(1, "cb_ogan", "the column is missing."));
    }

    [Fact]
    public void Rejects_a_registry_row_without_a_box_number()
    {
        using var file = TempFile.With(Lines("ADANA,YÜREĞİR,AKINCILAR MAH.,,1,292,147,1,126,18,"));

        var error = Should.Throw<ImportFailedException>(() => VolunteerTallyFile.ReadRegistry([file.Path], Shipped.Turkey));

        error.Issues.ShouldHaveSingleItem().ShouldBe(new ImportIssue(2, "ballot_box_number", "the value is empty."));
    }

    [Fact]
    public void Rejects_a_registry_that_puts_one_box_in_two_neighbourhoods()
    {
        using var file = TempFile.With(Lines("ADANA,YÜREĞİR,A MAH.,1001,,,,,,,", "ADANA,YÜREĞİR,B MAH.,1001,,,,,,,"));

        var error = Should.Throw<ImportFailedException>(() => VolunteerTallyFile.ReadRegistry([file.Path], Shipped.Turkey));

        error.Issues.ShouldHaveSingleItem().ShouldBe(new ImportIssue(3, "mahalle",
            "box 1/YÜREĞİR/1001 was listed in 1/YÜREĞİR/A MAH. before, here in 1/YÜREĞİR/B MAH.."));
    }

    private static (int Rows, int WithoutResult, int Matched, int Unmatched) Counts(MatchReport report) =>
        (report.Rows, report.RowsWithoutResult, report.Matched, report.UnmatchedCount);

    private static string Lines(params string[] rows) => string.Join("\n", rows.Prepend(Header)) + "\n";

    private static long[] Sums(IEnumerable<SubmissionDraft> drafts)
    {
        var sums = new long[4];
        foreach (var draft in drafts)
        {
            for (var i = 0; i < sums.Length; i++) sums[i] += draft.Votes![i].Value.Value!.Value;
        }
        return sums;
    }

    private static Dictionary<string, List<SubmissionDraft>> Provinces(IEnumerable<SubmissionDraft> drafts) =>
        drafts.GroupBy(d => d.BoxCode![..d.BoxCode!.IndexOf('/')]).ToDictionary(g => g.Key, g => g.ToList());

    private static bool SameCounts(SubmissionDraft a, SubmissionDraft b) =>
        a.Valid == b.Valid && a.Votes!.SequenceEqual(b.Votes!) && a.ClientSubmissionId == b.ClientSubmissionId;
}
