namespace Sandik.Domain.Seats;

/// <summary>How a choice takes part in a seat allocation.</summary>
public enum SeatEligibility
{
    /// <summary>A party list: subject to the national threshold, can win several seats in a constituency.</summary>
    Party,

    /// <summary>
    /// One independent candidate: exempt from the national threshold, runs in one constituency and can win at most
    /// one seat there, when their votes beat the D'Hondt quotients of the parties.
    /// </summary>
    Independent,

    /// <summary>
    /// Counted in the votes but never given a seat, e.g. a column that sums all independents of a ballot box and so
    /// is not one candidate.
    /// </summary>
    NotEligible,
}
