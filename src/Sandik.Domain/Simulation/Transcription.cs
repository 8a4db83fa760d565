using Sandik.Domain.Submissions;

namespace Sandik.Domain.Simulation;

/// <summary>The mistakes people make copying a count sheet.</summary>
public static class Transcription
{
    /// <summary>
    /// A copy of the tally with one error: two digits of a choice's count swapped, or a choice's votes typed into its
    /// neighbour's column. Usually the totals are recomputed so the sheet stays consistent (a real conflict);
    /// with probability <paramref name="inconsistentShare"/> they are not (validation rejects it).
    /// </summary>
    public static (Tally Tally, SubmissionFlavour Flavour) Corrupt(Tally truth, Random random, double inconsistentShare)
    {
        var votes = truth.Votes.ToArray();
        var changed = random.Next(2) == 0 ? SwapDigits(votes, random) : SlipColumn(votes, random);
        if (!changed) votes[random.Next(votes.Length)] += 1 + random.Next(9);
        var sum = votes.Sum();
        if (random.NextDouble() < inconsistentShare)
            return (new Tally(truth.Registered, truth.Voted, truth.Valid, truth.Invalid, votes), sum == truth.Valid ? SubmissionFlavour.TranscriptionError : SubmissionFlavour.Inconsistent);
        var voted = truth.Voted is { } v ? v - truth.Valid + sum : (int?)null;
        return (new Tally(truth.Registered, voted, sum, truth.Invalid, votes), SubmissionFlavour.TranscriptionError);
    }

    private static bool SwapDigits(int[] votes, Random random)
    {
        var candidates = Enumerable.Range(0, votes.Length).Where(i => votes[i] >= 10).ToList();
        if (candidates.Count == 0) return false;
        var i = candidates[random.Next(candidates.Count)];
        var digits = votes[i].ToString(System.Globalization.CultureInfo.InvariantCulture).ToCharArray();
        var at = random.Next(digits.Length - 1);
        if (digits[at] == digits[at + 1]) return false;
        (digits[at], digits[at + 1]) = (digits[at + 1], digits[at]);
        votes[i] = int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture);
        return true;
    }

    private static bool SlipColumn(int[] votes, Random random)
    {
        if (votes.Length < 2) return false;
        var i = random.Next(votes.Length - 1);
        if (votes[i] == votes[i + 1]) return false;
        (votes[i], votes[i + 1]) = (votes[i + 1], votes[i]);
        return true;
    }
}
