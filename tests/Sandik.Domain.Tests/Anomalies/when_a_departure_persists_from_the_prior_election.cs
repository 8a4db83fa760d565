using Sandik.Domain.Anomalies;
using Sandik.Domain.Elections;
using Sandik.Domain.Submissions;
using Shouldly;
using Xunit;

namespace Sandik.Domain.Tests.Anomalies;

public sealed class when_a_departure_persists_from_the_prior_election
{
    private const string Target = "1/D1/305";
    private readonly SyntheticElection _e = new();

    // Q's share well above the neighbourhood: 40% of P's votes moved to Q.
    private BoxCounts WithStrongQ()
    {
        var counts = _e.Counts.Clone();
        var box = _e.Box(Target);
        var votes = counts.Votes(box).ToArray();
        var moved = votes[0] * 4 / 10;
        votes[0] -= moved;
        votes[1] += moved;
        counts.Set(box, SyntheticElection.Tally(counts.Registered(box), counts.Voted(box), votes, invalid: counts.Invalid(box)));
        return counts;
    }

    private BoxAnomaly Explain(BoxCounts counts, BoxCounts prior)
    {
        var detector = new AnomalyDetector(_e.Geography, _e.Race, counts, new PriorElection(_e.Geography, _e.Race, prior));
        detector.Refresh();
        return detector.Explain(_e.Box(Target))!;
    }

    [Fact]
    public void a_box_that_departed_the_same_way_last_time_is_expected_closer_to_where_it_is()
    {
        // Departures that carry over in full from the prior election (the prior is this election's own counts).
        var persistent = Explain(WithStrongQ(), WithStrongQ());
        var sudden = Explain(WithStrongQ(), _e.Counts.Clone());

        sudden.SurpriseOf(AnomalyCheck.ChoiceShare).ShouldBeGreaterThan(persistent.SurpriseOf(AnomalyCheck.ChoiceShare) + 1);
        var reason = sudden.Reasons.Single(r => r.Code == "share.high");
        reason.Text.En.ShouldContain("expected from its neighbourhood's 8 boxes and its own prior result");
        reason.Text.Tr.ShouldContain("mahallesindeki 8 sandık ve kendi önceki sonucundan beklenen");
    }

    [Fact]
    public void without_a_prior_the_expectation_is_the_neighbourhood_median()
    {
        var detector = new AnomalyDetector(_e.Geography, _e.Race, WithStrongQ());
        detector.Refresh();

        var reason = detector.Explain(_e.Box(Target))!.Reasons.Single(r => r.Code == "share.high");
        reason.Text.En.ShouldContain("against a median of");
    }
}
