namespace Sandik.Domain.Anomalies.Evaluation;

/// <summary>
/// Manipulations shaped differently from <see cref="StandardInjector"/>'s, to check that the detector is not tuned
/// to one generator: extra ballots split between several parties towards a target result, ballots added in a ramp
/// over consecutive boxes of one neighbourhood (so that the neighbourhood's own median moves with them), votes
/// skimmed from every other party, votes moved between columns that are not neighbours on the sheet (possibly to a
/// small party), a digit dropped or typed twice, and a digit swap whose totals were left as they were.
/// </summary>
public sealed class ShapedInjector : IInjector
{
    public static readonly ManipulationKind Spread = new("spread-stuffing", SizeMeasure.ShareOfRegistered,
        "extra ballots split between two or three large parties in random target proportions, 2-20% of registered");
    public static readonly ManipulationKind Ramp = new("ramp-stuffing", SizeMeasure.ShareOfRegistered,
        "extra ballots for one party rising box by box over 2-8 consecutive boxes of a neighbourhood, up to 4-20%");
    public static readonly ManipulationKind Skim = new("skim-flip", SizeMeasure.ShareOfValid,
        "votes taken from every other choice in proportion and given to one large party, 2-20% of valid votes");
    public static readonly ManipulationKind Distant = new("distant-flip", SizeMeasure.ShareOfValid,
        "votes moved from a large party to any choice at least two columns away, 2-20% of valid votes");
    public static readonly ManipulationKind Magnitude = new("transcription-magnitude", SizeMeasure.Votes,
        "a digit of one count dropped or typed twice, totals recomputed");
    public static readonly ManipulationKind Unbalanced = new("transcription-unbalanced", SizeMeasure.Votes,
        "two adjacent digits of one count swapped, totals left as they were");

    public string Name => "shaped";

    public IReadOnlyList<ManipulationKind> Kinds { get; } = [Spread, Ramp, Skim, Distant, Magnitude, Unbalanced];

    public IReadOnlyList<Injection> Inject(InjectionTarget target, Random random, int boxes)
    {
        var injections = new List<Injection>(boxes);
        var turn = 0;
        for (var attempts = 0; injections.Count < boxes && attempts < boxes * 4; attempts++)
        {
            var kind = Kinds[turn % Kinds.Count];
            if (kind == Ramp)
            {
                var before = injections.Count;
                AddRamp(target, random, injections);
                if (injections.Count > before) turn++;
                continue;
            }
            var sheet = Sheet.Of(target.Counts, target.Pick(random));
            var size = Apply(kind, sheet, target, random);
            if (size is null) continue;
            sheet.WriteTo(target.Counts);
            injections.Add(sheet.ToInjection(kind, size.Value));
            turn++;
        }
        return injections;
    }

    private static double? Apply(ManipulationKind kind, Sheet sheet, InjectionTarget target, Random random)
    {
        var share = 0.02 + 0.18 * random.NextDouble();
        if (kind == Spread)
        {
            var ballots = (int)Math.Round(share * sheet.Registered);
            var weights = new double[sheet.Votes.Length];
            var parties = 2 + random.Next(2);
            for (var p = 0; p < parties && p < target.Parties.Count; p++) weights[target.Parties[p]] = 0.1 + random.NextDouble();
            Proportional.Add(sheet, ballots, weights);
            return (double)ballots / sheet.Registered;
        }
        if (kind == Skim) return SkimVotes(sheet, target, random, share);
        if (kind == Distant) return MoveFar(sheet, target, random, share);
        if (kind == Magnitude) return ChangeMagnitude(sheet, random) ? sheet.LargestChange() : null;
        if (!SwapDigitsKeepingTotals(sheet, random)) return null;
        return sheet.LargestChange();
    }

    private static void AddRamp(InjectionTarget target, Random random, List<Injection> injections)
    {
        var start = target.Eligible[random.Next(target.Eligible.Count)];
        var hood = target.BoxesByNeighbourhood()[target.Geography.Boxes[start].Area];
        if (hood.Length < 2) return;
        var length = Math.Min(hood.Length, 2 + random.Next(7));
        var first = random.Next(hood.Length - length + 1);
        var top = 0.04 + 0.16 * random.NextDouble();
        var party = target.Parties[random.Next(Math.Min(4, target.Parties.Count))];
        for (var i = 0; i < length; i++)
        {
            var box = hood[first + i];
            if (!target.TryClaim(box)) continue;
            var sheet = Sheet.Of(target.Counts, box);
            var ballots = (int)Math.Round(top * (i + 1) / length * sheet.Registered);
            if (ballots == 0) continue;
            sheet.AddBallots(party, ballots);
            sheet.WriteTo(target.Counts);
            injections.Add(sheet.ToInjection(Ramp, (double)ballots / sheet.Registered));
        }
    }

    private static double? SkimVotes(Sheet sheet, InjectionTarget target, Random random, double share)
    {
        var to = target.Parties[random.Next(Math.Min(4, target.Parties.Count))];
        var wanted = (int)Math.Round(share * sheet.Valid);
        var others = sheet.Valid - sheet.Votes[to];
        if (wanted == 0 || others < wanted) return null;
        var moved = 0;
        for (var j = 0; j < sheet.Votes.Length; j++)
        {
            if (j != to) moved += sheet.Move(j, to, (int)Math.Floor((double)wanted * sheet.Votes[j] / others));
        }
        return (double)moved / sheet.Valid;
    }

    private static double? MoveFar(Sheet sheet, InjectionTarget target, Random random, double share)
    {
        var from = target.Parties[random.Next(Math.Min(4, target.Parties.Count))];
        var far = Enumerable.Range(0, sheet.Votes.Length).Where(j => Math.Abs(j - from) >= 2).ToList();
        var wanted = (int)Math.Round(share * sheet.Valid);
        if (far.Count == 0 || wanted == 0 || sheet.Votes[from] < wanted) return null;
        return (double)sheet.Move(from, far[random.Next(far.Count)], wanted) / sheet.Valid;
    }

    private static bool ChangeMagnitude(Sheet sheet, Random random)
    {
        var candidates = Enumerable.Range(0, sheet.Votes.Length).Where(j => sheet.Votes[j] >= 10).ToList();
        if (candidates.Count == 0) return false;
        var j = candidates[random.Next(candidates.Count)];
        var digits = sheet.Votes[j].ToString(System.Globalization.CultureInfo.InvariantCulture);
        var at = random.Next(digits.Length);
        digits = random.Next(2) == 0 ? digits.Remove(at, 1) : digits.Insert(at, digits[at].ToString());
        sheet.Votes[j] = int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture);
        sheet.Rebalance();
        return true;
    }

    private static bool SwapDigitsKeepingTotals(Sheet sheet, Random random)
    {
        var (voted, valid) = (sheet.Voted, sheet.Valid);
        if (!StandardInjector.SwapDigits(sheet, random)) return false;
        (sheet.Voted, sheet.Valid) = (voted, valid);
        return true;
    }
}
