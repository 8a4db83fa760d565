namespace Sandik.Domain.Seats;

/// <summary>A choice of a race as the seat allocation sees it.</summary>
/// <param name="Id">The choice id, as used in the race definition and in <see cref="SeatRules.AbroadVotes"/>.</param>
/// <param name="Eligibility">Whether, and how, the choice can win seats.</param>
public sealed record SeatCandidate(string Id, SeatEligibility Eligibility);
