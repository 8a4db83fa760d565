using Sandik.Domain.Elections;
using Sandik.Domain.Geography;
using Sandik.Domain.Submissions;

namespace Sandik.Domain.Projection;

/// <summary>
/// A finished earlier election on (mostly) the same ballot boxes: the baseline the projection moves by the swing it
/// sees. Boxes are matched by code, then by neighbourhood, district and province code; choices by id.
/// </summary>
/// <param name="Tallies">The final tally of each prior box, by the prior geography's box index (null when unknown).</param>
public sealed record PriorElection(string ElectionId, Race Race, ElectionGeography Geography, IReadOnlyList<Tally?> Tallies)
{
    /// <summary>Builds a prior from per-box tallies given in any order.</summary>
    public static PriorElection From(string electionId, Race race, ElectionGeography geography, IEnumerable<(int BoxIndex, Tally Tally)> tallies)
    {
        var byBox = new Tally?[geography.Boxes.Count];
        foreach (var (box, tally) in tallies) byBox[box] = tally;
        return new PriorElection(electionId, race, geography, byBox);
    }
}
