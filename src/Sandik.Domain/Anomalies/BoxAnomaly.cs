namespace Sandik.Domain.Anomalies;

/// <summary>One box's combined score and the reasons behind it, with the names a reader needs to find the box.</summary>
/// <param name="Rank">1 for the most suspicious box of the ranking it came from; 0 when scored alone.</param>
/// <param name="Province">Name of the box's province (il).</param>
/// <param name="District">Name of the box's district (ilçe).</param>
/// <param name="Neighbourhood">Name of the box's neighbourhood (muhtarlık).</param>
/// <param name="Score">Evidence that the box's count is wrong: about −log10 of how rare the box is, plus evidence
/// that needs no comparison (a sheet that does not add up). 2 is one box in a hundred; 4 one in ten thousand.</param>
/// <param name="Surprises">Each check's surprise, indexed by <see cref="AnomalyCheck"/>.</param>
/// <param name="Reasons">What the checks found, strongest first.</param>
public sealed record BoxAnomaly(
    int BoxIndex,
    string BoxCode,
    string BoxNumber,
    string ProvinceCode,
    string Province,
    string DistrictCode,
    string District,
    string Neighbourhood,
    int Rank,
    double Score,
    IReadOnlyList<double> Surprises,
    IReadOnlyList<AnomalyReason> Reasons)
{
    public double SurpriseOf(AnomalyCheck check) => Surprises[(int)check];
}
