using System.Runtime.CompilerServices;
using Sandik.Domain.Geography;

namespace Sandik.Domain.Anomalies;

/// <summary>
/// The ratios every peer comparison works on, one row per box: turnout, invalid share, each choice's share of the
/// valid votes and the minor choices' share together, and the change of each since the prior election (in points of the same ratio). A value that cannot
/// be computed (no sheet yet, no registered voters, no prior) is NaN and takes part in no comparison.
/// Not thread-safe.
/// </summary>
public sealed class BoxMetrics
{
    public const int Turnout = 0, InvalidShare = 1, OthersShare = 2, TurnoutSwing = 3, InvalidShareSwing = 4, OthersShareSwing = 5, FirstShare = 6;

    private readonly ElectionGeography _geography;
    private readonly PriorBaseline? _prior;
    // Single precision: seven digits are plenty for a ratio of counts, and a row per box for every choice and its swing
    // in doubles took about 50 MB for the whole country. Computed in double, stored rounded.
    private readonly float[] _values;
    private readonly VoteComponents _components;
    private readonly float[] _registered;

    /// <param name="components">Which choices are major; the others' shares are also pooled into one metric.</param>
    public BoxMetrics(ElectionGeography geography, int choiceCount, VoteComponents components, PriorBaseline? prior)
    {
        _geography = geography;
        _prior = prior;
        _components = components;
        ChoiceCount = choiceCount;
        Count = FirstShare + 2 * choiceCount;
        _values = new float[geography.Boxes.Count * Count];
        Array.Fill(_values, float.NaN);
        _registered = new float[geography.Boxes.Count];
        Array.Fill(_registered, float.NaN);
    }

    /// <summary>Metrics per box.</summary>
    public int Count { get; }

    public int ChoiceCount { get; }

    public bool HasPrior => _prior is not null;

    /// <summary>Whether the box's prior is the same box (not its neighbourhood's result).</summary>
    public bool HasOwnPrior(int box) => _prior is not null && _prior.MatchOf(box) == PriorMatch.Box;

    public int Share(int choice) => FirstShare + choice;

    public int ShareSwing(int choice) => FirstShare + ChoiceCount + choice;

    /// <summary>The swing metric of a level metric (turnout, invalid share or a share).</summary>
    public int SwingOf(int metric) => metric switch
    {
        Turnout => TurnoutSwing,
        InvalidShare => InvalidShareSwing,
        OthersShare => OthersShareSwing,
        _ => metric + ChoiceCount,
    };

    /// <summary>The level metric of a swing metric (the inverse of <see cref="SwingOf"/>); a level metric is its own.</summary>
    public int LevelOf(int metric) => metric switch
    {
        TurnoutSwing => Turnout,
        InvalidShareSwing => InvalidShare,
        OthersShareSwing => OthersShare,
        _ => metric >= FirstShare + ChoiceCount ? metric - ChoiceCount : metric,
    };

    /// <summary>Each compared swing metric with the level metric it is the change of.</summary>
    public IReadOnlyDictionary<int, int> SwingLevels(VoteComponents components)
    {
        int[] levels = [Turnout, InvalidShare, OthersShare, .. components.Majors.Select(Share)];
        return levels.ToDictionary(SwingOf, level => level);
    }

    /// <summary>The metrics the checks compare: turnout, invalid and others' share, the major choices' shares, and their swings.</summary>
    public IReadOnlyList<int> Compared(VoteComponents components)
    {
        int[] levels = [Turnout, InvalidShare, OthersShare, .. components.Majors.Select(Share)];
        return [.. levels, .. levels.Select(SwingOf)];
    }

    public double this[int box, int metric] => _values[box * Count + metric];

    /// <summary>Registered voters of a reported box as last computed (NaN when not reported).</summary>
    public double Registered(int box) => _registered[box];

    /// <summary>Registered voters of a box: the sheet's figure when it has one, else the registry's.</summary>
    public int RegisteredOf(BoxCounts counts, int box) =>
        counts.Registered(box) is var r and >= 0 ? r : _geography.Boxes[box].Registered;

    public void ComputeAll(BoxCounts counts)
    {
        for (var box = 0; box < counts.BoxCount; box++) Compute(counts, box);
    }

    /// <summary>Recomputes one box's row from its counts.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Compute(BoxCounts counts, int box)
    {
        var row = _values.AsSpan(box * Count, Count);
        row.Fill(float.NaN);
        _registered[box] = float.NaN;
        if (!counts.IsReported(box)) return;
        var registered = RegisteredOf(counts, box);
        _registered[box] = registered;
        var voted = counts.Voted(box);
        var valid = counts.Valid(box);
        var invalid = counts.Invalid(box);
        var votes = counts.Votes(box);
        var minor = _components.Minor;
        // A box without a register (a prison, a mobile box) serves people unlike its neighbourhood's: not compared.
        if (registered <= 0) return;
        Span<double> shares = stackalloc double[votes.Length];
        shares.Fill(double.NaN);
        double others = double.NaN, invalidShare = double.NaN, turnout = double.NaN;
        if (valid > 0)
        {
            others = 0;
            for (var j = 0; j < votes.Length; j++)
            {
                shares[j] = (double)votes[j] / valid;
                if (minor[j]) others += shares[j];
                row[FirstShare + j] = (float)shares[j];
            }
            row[OthersShare] = (float)others;
        }
        if (voted > 0 && invalid >= 0) row[InvalidShare] = (float)(invalidShare = (double)invalid / voted);
        if (voted >= 0) row[Turnout] = (float)(turnout = (double)voted / registered);
        if (_prior is null || _prior.MatchOf(box) == PriorMatch.None) return;
        row[TurnoutSwing] = (float)(turnout - _prior.Turnout(box));
        row[InvalidShareSwing] = (float)(invalidShare - _prior.InvalidShare(box));
        double priorOthers = 0;
        for (var j = 0; j < votes.Length; j++)
        {
            var before = _prior.Share(box, j);
            row[FirstShare + ChoiceCount + j] = (float)(shares[j] - before);
            if (minor[j] && !double.IsNaN(before)) priorOthers += before;
        }
        row[OthersShareSwing] = (float)(others - priorOthers);
    }
}
