using System.Runtime.CompilerServices;

namespace Sandik.Domain.Anomalies;

/// <summary>
/// Tests a box's standardised departures z — turnout, each choice group's share, invalid share — against each
/// manipulation pattern u with the likelihood-ratio statistic uᵀC⁻¹z / √(uᵀC⁻¹u), where C is how the departures
/// correlate across all boxes (one C per peer basis, see <see cref="DepartureCorrelations"/>). Each pattern is a
/// fixed, linearised shift: extra ballots for a choice raise turnout by the amount and that choice's share by
/// amount × (1 − share) / valid turnout; a flip
/// moves two shares by the same amount and nothing else; and so on (docs/anomalies.md gives them all). A box whose
/// departures line up with a pattern gets a large statistic even when each departure alone looks ordinary. The check
/// ranks by the statistic's evidence under heavy-tailed honest departures (<see cref="PatternFit.Evidence"/>), so that
/// a box odd in every direction does not pass for a manipulation of one shape.
/// Thread-safe for testing once the correlations are fitted.
/// </summary>
public sealed class PatternTest
{
    /// <summary>Number of pattern kinds <see cref="BestOfEach"/> fills.</summary>
    public const int Kinds = 5;

    private readonly VoteComponents _components;
    private readonly int _k;

    /// <param name="regions">Regions with correlations of their own (see <see cref="DepartureCorrelations"/>).</param>
    public PatternTest(VoteComponents components, int regions = 0)
    {
        _components = components;
        _k = components.Count;
        Correlations = new DepartureCorrelations(_k, regions);
    }

    /// <summary>How departures correlate, per basis; refreshed by the owner before boxes are tested.</summary>
    public DepartureCorrelations Correlations { get; }

    /// <summary>
    /// For each pattern kind (indexed by <see cref="ManipulationPattern"/> − 1), the direction with the largest
    /// statistic among those that shift the box in their own sense; <see cref="PatternFit.None"/> when none does.
    /// </summary>
    /// <param name="region">The box's region (see <see cref="PeerGroups.RegionOf"/>), or -1 for the country's correlations.</param>
    /// <param name="z">Standardised departures, one per dimension.</param>
    /// <param name="sigma">The spreads the departures were divided by.</param>
    /// <param name="expected">The box's expected turnout, choice-group shares and invalid share.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void BestOfEach(PeerBasis basis, int region, ReadOnlySpan<double> z, ReadOnlySpan<double> sigma, ReadOnlySpan<double> expected,
        double registered, double valid, Span<PatternFit> best)
    {
        best[..Kinds].Fill(PatternFit.None);
        if (basis == PeerBasis.None) return;
        var inv = Correlations.Inverse(basis, region);
        // In the box's own units: w = D⁻¹C⁻¹z and M = D⁻¹C⁻¹D⁻¹ (D the spreads), so that a shift u scores uᵀw / √(uᵀMu).
        // On the way, the box's squared distance from its peers, d² = zᵀC⁻¹z.
        Span<double> w = stackalloc double[_k];
        Span<double> m = stackalloc double[_k * _k];
        double distance = 0;
        for (var i = 0; i < _k; i++)
        {
            double sum = 0;
            for (var j = 0; j < _k; j++)
            {
                sum += inv[i * _k + j] * z[j];
                m[i * _k + j] = inv[i * _k + j] / (sigma[i] * sigma[j]);
            }
            w[i] = sum / sigma[i];
            distance += z[i] * sum;
        }
        // Every shift is a mix of four directions: turnout (T), invalid share (I), one group's share (g) and the vector of
        // all expected shares (s). Their cross terms under M are all a shift needs.
        Span<double> ms = stackalloc double[_k];
        double sw = 0, sms = 0;
        for (var i = 0; i < _k; i++)
        {
            double sum = 0;
            for (var g = 0; g < _components.Groups; g++) sum += m[i * _k + _components.ShareOf(g)] * expected[_components.ShareOf(g)];
            ms[i] = sum;
        }
        for (var g = 0; g < _components.Groups; g++)
        {
            var share = _components.ShareOf(g);
            sw += expected[share] * w[share];
            sms += expected[share] * ms[share];
        }
        int t = VoteComponents.Turnout, iv = _components.Invalid;
        var terms = new Terms(w[t], w[iv], sw, m[t * _k + t], m[iv * _k + iv], m[t * _k + iv], ms[t], ms[iv], sms);
        var turnout = Math.Max(expected[t], 0.05);
        var invalid = Math.Clamp(expected[iv], 0, 0.9);
        var validTurnout = turnout * (1 - invalid);
        for (var a = 0; a < _components.Groups; a++)
        {
            var g = _components.ShareOf(a);
            var group = new GroupTerms(w[g], m[g * _k + g], m[t * _k + g], m[iv * _k + g], ms[g]);
            // Extra ballots for a: turnout +1, invalid share −i/t, shares (e_a − s)/valid turnout, per unit of registered.
            Consider(best, ManipulationPattern.ExtraBallots, -1, a, registered, terms.Fit(group, 1, -invalid / turnout, 1 / validTurnout, -1 / validTurnout));
            // Votes of a made invalid: invalid share +(1 − i), shares s − e_a, per unit of valid votes.
            Consider(best, ManipulationPattern.Invalidation, a, -1, valid, terms.Fit(group, 0, 1 - invalid, -1, 1));
            // Votes of a gone: turnout −valid turnout, invalid share +i(1 − i), shares s − e_a.
            Consider(best, ManipulationPattern.Removal, a, -1, valid, terms.Fit(group, -validTurnout, invalid * (1 - invalid), -1, 1));
            for (var b = 0; b < _components.Groups; b++)
            {
                if (b == a) continue;
                var to = _components.ShareOf(b);
                Consider(best, ManipulationPattern.Flip, a, b, valid,
                    (w[to] - w[g], m[g * _k + g] + m[to * _k + to] - 2 * m[g * _k + to]));
            }
        }
        Consider(best, ManipulationPattern.Inflation, -1, -1, registered, terms.Fit(new GroupTerms(0, 0, 0, 0, 0), 1, -invalid / turnout, 0, 0));
        // The box with the best shift of each kind taken out lies d² − Z² from its peers (Z is the length of the
        // shift's component in the whitened departures).
        for (var p = 0; p < Kinds; p++)
        {
            if (best[p].Pattern != ManipulationPattern.None)
                best[p] = best[p] with { Evidence = HeavyTails.Evidence(_k, distance, distance - best[p].Z * best[p].Z) };
        }
    }

    private static void Consider(Span<PatternFit> best, ManipulationPattern pattern, int from, int to, double per, (double Projection, double Quadratic) fit)
    {
        if (fit.Projection <= 0 || fit.Quadratic <= 0) return;
        var stat = fit.Projection / Math.Sqrt(fit.Quadratic);
        ref var slot = ref best[(int)pattern - 1];
        if (stat > slot.Z) slot = new PatternFit(pattern, from, to, stat, (int)Math.Round(fit.Projection / fit.Quadratic * per));
    }

    /// <summary>The terms of one choice group g: w_g, M_gg, M_Tg, M_Ig and (Ms)_g.</summary>
    private readonly record struct GroupTerms(double W, double Mgg, double Mtg, double Mig, double Msg);

    /// <summary>The box's terms that do not depend on the group: w_T, w_I, s·w, M_TT, M_II, M_TI, (Ms)_T, (Ms)_I, sᵀMs.</summary>
    private readonly record struct Terms(double Wt, double Wi, double Sw, double Mtt, double Mii, double Mti, double Mst, double Msi, double Sms)
    {
        /// <summary>Projection and quadratic form of the shift u = αT + βI + γe_g + δs.</summary>
        public (double Projection, double Quadratic) Fit(GroupTerms g, double alpha, double beta, double gamma, double delta) =>
            (alpha * Wt + beta * Wi + gamma * g.W + delta * Sw,
             alpha * alpha * Mtt + beta * beta * Mii + gamma * gamma * g.Mgg + delta * delta * Sms
             + 2 * (alpha * beta * Mti + alpha * gamma * g.Mtg + alpha * delta * Mst + beta * gamma * g.Mig + beta * delta * Msi + gamma * delta * g.Msg));
    }
}
