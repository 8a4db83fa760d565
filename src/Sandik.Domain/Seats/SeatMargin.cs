namespace Sandik.Domain.Seats;

/// <summary>
/// How close the last seat of one constituency was: the contestant holding it (the lowest winning D'Hondt quotient)
/// and the one next in line for it (the highest quotient of another contestant that could still win a seat).
/// </summary>
/// <param name="Constituency">The electoral district.</param>
/// <param name="Valid">Its valid votes, its part of the abroad votes included, as the count used them.</param>
/// <param name="Holder">Index of the choice holding the last seat.</param>
/// <param name="HolderSeats">Seats the holder won in the constituency.</param>
/// <param name="HolderVotes">The holder's votes in the constituency.</param>
/// <param name="Challenger">Index of the choice next in line.</param>
/// <param name="ChallengerSeats">Seats the challenger won in the constituency (its next seat is the one in play).</param>
/// <param name="ChallengerVotes">The challenger's votes in the constituency.</param>
public sealed record SeatMargin(
    Constituency Constituency,
    double Valid,
    int Holder,
    int HolderSeats,
    double HolderVotes,
    int Challenger,
    int ChallengerSeats,
    double ChallengerVotes)
{
    /// <summary>The quotient that won the last seat: the holder's votes over its seats.</summary>
    public double LastQuotient => HolderVotes / HolderSeats;

    /// <summary>The challenger's quotient for its next seat.</summary>
    public double ChallengerQuotient => ChallengerVotes / (ChallengerSeats + 1);

    /// <summary>How many votes the last seat's quotient was ahead of the challenger's.</summary>
    public double QuotientGap => LastQuotient - ChallengerQuotient;

    /// <summary>
    /// The fewest voters who, voting for the challenger instead of the holder, would have given it the seat: the
    /// smallest whole y with (challenger + y) / (its seats + 1) beating (holder − y) / its seats as D'Hondt settles it
    /// (a higher quotient, or an equal one with more votes, or equal votes too and earlier in the list). Exact whoever
    /// else stands: where the challenger's quotient passes the holder's, both lie above every other contestant's next
    /// quotient (the challenger's was the highest of those and only rises), so no third one takes the seat first.
    /// </summary>
    public long VotesToMove => OneFewerIfItTakesTheSeat(
        (long)Math.Floor((HolderVotes * (ChallengerSeats + 1) - ChallengerVotes * HolderSeats) / (HolderSeats + ChallengerSeats + 1)) + 1, moved: true);

    /// <summary>The fewest new votes for the challenger alone (more of its voters turning out) that would have taken the seat, settled as <see cref="VotesToMove"/>.</summary>
    public long VotesToGain => OneFewerIfItTakesTheSeat((long)Math.Floor(LastQuotient * (ChallengerSeats + 1) - ChallengerVotes) + 1, moved: false);

    /// <summary>
    /// The count that strictly passes the holder's quotient, or one fewer where that one fewer ties it and D'Hondt's
    /// tie rule (more votes, then the earlier in the list) gives the challenger the seat.
    /// </summary>
    /// <param name="moved">The votes come from the holder (its quotient falls too), not from new voters.</param>
    private long OneFewerIfItTakesTheSeat(long strict, bool moved)
    {
        if (strict <= 0) return strict;
        var challenger = ChallengerVotes + strict - 1;
        var holder = moved ? HolderVotes - (strict - 1) : HolderVotes;
        var tied = challenger * HolderSeats == holder * (ChallengerSeats + 1) && challenger == holder;
        return DHondt.Beats(challenger, ChallengerSeats, holder, HolderSeats - 1) || (tied && Challenger < Holder) ? strict - 1 : strict;
    }

    /// <summary><see cref="VotesToMove"/> as a share of the constituency's valid votes.</summary>
    public double ShareToMove => Valid > 0 ? VotesToMove / Valid : 0;
}
