namespace Sandik.Domain.Seats;

/// <summary>How far a party's national vote is from the threshold.</summary>
/// <param name="Candidate">Index of the choice.</param>
/// <param name="Votes">Its national votes, abroad included.</param>
/// <param name="Share">Its share of the national valid votes.</param>
/// <param name="Passed">Whether it passed the threshold.</param>
/// <param name="Spare">
/// Votes it could lose and still pass (positive), or must gain to pass (negative), every other choice's votes
/// unchanged: (votes − threshold × national valid votes) / (1 − threshold), since its own votes are in the
/// denominator too.
/// </param>
public sealed record ThresholdMargin(int Candidate, double Votes, double Share, bool Passed, double Spare);
