namespace Sandik.Domain.Projection;

internal sealed partial class ProjectionDraws
{
    /// <summary>The random parts of an outcome.</summary>
    private sealed partial class Worker
    {
        /// <summary>
        /// Each choice's part of its group's uncounted votes in a unit; for pooled groups, each part moved by its own
        /// relative spread between districts, then the parts renormalised so the group total stays as drawn.
        /// </summary>
        private void Split(int u, bool noisy, Span<double> split)
        {
            var e = _engine;
            var (groups, choices) = (e.Groups.Count, _draws.Choices);
            for (var g = 0; g < groups; g++)
            {
                var members = e.Groups.Members[g];
                var group = e.ProjectedGroups[u * groups + g];
                var total = 0.0;
                foreach (var k in members)
                {
                    var part = group > 0 ? e.ProjectedVotes[u * choices + k] / group : 0;
                    if (noisy && members.Length > 1)
                        part *= Math.Max(0, 1 + Math.Sqrt(e.MemberSpread[k]) * Normal() + e.DriftMembers[k] * _memberNoise[k]);
                    split[k] = part;
                    total += part;
                }
                if (!noisy || members.Length < 2 || total <= 0) continue;
                foreach (var k in members) split[k] /= total;
            }
        }

        /// <summary>The shared national effects of each kind of box on one unit's uncounted votes of a group.</summary>
        private double KindDeviation(int unit, int group)
        {
            var e = _engine;
            var groups = e.Groups.Count;
            var deviation = 0.0;
            for (var kind = 0; kind < PoolingTree.Kinds; kind++)
            {
                var at = unit * PoolingTree.Kinds + kind;
                var valid = e.KindValid[at];
                if (valid <= 0) continue;
                var share = e.KindGroups[at * groups + group] / valid;
                deviation += valid * Math.Sqrt(share * e.Composition.KindPosterior[kind * groups + group]) * _kindNoise[kind * (groups + 2) + group];
            }
            return deviation;
        }

        private double KindScalar(int unit, double[] votes, RatioModel model, int noise)
        {
            var deviation = 0.0;
            var groups = _engine.Groups.Count;
            for (var kind = 0; kind < PoolingTree.Kinds; kind++)
                deviation += votes[unit * PoolingTree.Kinds + kind] * Math.Sqrt(model.KindPosterior[kind]) * _kindNoise[kind * (groups + 2) + noise];
            return deviation;
        }

        private double _spare = double.NaN;

        /// <summary>A standard normal deviate (Box–Muller, both halves used).</summary>
        private double Normal()
        {
            if (!double.IsNaN(_spare))
            {
                var spare = _spare;
                _spare = double.NaN;
                return spare;
            }
            var radius = Math.Sqrt(-2.0 * Math.Log(1.0 - _random!.NextDouble()));
            var (sin, cos) = Math.SinCos(2 * Math.PI * _random.NextDouble());
            _spare = radius * sin;
            return radius * cos;
        }
    }
}
