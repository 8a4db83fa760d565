namespace Sandik.Domain.Projection.Golden;

/// <summary>
/// Designs golden samples. Strata are province × the prior's leading choice at the box; a stratum too small for two
/// sampled boxes joins its province's remainder, a province remainder too small joins the national stratum of its
/// leader, and what is still too small joins one national remainder. Boxes are allocated in proportion to the
/// strata's box counts (at least two each) and drawn by simple random sampling without replacement.
/// </summary>
public static class GoldenSampler
{
    private const int MinPerStratum = 2;

    /// <param name="projector">Supplies the geography and the prior's expectation of every box.</param>
    /// <param name="size">Boxes to sample (at most the number of boxes).</param>
    public static GoldenSampleDesign Design(LiveProjector projector, int size, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        var geography = projector.Geography;
        var priors = projector.Priors;
        var groups = projector.Groups;
        var provinceLevel = geography.LevelOf(projector.Options.ProvinceLevel);
        var boxes = geography.Boxes.Count;
        size = Math.Min(size, boxes);
        var keys = new (int Province, int Leader)[boxes];
        for (var b = 0; b < boxes; b++)
        {
            var province = provinceLevel >= 0 ? geography.ChainOf(b)[provinceLevel] : 0;
            keys[b] = (province, groups.CompositionFromCountOnly ? -1 : Leader(priors.GroupShare.AsSpan(b * groups.Count, groups.Count)));
        }
        var strata = StrataCollapse.Collapse(keys, size, MinPerStratum);
        var members = new List<int>[strata.Count];
        for (var h = 0; h < members.Length; h++) members[h] = [];
        for (var b = 0; b < boxes; b++) members[strata.Of(keys[b])].Add(b);
        var allocation = Allocate(members, size);
        var random = new Random(seed);
        var choices = projector.Race.Choices.Count;
        var sampled = new List<GoldenBox>(size);
        var stratumRows = new GoldenStratum[members.Length];
        for (var h = 0; h < members.Length; h++)
        {
            var priorVotes = new double[choices];
            var priorValid = 0.0;
            foreach (var b in members[h]) priorValid += Expected(projector, b, priorVotes);
            stratumRows[h] = new GoldenStratum(Name(strata.KeyOf(h), geography, groups), members[h].Count, priorValid, priorVotes);
            foreach (var b in Draw(members[h], allocation[h], random))
            {
                var votes = new double[choices];
                var valid = Expected(projector, b, votes);
                sampled.Add(new GoldenBox(geography.Boxes[b].Code, h, valid, votes));
            }
        }
        return new GoldenSampleDesign(projector.ElectionId, projector.Race.Id, projector.Prior.ElectionId, seed,
            [.. projector.Race.Choices.Select(c => c.Id)], stratumRows, sampled);
    }

    private static int Leader(ReadOnlySpan<float> shares)
    {
        var best = 0;
        for (var g = 1; g < shares.Length; g++)
        {
            if (shares[g] > shares[best]) best = g;
        }
        return best;
    }

    /// <summary>Prior-expected valid votes of a box, and its expected votes per choice added into <paramref name="votes"/>.</summary>
    private static double Expected(LiveProjector projector, int box, double[] votes)
    {
        var priors = projector.Priors;
        var valid = projector.Geography.Boxes[box].Registered * (double)priors.ValidRate[box];
        var choices = votes.Length;
        for (var k = 0; k < choices; k++) votes[k] += valid * priors.ChoiceShare[box * choices + k];
        return valid;
    }

    private static int[] Allocate(List<int>[] members, int size)
    {
        var total = members.Sum(m => m.Count);
        var allocation = new int[members.Length];
        var remainders = new (double Remainder, int Stratum)[members.Length];
        var given = 0;
        for (var h = 0; h < members.Length; h++)
        {
            var exact = (double)size * members[h].Count / total;
            allocation[h] = Math.Min(members[h].Count, Math.Max(MinPerStratum, (int)Math.Floor(exact)));
            remainders[h] = (exact - Math.Floor(exact), h);
            given += allocation[h];
        }
        Array.Sort(remainders, (a, b) => b.Remainder.CompareTo(a.Remainder));
        for (var i = 0; given < size && i < remainders.Length * 4; i++)
        {
            var h = remainders[i % remainders.Length].Stratum;
            if (allocation[h] < members[h].Count)
            {
                allocation[h]++;
                given++;
            }
        }
        return allocation;
    }

    private static IEnumerable<int> Draw(List<int> members, int count, Random random)
    {
        var pool = members.ToArray();
        for (var i = 0; i < count; i++)
        {
            var j = i + random.Next(pool.Length - i);
            (pool[i], pool[j]) = (pool[j], pool[i]);
            yield return pool[i];
        }
    }

    private static string Name((int Province, int Leader) key, Geography.ElectionGeography geography, SwingGroups groups) =>
        (key.Province < 0 ? "*" : geography.Areas[key.Province].Code) + "/" + (key.Leader < 0 ? "*" : groups.Names[key.Leader]);
}
