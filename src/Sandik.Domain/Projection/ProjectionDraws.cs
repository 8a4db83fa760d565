using Sandik.Domain.Seats;

namespace Sandik.Domain.Projection;

/// <summary>
/// Simulated outcomes of the count: each draw moves every explicit area (nation, provinces) by one shared effect,
/// every kind of box by one national effect, and every electoral district by the summed independent effects below
/// it, then allocates the seats. The point outcome is the same computation without noise. Row layout per area: votes
/// per choice, valid, voted, registered, seats per choice. Draws run in parallel, each with its own seeded random
/// source, so the result does not depend on the number of cores. Not thread-safe.
/// </summary>
internal sealed partial class ProjectionDraws
{
    private readonly ProjectionEngine _engine;
    private readonly SeatRules? _rules;
    private readonly IReadOnlyList<SeatCandidate> _candidates;
    private readonly Worker[] _workers;
    private bool[] _passed = [], _majority = [], _aboveHalf = [];

    public ProjectionDraws(ProjectionEngine engine, ReportingAreas areas)
    {
        _engine = engine;
        Areas = areas;
        Choices = engine.Choices;
        Width = 2 * Choices + 3;
        var rules = engine.Race.Seats;
        var codes = rules?.Constituencies.Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
        _rules = codes is not null && engine.Tree.Units.All(u => codes.Contains(u.Code)) ? rules : null;
        _candidates = Tallies.LiveSeats.Candidates(engine.Race);
        _workers = [.. Enumerable.Range(0, Math.Clamp(Environment.ProcessorCount, 1, 8)).Select(_ => new Worker(this))];
        Point = new double[areas.Count * Width];
        Passed = new int[Choices];
        Majority = new int[Choices];
        AboveHalf = new int[Choices];
    }

    public ReportingAreas Areas { get; }
    public int Choices { get; }
    public int Width { get; }

    /// <summary>Whether the race's seats can be allocated over these units.</summary>
    public bool HasSeats => _rules is not null;

    public SeatRules? Rules => _rules;

    /// <summary>The projection itself, per area row.</summary>
    public double[] Point { get; }

    /// <summary>Per stat (area × (shares, turnout, seats)), the value of every draw, <c>[stat * Draws + draw]</c>.</summary>
    public double[] Values { get; private set; } = [];

    public int Draws { get; private set; }

    /// <summary>Draws in which each choice passed the national threshold.</summary>
    public int[] Passed { get; }

    /// <summary>Draws in which each choice won more than half of the seats.</summary>
    public int[] Majority { get; }

    /// <summary>Draws in which each choice won more than half of the national valid votes.</summary>
    public int[] AboveHalf { get; }

    /// <summary>Stats per area: a share per choice, turnout, seats per choice.</summary>
    public int StatsPerArea => 2 * Choices + 1;

    public void Run(int draws, int seed)
    {
        Draws = draws;
        var stats = Areas.Count * StatsPerArea;
        if (Values.Length < stats * draws) Values = new double[stats * draws];
        if (_passed.Length < draws * Choices)
        {
            _passed = new bool[draws * Choices];
            _majority = new bool[draws * Choices];
            _aboveHalf = new bool[draws * Choices];
        }
        _workers[0].Outcome(null, Point, -1);
        var chunk = (draws + _workers.Length - 1) / _workers.Length;
        Parallel.For(0, _workers.Length, w =>
        {
            var worker = _workers[w];
            for (var d = w * chunk; d < Math.Min(draws, (w + 1) * chunk); d++)
            {
                worker.Outcome(new Random(DrawSeed(seed, d)), worker.Totals, d);
                Record(worker.Totals, d);
            }
        });
        for (var k = 0; k < Choices; k++)
        {
            (Passed[k], Majority[k], AboveHalf[k]) = (0, 0, 0);
            for (var d = 0; d < draws; d++)
            {
                if (_passed[d * Choices + k]) Passed[k]++;
                if (_majority[d * Choices + k]) Majority[k]++;
                if (_aboveHalf[d * Choices + k]) AboveHalf[k]++;
            }
        }
    }

    /// <summary>A fixed seed per draw (not <see cref="HashCode"/>, which changes from one process to the next).</summary>
    private static int DrawSeed(int seed, int draw)
    {
        var x = unchecked((ulong)seed * 0x9E3779B97F4A7C15UL + (ulong)draw + 1);
        x = unchecked((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL);
        x = unchecked((x ^ (x >> 27)) * 0x94D049BB133111EBUL);
        return (int)((x ^ (x >> 31)) & int.MaxValue);
    }

    private void Record(double[] totals, int draw)
    {
        var per = StatsPerArea;
        for (var a = 0; a < Areas.Count; a++)
        {
            var row = totals.AsSpan(a * Width, Width);
            var valid = row[Choices];
            for (var k = 0; k < Choices; k++)
            {
                Values[((a * per) + k) * Draws + draw] = valid > 0 ? row[k] / valid : 0;
                Values[((a * per) + Choices + 1 + k) * Draws + draw] = row[Choices + 3 + k];
            }
            Values[((a * per) + Choices) * Draws + draw] = row[Choices + 2] > 0 ? row[Choices + 1] / row[Choices + 2] : 0;
        }
        var national = totals[Choices];
        for (var k = 0; k < Choices; k++) _aboveHalf[draw * Choices + k] = national > 0 && totals[k] * 2 > national;
    }
}
