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
    /// smallest whole y with (challenger + y) / (its seats + 1) above (holder − y) / its seats. Exact for the two of
    /// them; a third contestant whose next quotient lies between could take the seat first.
    /// </summary>
    public long VotesToMove => (long)Math.Floor((HolderVotes * (ChallengerSeats + 1) - ChallengerVotes * HolderSeats) / (HolderSeats + ChallengerSeats + 1)) + 1;

    /// <summary>The fewest new votes for the challenger alone (more of its voters turning out) that would have taken the seat.</summary>
    public long VotesToGain => (long)Math.Floor(LastQuotient * (ChallengerSeats + 1) - ChallengerVotes) + 1;

    /// <summary><see cref="VotesToMove"/> as a share of the constituency's valid votes.</summary>
    public double ShareToMove => Valid > 0 ? VotesToMove / Valid : 0;
}
