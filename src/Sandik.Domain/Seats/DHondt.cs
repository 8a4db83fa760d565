namespace Sandik.Domain.Seats;

/// <summary>
/// The D'Hondt highest-averages method: each seat in turn goes to the contestant with the highest quotient
/// votes / (seats already won + 1).
/// </summary>
/// <remarks>
/// Exact ties are settled deterministically, because projections and replays must give the same answer every
/// time: at equal quotients the seat goes to the contestant with more votes, and if the votes are equal too, to
/// the one earlier in the list. (Real elections settle such ties by their own rule, often by drawing lots; with
/// hundreds of thousands of votes per district an exact tie has not been seen in practice.)
/// Quotients are compared by cross-multiplying, so whole-number votes tie exactly rather than by floating-point luck.
/// Stateless and thread-safe.
/// </remarks>
public static class DHondt
{
    /// <summary>Allocates <paramref name="seats"/> seats among contestants with no cap on any of them.</summary>
    /// <returns>Seats per contestant, aligned with <paramref name="votes"/>.</returns>
    public static int[] Allocate(ReadOnlySpan<double> votes, int seats) => Allocate(votes, seats, []);

    /// <summary>Allocates <paramref name="seats"/> seats among contestants, each capped at a maximum.</summary>
    /// <param name="votes">Votes per contestant; non-negative and finite (fractions allowed, for projected votes).</param>
    /// <param name="seats">Seats to hand out.</param>
    /// <param name="maxSeats">
    /// Per contestant, the most seats it may win: 0 excludes it (e.g. below the threshold), 1 is an independent
    /// candidate. Empty means no caps.
    /// </param>
    /// <returns>
    /// Seats per contestant, aligned with <paramref name="votes"/>. Only contestants with votes win seats, so when
    /// too few contestants have votes the seats add up to less than <paramref name="seats"/>.
    /// </returns>
    public static int[] Allocate(ReadOnlySpan<double> votes, int seats, ReadOnlySpan<int> maxSeats)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(seats);
        if (!maxSeats.IsEmpty && maxSeats.Length != votes.Length)
            throw new ArgumentException($"{maxSeats.Length} caps given for {votes.Length} contestants.", nameof(maxSeats));
        foreach (var v in votes)
        {
            if (!double.IsFinite(v) || v < 0) throw new ArgumentOutOfRangeException(nameof(votes), v, "Votes must be finite and non-negative.");
        }

        var won = new int[votes.Length];
        for (var seat = 0; seat < seats; seat++)
        {
            var best = -1;
            for (var i = 0; i < votes.Length; i++)
            {
                if (votes[i] <= 0 || (!maxSeats.IsEmpty && won[i] >= maxSeats[i])) continue;
                if (best < 0 || Beats(votes[i], won[i], votes[best], won[best])) best = i;
            }
            if (best < 0) break;
            won[best]++;
        }
        return won;
    }

    /// <summary>
    /// Whether a contestant with <paramref name="a"/> votes and <paramref name="wonA"/> seats takes the next seat before
    /// one with <paramref name="b"/> votes and <paramref name="wonB"/> seats: a higher quotient a / (wonA + 1), or an
    /// equal one with more votes. False when both are equal too, so an equal contestant never displaces an earlier one.
    /// </summary>
    internal static bool Beats(double a, int wonA, double b, int wonB)
    {
        var left = a * (wonB + 1);
        var right = b * (wonA + 1);
        return left != right ? left > right : a > b;
    }
}
