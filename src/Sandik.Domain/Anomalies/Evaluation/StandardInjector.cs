namespace Sandik.Domain.Anomalies.Evaluation;

/// <summary>
/// The manipulations the detector was designed against, one box at a time: extra ballots for one party, votes
/// flipped between two parties, turnout inflated evenly, and transcription errors (two digits of a count swapped,
/// two neighbouring columns swapped) on sheets whose totals were made to agree again.
/// </summary>
public sealed class StandardInjector : IInjector
{
    public static readonly ManipulationKind Stuffing = new("stuffing", SizeMeasure.ShareOfRegistered,
        "extra ballots for one of the four largest parties, 2-20% of registered voters");
    public static readonly ManipulationKind Flip = new("flip", SizeMeasure.ShareOfValid,
        "votes moved from one of the four largest parties to another, 2-20% of valid votes");
    public static readonly ManipulationKind Inflation = new("turnout-inflation", SizeMeasure.ShareOfRegistered,
        "extra ballots spread over all parties in proportion to the box's result, 2-20% of registered voters");
    public static readonly ManipulationKind Digits = new("transcription-digits", SizeMeasure.Votes,
        "two adjacent digits of one count swapped, totals recomputed");
    public static readonly ManipulationKind Column = new("transcription-column", SizeMeasure.Votes,
        "a count typed into the neighbouring column and that column's into its place");

    public string Name => "standard";

    public IReadOnlyList<ManipulationKind> Kinds { get; } = [Stuffing, Flip, Inflation, Digits, Column];

    public IReadOnlyList<Injection> Inject(InjectionTarget target, Random random, int boxes)
    {
        var injections = new List<Injection>(boxes);
        for (var i = 0; injections.Count < boxes && i < boxes * 4; i++)
        {
            var kind = Kinds[injections.Count % Kinds.Count];
            var sheet = Sheet.Of(target.Counts, target.Pick(random));
            var size = Apply(kind, sheet, target, random);
            if (size is null) continue;
            sheet.WriteTo(target.Counts);
            injections.Add(sheet.ToInjection(kind, size.Value));
        }
        return injections;
    }

    private static double? Apply(ManipulationKind kind, Sheet sheet, InjectionTarget target, Random random)
    {
        var share = 0.02 + 0.18 * random.NextDouble();
        if (kind == Stuffing)
        {
            var ballots = (int)Math.Round(share * sheet.Registered);
            sheet.AddBallots(Party(target, random), ballots);
            return (double)ballots / sheet.Registered;
        }
        if (kind == Flip) return FlipVotes(sheet, target, random, share);
        if (kind == Inflation) return Inflate(sheet, share);
        if (kind == Digits) return SwapDigits(sheet, random) ? sheet.LargestChange() : null;
        return SwapColumns(sheet, random) ? sheet.LargestChange() : null;
    }

    private static int Party(InjectionTarget target, Random random) => target.Parties[random.Next(Math.Min(4, target.Parties.Count))];

    private static double? FlipVotes(Sheet sheet, InjectionTarget target, Random random, double share)
    {
        var wanted = (int)Math.Round(share * sheet.Valid);
        var from = Party(target, random);
        var to = Party(target, random);
        if (from == to || sheet.Votes[from] < wanted || wanted == 0) return null;
        return (double)sheet.Move(from, to, wanted) / sheet.Valid;
    }

    private static double Inflate(Sheet sheet, double share)
    {
        var ballots = (int)Math.Round(share * sheet.Registered);
        Proportional.Add(sheet, ballots, sheet.Votes.Select(v => (double)v).ToArray());
        return (double)ballots / sheet.Registered;
    }

    internal static bool SwapDigits(Sheet sheet, Random random)
    {
        var candidates = Enumerable.Range(0, sheet.Votes.Length).Where(j => sheet.Votes[j] >= 10).ToList();
        if (candidates.Count == 0) return false;
        var j = candidates[random.Next(candidates.Count)];
        var digits = sheet.Votes[j].ToString(System.Globalization.CultureInfo.InvariantCulture).ToCharArray();
        var at = random.Next(digits.Length - 1);
        if (digits[at] == digits[at + 1]) return false;
        (digits[at], digits[at + 1]) = (digits[at + 1], digits[at]);
        sheet.Votes[j] = int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture);
        sheet.Rebalance();
        return true;
    }

    private static bool SwapColumns(Sheet sheet, Random random)
    {
        var j = random.Next(sheet.Votes.Length - 1);
        if (sheet.Votes[j] == sheet.Votes[j + 1]) return false;
        (sheet.Votes[j], sheet.Votes[j + 1]) = (sheet.Votes[j + 1], sheet.Votes[j]);
        return true;
    }
}
