using Sandik.Domain.Elections;
using Sandik.Domain.Geography;

namespace Sandik.Domain.Anomalies;

/// <summary>Where a box's prior result comes from.</summary>
public enum PriorMatch : byte
{
    None,
    /// <summary>
    /// The box's own voters in the prior election: the prior boxes of its neighbourhood that held the same stretch of
    /// the neighbourhood's voter list (see <see cref="VoterLists"/>).
    /// </summary>
    Box,
    /// <summary>The box's neighbourhood in the prior election, when the box itself has no counterpart.</summary>
    Neighbourhood,
}

/// <summary>A prior ratio whose uncertainty <see cref="PriorBaseline.StretchSpread"/> measures.</summary>
public enum PriorRatio : byte { Turnout, InvalidShare, Share, Others }

/// <summary>
/// A prior election aligned with the current race: for every current box, the prior votes of each current choice
/// per registered voter, the prior turnout and invalid share of the voters it holds — the prior boxes that held the
/// same stretch of its neighbourhood's voter list, each in proportion to its overlap — else of its neighbourhood. Choices are matched by id; a choice the prior race lacked has
/// no baseline (NaN). Immutable after construction.
/// </summary>
public sealed class PriorBaseline
{
    private readonly PriorMatch[] _match;
    private readonly double[] _turnout;
    private readonly double[] _invalidShare;
    private readonly double[] _validPerRegistered;
    private readonly double[] _perRegistered;
    private readonly int[] _stretchStart;
    private readonly List<(int PriorBox, float Weight)> _stretch = [];
    private readonly PriorElection _prior;
    private readonly int[] _choiceMap;

    private PriorBaseline(int boxCount, int choiceCount, PriorElection prior, int[] choiceMap)
    {
        ChoiceCount = choiceCount;
        _prior = prior;
        _choiceMap = choiceMap;
        _stretchStart = new int[boxCount + 1];
        _match = new PriorMatch[boxCount];
        _turnout = new double[boxCount];
        _invalidShare = new double[boxCount];
        _validPerRegistered = new double[boxCount];
        _perRegistered = new double[boxCount * choiceCount];
        Array.Fill(_turnout, double.NaN);
        Array.Fill(_invalidShare, double.NaN);
        Array.Fill(_validPerRegistered, double.NaN);
        Array.Fill(_perRegistered, double.NaN);
    }

    public int ChoiceCount { get; }

    public PriorMatch MatchOf(int box) => _match[box];

    /// <summary>Prior voters over prior registered voters (NaN when unknown).</summary>
    public double Turnout(int box) => _turnout[box];

    public double InvalidShare(int box) => _invalidShare[box];

    /// <summary>A current choice's prior share of the prior valid votes (NaN when it did not run or nobody voted).</summary>
    public double Share(int box, int choice) =>
        _validPerRegistered[box] > 0 ? _perRegistered[box * ChoiceCount + choice] / _validPerRegistered[box] : double.NaN;

    /// <summary>Prior votes of each current choice over prior registered voters (NaN when the choice did not run).</summary>
    public ReadOnlySpan<double> PerRegistered(int box) => _perRegistered.AsSpan(box * ChoiceCount, ChoiceCount);

    /// <summary>
    /// How uncertain the box's prior ratio is because its stretch of the list straddles prior boxes: the spread of
    /// the ratio among the prior boxes it overlaps, weighted by their voters in the stretch (0 when one prior box
    /// holds it all). Where a list was cut anew between two very different streets the boundary is not known to the
    /// voter, and the prior can be off by up to this much.
    /// </summary>
    /// <param name="minor">For <see cref="PriorRatio.Others"/>: which current choices count as others.</param>
    public double StretchSpread(int box, PriorRatio ratio, int choice = -1, ReadOnlySpan<bool> minor = default)
    {
        var (start, end) = (_stretchStart[box], _stretchStart[box + 1]);
        if (end - start < 2) return 0;
        Span<double> ratios = stackalloc double[end - start];
        double sum = 0, weights = 0;
        for (var k = start; k < end; k++)
        {
            var (priorBox, weight) = _stretch[k];
            var x = ratios[k - start] = RatioOf(priorBox, ratio, choice, minor);
            if (double.IsNaN(x)) continue;
            sum += weight * x;
            weights += weight;
        }
        if (weights <= 0) return 0;
        var mean = sum / weights;
        double squares = 0;
        for (var k = start; k < end; k++)
        {
            var x = ratios[k - start];
            if (!double.IsNaN(x)) squares += _stretch[k].Weight * (x - mean) * (x - mean);
        }
        return Math.Sqrt(squares / weights);
    }

    private double RatioOf(int priorBox, PriorRatio ratio, int choice, ReadOnlySpan<bool> minor)
    {
        var counts = _prior.Counts;
        var (voted, valid) = (counts.Voted(priorBox), counts.Valid(priorBox));
        switch (ratio)
        {
            case PriorRatio.Turnout:
                // As the stretch was summed: the sheet's register, else the registry's.
                var registered = RegisteredOf(_prior, _prior.Geography.Boxes[priorBox]);
                return registered > 0 && voted >= 0 ? (double)voted / registered : double.NaN;
            case PriorRatio.InvalidShare:
                return voted > 0 && counts.Invalid(priorBox) >= 0 ? (double)counts.Invalid(priorBox) / voted : double.NaN;
        }
        if (valid <= 0) return double.NaN;
        var votes = counts.Votes(priorBox);
        if (ratio == PriorRatio.Share) return _choiceMap[choice] >= 0 ? (double)votes[_choiceMap[choice]] / valid : double.NaN;
        double others = 0;
        for (var j = 0; j < minor.Length; j++)
        {
            if (minor[j] && _choiceMap[j] >= 0) others += votes[_choiceMap[j]];
        }
        return others / valid;
    }

    /// <summary>Boxes with a baseline of each kind.</summary>
    public (int Box, int Neighbourhood) Coverage()
    {
        int box = 0, hood = 0;
        foreach (var m in _match)
        {
            if (m == PriorMatch.Box) box++;
            else if (m == PriorMatch.Neighbourhood) hood++;
        }
        return (box, hood);
    }

    public static PriorBaseline Align(ElectionGeography geography, Race race, PriorElection prior)
    {
        var choiceMap = new int[race.Choices.Count];
        for (var j = 0; j < choiceMap.Length; j++) choiceMap[j] = prior.Race.IndexOf(race.Choices[j].Id);
        var baseline = new PriorBaseline(geography.Boxes.Count, race.Choices.Count, prior, choiceMap);
        var hoods = SumNeighbourhoods(prior);
        var priorLists = VoterLists.Of(prior.Geography, box => RegisteredOf(prior, box));
        var stretch = new double[4 + prior.Counts.ChoiceCount];
        var stretches = new Dictionary<int, (int, float)[]>();
        foreach (var (area, boxes) in VoterLists.Of(geography, box => box.Registered))
        {
            if (!prior.Geography.TryGetArea(geography.Areas[area].Code, out var priorHood)) continue;
            priorLists.TryGetValue(priorHood.Index, out var before);
            var positions = new VoterLists.Positions(boxes, before ?? []);
            for (var i = 0; i < boxes.Length; i++)
            {
                if (before is not null && SumStretch(prior, positions, i, stretch, out var overlaps))
                {
                    baseline.SetFromSums(boxes[i].Box.Index, stretch, choiceMap, PriorMatch.Box);
                    stretches[boxes[i].Box.Index] = overlaps;
                }
                else if (hoods.TryGetValue(priorHood.Index, out var sums)) baseline.SetFromSums(boxes[i].Box.Index, sums, choiceMap, PriorMatch.Neighbourhood);
            }
        }
        baseline.KeepStretches(stretches);
        return baseline;
    }

    private void KeepStretches(Dictionary<int, (int, float)[]> stretches)
    {
        for (var box = 0; box < _match.Length; box++)
        {
            _stretchStart[box] = _stretch.Count;
            if (stretches.TryGetValue(box, out var overlaps)) _stretch.AddRange(overlaps);
        }
        _stretchStart[^1] = _stretch.Count;
    }

    /// <summary>
    /// The prior counts of the voters that hold the current box's stretch of the list, each prior box weighted by its
    /// share in it; <paramref name="overlaps"/> are the prior boxes summed, with their voters in the stretch.
    /// </summary>
    private static bool SumStretch(PriorElection prior, VoterLists.Positions positions, int box, double[] sums, out (int, float)[] overlaps)
    {
        Array.Clear(sums);
        var summed = new List<(int, float)>(2);
        foreach (var (priorBox, fraction) in positions.Overlaps(box))
        {
            if (!Add(sums, prior.Counts, priorBox.Box.Index, priorBox.Registered, fraction)) continue;
            summed.Add((priorBox.Box.Index, (float)(fraction * priorBox.Registered)));
        }
        overlaps = [.. summed];
        return sums[0] > 0;
    }

    /// <summary>Adds a reported prior box's registered, voted, invalid, valid and votes, times <paramref name="weight"/>; false when it has no full sheet.</summary>
    private static bool Add(double[] sums, BoxCounts counts, int box, int registered, double weight)
    {
        if (!counts.IsReported(box) || counts.Voted(box) < 0 || counts.Invalid(box) < 0) return false;
        sums[0] += weight * registered;
        sums[1] += weight * counts.Voted(box);
        sums[2] += weight * counts.Invalid(box);
        sums[3] += weight * counts.Valid(box);
        var votes = counts.Votes(box);
        for (var j = 0; j < votes.Length; j++) sums[4 + j] += weight * votes[j];
        return true;
    }

    private static int RegisteredOf(PriorElection prior, BallotBox box) =>
        prior.Counts.Registered(box.Index) is var r and > 0 ? r : box.Registered;

    private void SetFromSums(int box, IReadOnlyList<double> sums, int[] choiceMap, PriorMatch match)
    {
        // sums: registered, voted, invalid, valid, then the prior race's choices.
        if (sums[0] <= 0) return;
        _match[box] = match;
        var registered = sums[0];
        _turnout[box] = sums[1] / registered;
        if (sums[1] > 0) _invalidShare[box] = sums[2] / sums[1];
        _validPerRegistered[box] = sums[3] / registered;
        var row = _perRegistered.AsSpan(box * ChoiceCount, ChoiceCount);
        for (var j = 0; j < row.Length; j++)
        {
            if (choiceMap[j] >= 0) row[j] = sums[4 + choiceMap[j]] / registered;
        }
    }

    /// <summary>Registered, voted, invalid, valid and votes per choice, summed over the reported boxes of each prior neighbourhood.</summary>
    private static Dictionary<int, double[]> SumNeighbourhoods(PriorElection prior)
    {
        var sums = new Dictionary<int, double[]>();
        var counts = prior.Counts;
        foreach (var box in prior.Geography.Boxes)
        {
            if (!counts.IsReported(box.Index) || counts.Voted(box.Index) < 0 || counts.Invalid(box.Index) < 0) continue;
            if (!sums.TryGetValue(box.Area, out var row)) sums[box.Area] = row = new double[4 + counts.ChoiceCount];
            Add(row, counts, box.Index, RegisteredOf(prior, box), 1);
        }
        return sums;
    }
}
