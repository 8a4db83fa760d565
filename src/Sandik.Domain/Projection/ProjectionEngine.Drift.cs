using Sandik.Domain.Submissions;

namespace Sandik.Domain.Projection;

internal sealed partial class ProjectionEngine
{
    /// <summary>Fewest counted boxes with a known arrival before the drift is measured.</summary>
    private const int MinDriftBoxes = 200;

    /// <summary>
    /// How much later-counted boxes differ from earlier-counted ones of the same kind in the same district, per group
    /// (share points) and for turnout (relative): boxes do not arrive at random (quick counts are small, low-turnout
    /// boxes), so the boxes still out may differ again by as much. Zero when arrival order is unknown.
    /// </summary>
    public double[] DriftGroups { get; private set; } = [];

    /// <summary>Relative drift of each pooled choice's part of its group, later boxes against earlier ones (0 for own groups).</summary>
    public double[] DriftMembers { get; private set; } = [];

    public double DriftValid { get; private set; }
    public double DriftVoted { get; private set; }

    /// <summary>
    /// How many times the early-to-late distance of the counted boxes separates the counted from the uncounted ones,
    /// in the logarithm of arrival rank: ln(boxes / counted) / (2 ln 2), e.g. 3.3 at 1% counted, 1.7 at 10%, 0.5
    /// at 50%. The uncounted boxes' valid votes and voters are expected to drift by this many times the measured
    /// drift (<see cref="ProjectionOptions.ExtrapolateTurnoutDrift"/>); 0 when the drift is not measured.
    /// </summary>
    public double TurnoutDriftReach { get; private set; }

    /// <summary>
    /// Compares the counted boxes that arrived after the median with those before it, each against the swing of its
    /// own district and kind of box, so that where the early boxes come from does not count as drift.
    /// </summary>
    private void MeasureDrift(IReadOnlyList<Tally?> counted, IReadOnlyList<long>? arrival)
    {
        var groups = Groups.Count;
        if (DriftGroups.Length == 0) (DriftGroups, DriftMembers) = (new double[groups], new double[Choices]);
        Array.Clear(DriftGroups);
        Array.Clear(DriftMembers);
        (DriftValid, DriftVoted, TurnoutDriftReach) = (0, 0, 0);
        if (arrival is null || _countedBoxes < MinDriftBoxes || Tree.SplitLevel < 0) return;
        var median = MedianArrival(counted, arrival);
        var sums = new double[2 * (groups + 5)];
        var members = new double[2 * Choices];
        Span<double> shares = stackalloc double[groups];
        Span<double> observed = stackalloc double[groups];
        for (var b = 0; b < counted.Count; b++)
        {
            if (counted[b] is not { } tally || arrival[b] <= 0 || tally.Valid <= 0) continue;
            var half = arrival[b] > median ? groups + 5 : 0;
            var node = Tree.SplitNode(b);
            PriorShares(b, node, shares);
            var votes = tally.Votes;
            observed.Clear();
            for (var k = 0; k < votes.Length; k++)
            {
                observed[Groups.GroupOf[k]] += votes[k];
                members[(half == 0 ? 0 : Choices) + k] += votes[k];
            }
            for (var g = 0; g < groups; g++) sums[half + g] += observed[g] - tally.Valid * shares[g];
            var registered = Registered[b];
            sums[half + groups] += tally.Valid;
            sums[half + groups + 1] += tally.Valid - registered * Priors.ValidRate[b] * Valid.Ratio[node];
            sums[half + groups + 2] += registered * Priors.ValidRate[b] * Valid.Ratio[node];
            sums[half + groups + 3] += (tally.Voted ?? tally.Valid) - registered * Priors.VotedRate[b] * Voted.Ratio[node];
            sums[half + groups + 4] += registered * Priors.VotedRate[b] * Voted.Ratio[node];
        }
        var (early, late) = (0, groups + 5);
        if (sums[early + groups] <= 0 || sums[late + groups] <= 0) return;
        for (var g = 0; g < groups; g++) DriftGroups[g] = sums[late + g] / sums[late + groups] - sums[early + g] / sums[early + groups];
        DriftValid = Relative(sums, late + groups + 1) - Relative(sums, early + groups + 1);
        MemberDrift(members);
        DriftVoted = Relative(sums, late + groups + 3) - Relative(sums, early + groups + 3);
        if (Options.ExtrapolateTurnoutDrift) TurnoutDriftReach = Math.Log((double)Geography.Boxes.Count / _countedBoxes) / (2 * Math.Log(2));
    }

    private void MemberDrift(double[] votes)
    {
        foreach (var group in Groups.Members)
        {
            if (group.Length < 2) continue;
            double early = 0, late = 0;
            foreach (var k in group) (early, late) = (early + votes[k], late + votes[Choices + k]);
            if (early < SplitVotes || late < SplitVotes) continue;
            foreach (var k in group)
            {
                if (votes[k] <= 0) continue;
                DriftMembers[k] = votes[Choices + k] / late / (votes[k] / early) - 1;
            }
        }
    }

    private static double Relative(double[] sums, int at) => sums[at + 1] > 0 ? sums[at] / sums[at + 1] : 0;

    /// <summary>A box's expected shares under its own district-and-kind swing (before any box-level effect).</summary>
    private void PriorShares(int box, int node, Span<double> shares)
    {
        var groups = Groups.Count;
        var total = 0.0;
        for (var g = 0; g < groups; g++)
        {
            var prior = Priors.GroupShare[box * groups + g];
            var ratio = Composition.Ratio[node * groups + g];
            shares[g] = Composition.Uniform ? Math.Max(0, prior + ratio) : prior * ratio;
            total += shares[g];
        }
        for (var g = 0; g < groups; g++) shares[g] = total > 0 ? shares[g] / total : 1.0 / groups;
    }

    private double[] _arrivals = [];

    private double MedianArrival(IReadOnlyList<Tally?> counted, IReadOnlyList<long> arrival)
    {
        if (_arrivals.Length < counted.Count) _arrivals = new double[counted.Count];
        var n = 0;
        for (var b = 0; b < counted.Count; b++)
        {
            if (counted[b] is not null && arrival[b] > 0) _arrivals[n++] = arrival[b];
        }
        return Statistics.Selection.Select(_arrivals.AsSpan(0, n), n / 2);
    }
}
