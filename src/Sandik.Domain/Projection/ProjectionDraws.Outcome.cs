namespace Sandik.Domain.Projection;

internal sealed partial class ProjectionDraws
{
    /// <summary>The buffers of one simulation thread.</summary>
    private sealed partial class Worker
    {
        private readonly ProjectionDraws _draws;
        private readonly ProjectionEngine _engine;
        private readonly double[] _unitRows, _explicitNoise, _kindNoise;
        private double _driftNoise, _turnoutDriftNoise;
        private readonly double[] _memberNoise;
        private readonly Dictionary<string, double[]> _seatVotes = new(StringComparer.Ordinal);
        private Random? _random;

        public Worker(ProjectionDraws draws)
        {
            _draws = draws;
            _engine = draws._engine;
            var groups = _engine.Groups.Count;
            _unitRows = new double[_engine.Tree.Units.Length * draws.Width];
            _explicitNoise = new double[_engine.Tree.LevelStart[_engine.Tree.ExplicitLevels] * (groups + 2)];
            _kindNoise = new double[PoolingTree.Kinds * (groups + 2)];
            Totals = new double[draws.Areas.Count * draws.Width];
            _memberNoise = new double[draws.Choices];
            if (draws._rules is null) return;
            foreach (var unit in _engine.Tree.Units) _seatVotes[unit.Code] = new double[draws.Choices];
        }

        public double[] Totals { get; }

        /// <summary>One outcome into <paramref name="totals"/>: the point projection when <paramref name="random"/> is null.</summary>
        public void Outcome(Random? random, double[] totals, int draw)
        {
            _random = random;
            _spare = double.NaN;
            var noisy = random is not null;
            if (noisy)
            {
                for (var i = 0; i < _explicitNoise.Length; i++) _explicitNoise[i] = Normal();
                for (var i = 0; i < _kindNoise.Length; i++) _kindNoise[i] = Normal();
                (_driftNoise, _turnoutDriftNoise) = (Normal(), Normal());
                for (var k = 0; k < _memberNoise.Length; k++) _memberNoise[k] = Normal();
            }
            for (var u = 0; u < _engine.Tree.Units.Length; u++) Unit(u, noisy);
            AllocateSeats(draw);
            Array.Clear(totals);
            for (var u = 0; u < _engine.Tree.Units.Length; u++) _draws.Areas.Spread(u, _unitRows.AsSpan(u * _draws.Width, _draws.Width), totals, _draws.Width);
        }

        private void Unit(int u, bool noisy)
        {
            var e = _engine;
            var (groups, choices, width) = (e.Groups.Count, _draws.Choices, _draws.Width);
            var row = _unitRows.AsSpan(u * width, width);
            row.Clear();
            var valid = e.ProjectedValid[u];
            var reach = e.TurnoutDriftReach;
            var (validFactor, votedFactor) = (1 + e.DriftValid * reach, 1 + e.DriftVoted * reach);
            Span<double> deviation = stackalloc double[groups];
            deviation.Clear();
            if (noisy && valid > 0)
            {
                var explicitLevels = e.Tree.ExplicitLevels;
                validFactor += e.DriftValid * Math.Max(1, reach) * _turnoutDriftNoise;
                votedFactor += e.DriftVoted * Math.Max(1, reach) * _turnoutDriftNoise;
                var ancestors = e.Tree.UnitAncestors.AsSpan(u * explicitLevels, explicitLevels);
                var sum = 0.0;
                for (var g = 0; g < groups; g++)
                {
                    var shared = 0.0;
                    foreach (var node in ancestors) shared += Math.Sqrt(e.ExplicitGroups[node * groups + g]) * _explicitNoise[node * (groups + 2) + g];
                    deviation[g] = valid * (shared + e.DriftGroups[g] * _driftNoise) + Math.Sqrt(e.LowerGroups[u * groups + g]) * Normal() + KindDeviation(u, g);
                    sum += deviation[g];
                }
                for (var g = 0; g < groups; g++) deviation[g] -= e.ProjectedGroups[u * groups + g] / valid * sum;
                foreach (var node in ancestors)
                {
                    validFactor += Math.Sqrt(e.ExplicitValid[node]) * _explicitNoise[node * (groups + 2) + groups];
                    votedFactor += Math.Sqrt(e.ExplicitVoted[node]) * _explicitNoise[node * (groups + 2) + groups + 1];
                }
                validFactor = Math.Clamp(validFactor + (Math.Sqrt(e.LowerValid[u]) * Normal() + KindScalar(u, e.KindValid, e.Valid, groups)) / valid, 0, 3);
                var voted = e.ProjectedVoted[u];
                votedFactor = Math.Clamp(votedFactor + (voted > 0 ? (Math.Sqrt(e.LowerVoted[u]) * Normal() + KindScalar(u, e.KindVoted, e.Voted, groups + 1)) / voted : 0), 0, 3);
            }
            Span<double> split = stackalloc double[choices];
            Split(u, noisy, split);
            for (var k = 0; k < choices; k++)
            {
                var g = e.Groups.GroupOf[k];
                var drawn = Math.Max(0, e.ProjectedGroups[u * groups + g] + deviation[g]) * validFactor;
                var votes = e.CountedVotes[u * choices + k] + drawn * split[k];
                row[k] = votes;
                row[choices] += votes;
            }
            row[choices + 1] = e.CountedVoted[u] + e.ProjectedVoted[u] * votedFactor;
            row[choices + 2] = e.CountedRegistered[u] + e.UncountedRegistered[u];
        }

        private void AllocateSeats(int draw)
        {
            var rules = _draws._rules;
            if (rules is null) return;
            var (choices, width) = (_draws.Choices, _draws.Width);
            var units = _engine.Tree.Units;
            for (var u = 0; u < units.Length; u++) _unitRows.AsSpan(u * width, choices).CopyTo(_seatVotes[units[u].Code]);
            var allocation = Seats.SeatAllocator.Allocate(rules, _draws._candidates, _seatVotes);
            for (var u = 0; u < units.Length; u++)
            {
                var won = allocation.ConstituencySeats[units[u].Code];
                for (var k = 0; k < choices; k++) _unitRows[u * width + choices + 3 + k] = won[k];
            }
            if (draw < 0) return;
            for (var k = 0; k < choices; k++)
            {
                _draws._passed[draw * choices + k] = allocation.PassedThreshold[k];
                _draws._majority[draw * choices + k] = allocation.Seats[k] * 2 > rules.TotalSeats;
            }
        }

    }
}
