using System.Diagnostics;
using System.Runtime.CompilerServices;
using Sandik.Domain.Elections;
using Sandik.Domain.Geography;
using Sandik.Domain.Submissions;

namespace Sandik.Domain.Anomalies;

/// <summary>
/// Scores every box of a race for signs that its count is wrong, and says why.
/// <para>
/// Two speeds. <see cref="Refresh"/> recomputes everything: each box's ratios, the peers' medians and spreads, how
/// vote components vary together, the calibration that turns statistics into rarities, and every score (a full
/// scan; about a second for 175,000 boxes). <see cref="Submit"/> rescores one box against the statistics of the
/// last refresh, in microseconds. The trade-off: between refreshes a new box is judged against peers that do not
/// include it yet, and its neighbours' scores do not move because of it. Peers' medians are robust, so one box moves
/// them little; refresh every few thousand submissions or every minute on election night, and once at the end.
/// </para>
/// Thread-safe: every public member takes an internal lock; results are snapshots.
/// </summary>
public sealed partial class AnomalyDetector
{
    private const int Slots = StatisticSlot.Count;
    private static readonly int Checks = AnomalyChecks.All.Length;
    private readonly Lock _gate = new();
    private readonly BoxCounts _counts;
    private readonly BoxMetrics _metrics;
    private readonly PeerGroups _groups;
    private readonly PeerStatistics _stats;
    private readonly PatternTest _patterns;
    private readonly DuplicateIndex _duplicates;
    private readonly Dictionary<int, SourceGap> _gaps = [];
    private readonly BoxAssessor _assessor;
    private readonly ReasonWriter _writer;
    private readonly double[] _raw;
    private readonly byte[] _basis;
    private readonly bool[] _scored;
    private int _scoredBoxes;
    private readonly double[] _scores;
    private ScoreCombiner _combiner = ScoreCombiner.Uncalibrated;
    private RegionalScale _regional = RegionalScale.None;

    /// <param name="counts">The boxes reported so far (may be empty); the detector keeps and updates it.</param>
    /// <param name="prior">A previous election on the same geography, for swing checks.</param>
    /// <param name="sourceGaps">Where sources disagree on a box so far (see <see cref="LiveInput"/>).</param>
    public AnomalyDetector(ElectionGeography geography, Race race, BoxCounts counts, PriorElection? prior = null, AnomalyOptions? options = null,
        IReadOnlyDictionary<int, SourceGap>? sourceGaps = null)
    {
        if (counts.BoxCount != geography.Boxes.Count || counts.ChoiceCount != race.Choices.Count)
            throw new ArgumentException("The counts do not belong to this geography and race.", nameof(counts));
        Geography = geography;
        Race = race;
        Options = options ?? AnomalyOptions.Default;
        _counts = counts;
        Components = VoteComponents.Choose(race, ChoiceTotals(race, counts, prior), Options.MaxMajorChoices, Options.MajorChoiceShare);
        Prior = prior is null ? null : PriorBaseline.Align(geography, race, prior);
        _metrics = new BoxMetrics(geography, race.Choices.Count, Components, Prior);
        _groups = new PeerGroups(geography);
        _stats = new PeerStatistics(_groups, _metrics.Count, Options.MinNeighbourhoodPeers, _metrics.Compared(Components), _metrics.SwingLevels(Components),
            withPersistence: Options.PriorPersistence && Prior is not null);
        _patterns = new PatternTest(Components, _groups.Regions);
        _duplicates = new DuplicateIndex(_groups, Options.DuplicateMinValid);
        var comparison = new PeerComparison(_groups, _stats, _metrics, Options, Prior, Components);
        _assessor = new BoxAssessor(counts, _metrics, Components, comparison, _patterns, new TypoRepair(Components, _patterns.Correlations), _duplicates, _gaps, Options);
        _writer = new ReasonWriter(geography, race, Components, counts, _gaps, Options);
        foreach (var (box, gap) in sourceGaps ?? new Dictionary<int, SourceGap>()) _gaps[box] = gap;
        _raw = new double[geography.Boxes.Count * Slots];
        _basis = new byte[geography.Boxes.Count * Slots];
        _scored = new bool[geography.Boxes.Count];
        _scores = new double[geography.Boxes.Count];
        Array.Fill(_scores, double.NaN);
    }

    public ElectionGeography Geography { get; }

    public Race Race { get; }

    public AnomalyOptions Options { get; }

    /// <summary>The vote components boxes are compared on (major choices, others, invalid).</summary>
    public VoteComponents Components { get; }

    /// <summary>The prior election aligned with this race, when one was given.</summary>
    public PriorBaseline? Prior { get; }

    /// <summary>Submissions scored since the last <see cref="Refresh"/>.</summary>
    public int PendingSinceRefresh { get; private set; }

    /// <summary>Boxes that have a score: every box reported at the last refresh or scored since.</summary>
    public int ScoredBoxes => Volatile.Read(ref _scoredBoxes);

    /// <summary>How long the last refresh took.</summary>
    public TimeSpan LastRefresh { get; private set; }

    /// <summary>Recomputes every statistic and every score from the counts held.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Refresh()
    {
        lock (_gate)
        {
            var clock = Stopwatch.StartNew();
            _metrics.ComputeAll(_counts);
            _stats.RefreshAll(_metrics);
            _duplicates.Clear();
            for (var box = 0; box < _counts.BoxCount; box++) _duplicates.Update(_counts, box);
            FitPatterns();
            var assessment = new Assessment();
            var scored = 0;
            for (var box = 0; box < _counts.BoxCount; box++)
            {
                _scored[box] = _counts.IsReported(box);
                if (!_scored[box]) continue;
                scored++;
                _assessor.Assess(box, ref assessment);
                _assessor.Statistics(assessment, _raw.AsSpan(box * Slots, Slots), _basis.AsSpan(box * Slots, Slots));
            }
            _scoredBoxes = scored;
            _regional = RegionalScale.Fit(_raw, _scored, _groups);
            for (var box = 0; box < _counts.BoxCount; box++)
            {
                if (_scored[box]) _regional.Apply(_groups.RegionOf(box), _raw.AsSpan(box * Slots, Slots));
            }
            _combiner = ScoreCombiner.Fit(_raw, _basis, _scored);
            Span<double> slots = stackalloc double[Slots];
            Span<double> checks = stackalloc double[Checks];
            for (var box = 0; box < _counts.BoxCount; box++)
            {
                _scores[box] = _scored[box] ? _combiner.Combine(_raw.AsSpan(box * Slots, Slots), _basis.AsSpan(box * Slots, Slots), slots, checks) : double.NaN;
            }
            PendingSinceRefresh = 0;
            LastRefresh = clock.Elapsed;
        }
    }

    /// <summary>
    /// Records a box's new counted tally and rescores that box alone against the last refresh's statistics.
    /// </summary>
    /// <param name="gap">The widest disagreement between sources on this box (see <see cref="SourceGap.From"/>), or null.</param>
    public BoxAnomaly Submit(int box, Tally tally, SourceGap? gap = null)
    {
        lock (_gate)
        {
            Record(box, tally, gap);
            return Rescore(box, explain: true, rank: 0)!;
        }
    }

    /// <summary>
    /// <see cref="Submit"/> without the box's reasons, for a caller that only keeps the ranking current (writing the
    /// reasons was a third of the cost of a rescoring).
    /// </summary>
    public void Update(int box, Tally tally, SourceGap? gap = null)
    {
        lock (_gate)
        {
            Record(box, tally, gap);
            Rescore(box, explain: false, rank: 0);
        }
    }

    private void Record(int box, Tally tally, SourceGap? gap)
    {
        _counts.Set(box, tally);
        if (gap is null) _gaps.Remove(box);
        else _gaps[box] = gap;
        _metrics.Compute(_counts, box);
        _duplicates.Update(_counts, box);
        PendingSinceRefresh++;
    }

    /// <summary>The box's score as of its last scoring (NaN when it has not reported).</summary>
    public double ScoreOf(int box)
    {
        lock (_gate) return _scores[box];
    }

    /// <summary>Every box's score as of its last scoring (NaN for boxes not reported), indexed by box.</summary>
    public double[] Scores()
    {
        lock (_gate) return (double[])_scores.Clone();
    }

    private void FitPatterns()
    {
        var k = Components.Count;
        Span<double> z = stackalloc double[k];
        Span<double> sigma = stackalloc double[k];
        Span<double> expected = stackalloc double[k];
        var correlations = _patterns.Correlations;
        correlations.BeginFit();
        for (var box = 0; box < _counts.BoxCount; box++)
        {
            var basis = _assessor.Departures(box, z, sigma, expected);
            correlations.Observe(basis, _groups.RegionOf(box), z);
        }
        correlations.EndFit();
    }

    private BoxAnomaly? Rescore(int box, bool explain, int rank, bool keepScore = false)
    {
        var assessment = new Assessment();
        _assessor.Assess(box, ref assessment);
        var raw = _raw.AsSpan(box * Slots, Slots);
        var basis = _basis.AsSpan(box * Slots, Slots);
        Span<double> slots = stackalloc double[Slots];
        Span<double> checks = stackalloc double[Checks];
        if (!keepScore)
        {
            _assessor.Statistics(assessment, raw, basis);
            _regional.Apply(_groups.RegionOf(box), raw);
            if (!_scored[box]) _scoredBoxes++;
            _scored[box] = true;
        }
        // A report shows the scores it ranked by; its reasons are recomputed and agree unless a submission came in.
        var score = _combiner.Combine(raw, basis, slots, checks);
        if (!keepScore) _scores[box] = score;
        if (!explain) return null;
        return Describe(box, rank, _scores[box], checks.ToArray(), _writer.Write(assessment, slots, checks));
    }

    private static long[] ChoiceTotals(Race race, BoxCounts counts, PriorElection? prior)
    {
        var totals = VoteComponents.Totals(counts);
        if (totals.Any(t => t > 0) || prior is null) return totals;
        var priorTotals = VoteComponents.Totals(prior.Counts);
        for (var j = 0; j < race.Choices.Count; j++)
        {
            var p = prior.Race.IndexOf(race.Choices[j].Id);
            if (p >= 0) totals[j] = priorTotals[p];
        }
        return totals;
    }
}
