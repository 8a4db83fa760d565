namespace Sandik.Import.Turkey;

/// <summary>
/// What <see cref="LocalElection2014File"/> read, with what it could not place exactly. Neither list fails the
/// import: both describe the official data as published.
/// </summary>
/// <param name="UnmatchedDistricts">Districts not found in the 2015 electoral-district table; their boxes were put in
/// electoral district <c>{plate}-1</c> under the name as the file spells it.</param>
/// <param name="Shortfalls">Boxes whose party columns add up to fewer votes than the valid votes (the file lists the
/// ten largest parties and "Diger"; a few boxes still miss some votes). Their valid count is kept as published.</param>
public sealed record LocalElection2014Import(
    BoxResults Results,
    IReadOnlyList<UnmatchedDistrict> UnmatchedDistricts,
    IReadOnlyList<VoteShortfall> Shortfalls);

/// <summary>A district name that the 2015 electoral-district table does not know.</summary>
/// <param name="FirstLine">The first line that names it.</param>
public sealed record UnmatchedDistrict(int Plate, string Name, int Boxes, int FirstLine);

/// <summary>A box whose choices add up to less than its valid votes.</summary>
public sealed record VoteShortfall(int Line, string BoxCode, int Valid, int ChoiceSum)
{
    public int Missing => Valid - ChoiceSum;
}
