namespace Sandik.Domain.Seats;

/// <summary>How the seats of a parliamentary race are allocated.</summary>
/// <param name="TotalSeats">Seats of the whole body; must equal the sum of the constituency magnitudes.</param>
/// <param name="NationalThreshold">
/// Share of the national valid votes (0.10 for 10%) a party must exceed to win any seat.
/// </param>
/// <param name="Constituencies">The electoral districts.</param>
/// <param name="AbroadVotes">
/// Votes cast abroad and at customs gates, per choice id. They belong to no domestic ballot box and are spread
/// over the constituencies before the allocation (see <see cref="SeatAllocator"/>).
/// </param>
public sealed record SeatRules(
    int TotalSeats,
    double NationalThreshold,
    IReadOnlyList<Constituency> Constituencies,
    IReadOnlyDictionary<string, long> AbroadVotes);
