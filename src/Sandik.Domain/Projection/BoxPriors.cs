using Sandik.Domain.Elections;
using Sandik.Domain.Geography;

namespace Sandik.Domain.Projection;

/// <summary>
/// What the prior election says about each current box: its expected composition per swing group and per choice,
/// and its expected turnout, from the same box when it can be matched, else from the smallest matching area.
/// </summary>
internal sealed class BoxPriors
{
    private BoxPriors(int boxes, int groups, int choices, string[] matchNames)
    {
        GroupShare = new float[boxes * groups];
        ChoiceShare = new float[boxes * choices];
        ValidRate = new float[boxes];
        VotedRate = new float[boxes];
        Match = new byte[boxes];
        MatchNames = matchNames;
    }

    /// <summary>Prior share of each group, <c>[box * groups + group]</c>.</summary>
    public float[] GroupShare { get; }

    /// <summary>Prior share of each current choice (0 for a choice the prior did not have), <c>[box * choices + choice]</c>.</summary>
    public float[] ChoiceShare { get; }

    /// <summary>Prior valid votes per registered voter.</summary>
    public float[] ValidRate { get; }

    /// <summary>Prior voters per registered voter.</summary>
    public float[] VotedRate { get; }

    /// <summary>How each box was matched: an index into <see cref="MatchNames"/>.</summary>
    public byte[] Match { get; }

    /// <summary><c>box</c>, then the geography's level ids from the smallest area up, then <c>none</c>.</summary>
    public string[] MatchNames { get; }

    public static BoxPriors Build(ElectionGeography geography, Race race, SwingGroups groups, PriorSums? prior, double smoothing)
    {
        var depth = geography.Depth;
        var names = new List<string> { "box" };
        for (var level = depth - 1; level >= 0; level--) names.Add(geography.Levels[level].Id);
        names.Add("none");
        var result = new BoxPriors(geography.Boxes.Count, groups.Count, race.Choices.Count, [.. names]);
        var composition = new double[prior?.Columns ?? 0];
        for (var b = 0; b < geography.Boxes.Count; b++)
        {
            if (prior is null)
            {
                result.SetUnknown(b, groups, race.Choices.Count);
                continue;
            }
            var match = result.Matched(geography, prior, b, smoothing, composition);
            result.Match[b] = (byte)match;
            if (match == names.Count - 1) result.SetUnknown(b, groups, race.Choices.Count);
            else result.SetComposition(b, composition, groups);
        }
        return result;
    }

    private void SetUnknown(int b, SwingGroups groups, int choices)
    {
        Match[b] = (byte)(MatchNames.Length - 1);
        ValidRate[b] = VotedRate[b] = 1;
        for (var g = 0; g < groups.Count; g++) GroupShare[b * groups.Count + g] = 1f / groups.Count;
        for (var k = 0; k < choices; k++) ChoiceShare[b * choices + k] = 1f / choices;
    }

    private int Matched(ElectionGeography geography, PriorSums prior, int b, double smoothing, double[] composition)
    {
        var box = geography.Boxes[b];
        var priorGeography = prior.Prior.Geography;
        // A box number is reused from one election to the next, not always for the same voters: a box counts as the
        // same only when it also sits in the same neighbourhood.
        if (priorGeography.TryGetBox(box.Code, out var priorBox) && prior.Prior.Tallies[priorBox.Index] is { } tally && tally.Valid > 0
            && prior.FindArea(geography.Areas[box.Area].Code) == priorBox.Area)
        {
            var area = priorBox.Area;
            var areaValid = Math.Max(prior.Valid[area], 1);
            for (var c = 0; c < composition.Length; c++) composition[c] = smoothing * prior.Votes[area * prior.Columns + c] / areaValid;
            var votes = tally.Votes;
            for (var j = 0; j < votes.Length; j++) composition[prior.Map[j]] += votes[j];
            var registered = priorBox.Registered + smoothing;
            ValidRate[b] = (float)((tally.Valid + smoothing * prior.Valid[area] / Math.Max(prior.Registered[area], 1)) / registered);
            VotedRate[b] = (float)(((tally.Voted ?? tally.Valid) + smoothing * prior.Voted[area] / Math.Max(prior.Registered[area], 1)) / registered);
            return 0;
        }
        var chain = geography.ChainOf(b);
        for (var level = chain.Length - 1; level >= 0; level--)
        {
            var i = level == 0 ? 0 : prior.FindArea(geography.Areas[chain[level]].Code);
            if (i < 0 || prior.Valid[i] <= 0) continue;
            for (var c = 0; c < composition.Length; c++) composition[c] = prior.Votes[i * prior.Columns + c];
            var registered = Math.Max(prior.Registered[i], 1);
            ValidRate[b] = (float)(prior.Valid[i] / registered);
            VotedRate[b] = (float)(prior.Voted[i] / registered);
            return chain.Length - level;
        }
        return MatchNames.Length - 1;
    }

    private void SetComposition(int b, double[] composition, SwingGroups groups)
    {
        var choices = composition.Length - 1;
        var total = 0.0;
        foreach (var v in composition) total += v;
        if (groups.Other < 0) total -= composition[choices];
        total = Math.Max(total, 1e-9);
        var shares = GroupShare.AsSpan(b * groups.Count, groups.Count);
        shares.Clear();
        for (var k = 0; k < choices; k++)
        {
            shares[groups.GroupOf[k]] += (float)(composition[k] / total);
            ChoiceShare[b * choices + k] = (float)(composition[k] / total);
        }
        if (groups.Other >= 0) shares[groups.Other] += (float)(composition[choices] / total);
        if (groups.CompositionFromCountOnly) shares.Fill(1f / groups.Count);
    }
}
