using Sandik.Domain.Anomalies;
using Sandik.Domain.Submissions;
using Shouldly;
using Xunit;

namespace Sandik.Domain.Tests.Anomalies;

public sealed class when_a_slip_of_the_pen_is_suspected
{
    private const string Target = "1/D1/305";
    private readonly SyntheticElection _e = new();

    private BoxAnomaly After(Func<BoxCounts, int, Tally> change)
    {
        var counts = _e.Counts.Clone();
        var box = _e.Box(Target);
        counts.Set(box, change(counts, box));
        return _e.Detector(counts).Explain(box)!;
    }

    private static string Described(BoxAnomaly box) => string.Join(" | ", box.Reasons.Select(r => $"{r.Code} {r.Surprise:F2} {r.Text.En}"));

    [Fact]
    public void two_swapped_digits_are_named_with_the_count_they_likely_were()
    {
        var original = _e.Counts.Votes(_e.Box(Target))[0];
        var written = LargestDigitSwap(original);
        (written - original).ShouldNotBe(0);

        var box = After((c, b) =>
        {
            var votes = c.Votes(b).ToArray();
            votes[0] = written;
            // A consistent sheet: the totals were carried along with the wrong count.
            return SyntheticElection.Tally(c.Registered(b), c.Voted(b) + written - original, votes, invalid: c.Invalid(b));
        });

        var reason = box.Reasons.SingleOrDefault(r => r.Check == AnomalyCheck.Transcription);
        reason.ShouldNotBeNull(Described(box));
        reason.Code.ShouldBe("transcription.digits");
        reason.Observed.ShouldBe(written);
        reason.Expected.ShouldBe(original);
        reason.Votes.ShouldBe(Math.Abs(written - original));
        reason.Text.En.ShouldContain($"P's {written} looks like {original} with two digits swapped");
        reason.Text.Tr.ShouldContain($"P oyu {written}: iki rakamı yer değiştirmiş {original} gibi duruyor");
    }

    [Fact]
    public void two_swapped_neighbouring_columns_are_named_with_both_counts()
    {
        var votes = _e.Counts.Votes(_e.Box(Target)).ToArray();
        var (p, q) = (votes[0], votes[1]);
        Math.Abs(p - q).ShouldBeGreaterThan(40);

        var box = After((c, b) =>
        {
            var swapped = c.Votes(b).ToArray();
            (swapped[0], swapped[1]) = (swapped[1], swapped[0]);
            return SyntheticElection.Tally(c.Registered(b), c.Voted(b), swapped, invalid: c.Invalid(b));
        });

        var reason = box.Reasons.SingleOrDefault(r => r.Check == AnomalyCheck.Transcription);
        reason.ShouldNotBeNull(Described(box));
        reason.Code.ShouldBe("transcription.columns");
        reason.Text.En.ShouldContain($"P's {q} and Q's {p} look swapped between neighbouring columns");
        reason.Text.Tr.ShouldContain($"P ({q}) ve Q ({p}) oyları");
    }

    [Fact]
    public void a_repaired_slip_scores_far_above_the_same_box_as_counted()
    {
        var original = _e.Counts.Votes(_e.Box(Target))[0];
        var written = LargestDigitSwap(original);
        var clean = _e.Detector(_e.Counts.Clone()).Explain(_e.Box(Target))!;

        var slipped = After((c, b) =>
        {
            var votes = c.Votes(b).ToArray();
            votes[0] = written;
            return SyntheticElection.Tally(c.Registered(b), c.Voted(b) + written - original, votes, invalid: c.Invalid(b));
        });

        clean.Reasons.ShouldNotContain(r => r.Check == AnomalyCheck.Transcription);
        slipped.SurpriseOf(AnomalyCheck.Transcription).ShouldBeGreaterThan(clean.SurpriseOf(AnomalyCheck.Transcription) + 1);
    }

    [Fact]
    public void a_sheet_that_does_not_add_up_is_not_also_read_as_a_slip()
    {
        var box = After((c, b) =>
        {
            var votes = c.Votes(b).ToArray();
            votes[0] = LargestDigitSwap(votes[0]);
            return SyntheticElection.Tally(c.Registered(b), c.Voted(b), votes, valid: c.Valid(b), invalid: c.Invalid(b));
        });

        box.Reasons[0].Code.ShouldBe("arithmetic.votes-valid");
        box.SurpriseOf(AnomalyCheck.Transcription).ShouldBe(0);
    }

    // The swap of two adjacent digits that changes the count most (no leading zero).
    private static int LargestDigitSwap(int count)
    {
        var digits = count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var best = count;
        for (var i = 0; i + 1 < digits.Length; i++)
        {
            if (i == 0 && digits[1] == '0') continue;
            var chars = digits.ToCharArray();
            (chars[i], chars[i + 1]) = (chars[i + 1], chars[i]);
            var swapped = int.Parse(chars, provider: System.Globalization.CultureInfo.InvariantCulture);
            if (Math.Abs(swapped - count) > Math.Abs(best - count)) best = swapped;
        }
        return best;
    }
}
