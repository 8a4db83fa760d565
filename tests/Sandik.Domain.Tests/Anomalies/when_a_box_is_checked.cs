using Sandik.Domain.Anomalies;
using Sandik.Domain.Reconciliation;
using Sandik.Domain.Submissions;
using Shouldly;
using Xunit;

namespace Sandik.Domain.Tests.Anomalies;

public sealed class when_a_box_is_checked
{
    private const string Target = "1/D1/305";
    private readonly SyntheticElection _e = new();

    private (AnomalyDetector Detector, BoxAnomaly Box) After(Func<BoxCounts, int, Tally> change, string code = Target, bool withPrior = true,
        IReadOnlyDictionary<int, SourceGap>? gaps = null)
    {
        var counts = _e.Counts.Clone();
        var box = _e.Box(code);
        counts.Set(box, change(counts, box));
        var detector = _e.Detector(counts, withPrior, gaps);
        return (detector, detector.Explain(box)!);
    }

    private static int RankOf(AnomalyDetector detector, int box) => detector.Report().Boxes.Single(b => b.BoxIndex == box).Rank;

    [Fact]
    public void votes_that_do_not_add_up_to_the_valid_votes_rank_first_and_say_by_how_much()
    {
        var (detector, box) = After((c, b) => SyntheticElection.Tally(c.Registered(b), c.Voted(b), [.. c.Votes(b)], valid: c.Valid(b) - 12, invalid: c.Invalid(b) + 12));

        var reason = box.Reasons[0];
        reason.Code.ShouldBe("arithmetic.votes-valid");
        reason.Votes.ShouldBe(12);
        reason.Text.En.ShouldContain($"not to the {_e.Counts.Valid(box.BoxIndex) - 12} valid votes");
        RankOf(detector, box.BoxIndex).ShouldBe(1);
    }

    [Fact]
    public void the_same_share_of_extra_voters_is_further_out_in_a_box_three_times_the_size_of_its_peers()
    {
        // Ten points more turnout, taken from those who stayed home, in the box as it is and in a box three times as large.
        static Tally Turnout(BoxCounts c, int b, int scale)
        {
            var registered = c.Registered(b) * scale;
            var extra = registered / 10;
            var votes = c.Votes(b).ToArray().Select(v => v * scale).ToArray();
            votes[0] += extra;
            return SyntheticElection.Tally(registered, c.Voted(b) * scale + extra, votes, invalid: c.Invalid(b) * scale);
        }
        var (_, normal) = After((c, b) => Turnout(c, b, 1), withPrior: false);
        var (_, large) = After((c, b) => Turnout(c, b, 3), withPrior: false);

        var z = (double)normal.Reasons.Single(r => r.Code == "turnout.high").Z!;
        var zLarge = (double)large.Reasons.Single(r => r.Code == "turnout.high").Z!;
        // The peers' spread is mostly their sampling noise at about 340 voters; at three times that a box has less (3.4
        // against 6.0 spreads; judged by the peers' spread alone, 4.9).
        zLarge.ShouldBeGreaterThan(z * 1.6, $"{z} {zLarge}");
    }

    [Fact]
    public void valid_plus_invalid_that_is_not_the_number_of_voters_is_reported()
    {
        var (_, box) = After((c, b) => SyntheticElection.Tally(c.Registered(b), c.Voted(b) + 7, [.. c.Votes(b)], invalid: c.Invalid(b)));

        box.Reasons.ShouldContain(r => r.Code == "arithmetic.valid-invalid-voted" && r.Votes == 7);
    }

    [Fact]
    public void a_handful_of_voters_beyond_the_register_is_noise_but_dozens_are_not()
    {
        var (_, few) = After((c, b) => Over(c, b, 3));
        var (detector, many) = After((c, b) => Over(c, b, 40));

        few.Reasons.ShouldNotContain(r => r.Code == "register.over");
        var reason = many.Reasons.Single(r => r.Code == "register.over");
        reason.Votes.ShouldBe(40);
        reason.Text.Tr.ShouldContain("listeden 40 fazla");
        RankOf(detector, many.BoxIndex).ShouldBe(1);
        many.Score.ShouldBeGreaterThan(few.Score);

        // Voters above the register, all of them for P.
        static Tally Over(BoxCounts c, int b, int excess)
        {
            var votes = c.Votes(b).ToArray();
            var extra = c.Registered(b) + excess - c.Voted(b);
            votes[0] += extra;
            return SyntheticElection.Tally(c.Registered(b), c.Registered(b) + excess, votes, invalid: c.Invalid(b));
        }
    }

    [Fact]
    public void turnout_far_above_the_neighbourhood_is_reported_as_high()
    {
        var (_, box) = After((c, b) => Inflate(c, b, 0.10));

        var reason = box.Reasons.Single(r => r.Code == "turnout.high");
        reason.Z!.Value.ShouldBeGreaterThan(3);
        reason.Expected!.Value.ShouldBe(0.85, 0.03);
        reason.Text.En.ShouldContain("its neighbourhood's 8 boxes");
        reason.Text.Tr.ShouldContain("mahallesindeki 8 sandık");
    }

    [Fact]
    public void an_invalid_share_far_above_the_neighbourhood_is_reported()
    {
        var (_, box) = After((c, b) =>
        {
            var votes = c.Votes(b).ToArray();
            votes[0] -= 50;
            return SyntheticElection.Tally(c.Registered(b), c.Voted(b), votes, invalid: c.Invalid(b) + 50);
        });

        box.Reasons.ShouldContain(r => r.Code == "invalid.high");
        box.Reasons.ShouldContain(r => r.Code == "pattern.invalidation" && r.Text.En.Contains("votes of P were made invalid"),
            string.Join(" | ", box.Reasons.Select(r => $"{r.Code} {r.Surprise:F2} {r.Text.En}")) + " / " + string.Join(";", AnomalyChecks.All.Select(c => $"{c.Id()}={box.SurpriseOf(c):F2}")));
    }

    [Fact]
    public void extra_ballots_for_one_party_are_named_with_about_their_number()
    {
        var (detector, box) = After((c, b) => _e.Stuffed(c, b, party: 1, share: 0.15));

        var reason = box.Reasons.Single(r => r.Check == AnomalyCheck.Pattern);
        reason.Code.ShouldBe("pattern.extra-ballots");
        reason.Text.En.ShouldContain("extra ballots for Q");
        var added = (int)Math.Round(0.15 * _e.Counts.Registered(box.BoxIndex));
        reason.Votes!.Value.ShouldBeInRange(added / 2, added * 2);
        RankOf(detector, box.BoxIndex).ShouldBeLessThanOrEqualTo(3);
    }

    [Fact]
    public void a_flip_between_two_parties_is_named_with_its_direction()
    {
        var (_, box) = After((c, b) =>
        {
            var votes = c.Votes(b).ToArray();
            var moved = votes[1] * 6 / 10;
            votes[1] -= moved;
            votes[3] += moved;
            return SyntheticElection.Tally(c.Registered(b), c.Voted(b), votes, invalid: c.Invalid(b));
        });

        box.Reasons.ShouldContain(r => r.Code == "pattern.flip" && r.Text.En.Contains("from Q to S"), string.Join(" | ", box.Reasons.Select(r => $"{r.Code} {r.Surprise:F2} {r.Text.En}")));
        box.Reasons.ShouldContain(r => r.Code == "share.high" || r.Code == "share.low");
    }

    [Fact]
    public void a_swing_far_from_the_neighbourhood_swing_is_reported()
    {
        var (_, box) = After((c, b) => _e.Stuffed(c, b, party: 3, share: 0.12));

        var reason = box.Reasons.Single(r => r.Check == AnomalyCheck.Swing);
        reason.Code.ShouldBe("swing.up");
        reason.Text.En.ShouldStartWith("Since the prior election");
    }

    [Fact]
    public void without_a_prior_there_is_no_swing_check()
    {
        var (_, box) = After((c, b) => _e.Stuffed(c, b, party: 3, share: 0.12), withPrior: false);

        box.SurpriseOf(AnomalyCheck.Swing).ShouldBe(0);
        box.Reasons.ShouldNotContain(r => r.Check == AnomalyCheck.Swing);
    }

    [Fact]
    public void disagreeing_sources_are_reported_with_the_gap()
    {
        var box = _e.Box(Target);
        var counted = _e.Counts.ToTally(box);
        var votes = counted.Votes.ToArray();
        votes[1] += 30;
        var other = new Tally(counted.Registered, counted.Voted, counted.Valid, counted.Invalid, votes);
        var explanation = new TallyExplanation(Target, BoxStatus.Conflict, "office", 1, "", [
            new TallyExplanation.Entry("office", 1, 1, DateTimeOffset.UnixEpoch, counted, true, [], null, null),
            new TallyExplanation.Entry("sms", 3, 2, DateTimeOffset.UnixEpoch, other, false, ["q"], null, null),
        ]);
        var gap = SourceGap.From(explanation, ["p", "q", "r", "s"])!;

        var (_, result) = After((c, b) => c.ToTally(b), gaps: new Dictionary<int, SourceGap> { [box] = gap });

        gap.ShouldBe(new SourceGap(30, "q", "office", "sms", counted.Votes[1], counted.Votes[1] + 30));
        var reason = result.Reasons.Single(r => r.Code == "sources.disagree");
        reason.Votes.ShouldBe(30);
        reason.Text.En.ShouldContain("'sms' gives q");
    }

    [Fact]
    public void counts_that_are_all_round_are_reported()
    {
        var (_, box) = After((c, b) => SyntheticElection.Tally(c.Registered(b), 290, [120, 80, 50, 30], invalid: 10));

        box.Reasons.ShouldContain(r => r.Code == "digits.round-tens" && r.Surprise == 4);
    }

    [Fact]
    public void a_copied_sheet_is_reported_with_its_twin()
    {
        var twin = _e.Box("1/D1/306");
        var (_, box) = After((c, b) => c.ToTally(twin));

        box.Reasons.ShouldContain(r => r.Code == "duplicate.same-as" && r.Text.En == "Exactly the same votes as box 306 of Hood 3.");
    }

    [Fact]
    public void an_ordinary_box_has_a_low_score_and_every_reason_speaks_both_languages()
    {
        var detector = _e.Detector(_e.Counts.Clone());
        var report = detector.Report();

        report.ScoredBoxes.ShouldBe(320);
        // Half the boxes of a clean election score less than three checks each as rare as one box in ten, and even the
        // oddest stays below the 10 that a sheet which does not add up starts at.
        report.Boxes[report.Boxes.Count / 2].Score.ShouldBeLessThan(3);
        report.Boxes[0].Score.ShouldBeLessThan(10);
        report.Boxes.Skip(report.Boxes.Count / 2).ShouldAllBe(b => b.Reasons.All(r => r.Check != AnomalyCheck.Arithmetic && r.Check != AnomalyCheck.Register));
        report.Boxes.SelectMany(b => b.Reasons).ShouldAllBe(r => r.Text.Tr.Length > 0 && r.Text.En.Length > 0 && r.Text.Tr != r.Text.En);
    }

    private static Tally Inflate(BoxCounts c, int b, double share)
    {
        var extra = (int)Math.Round(share * c.Registered(b));
        var votes = c.Votes(b).ToArray();
        var valid = c.Valid(b);
        for (var j = 0; j < votes.Length; j++) votes[j] += extra * votes[j] / valid;
        return SyntheticElection.Tally(c.Registered(b), c.Voted(b) + votes.Sum() - valid, votes, invalid: c.Invalid(b));
    }
}
