using Sandik.Domain.Elections;
using Sandik.Domain.Geography;

namespace Sandik.Domain.Anomalies;

/// <summary>A previous election on the same geography, used as the baseline for swing checks.</summary>
/// <param name="Counts">The prior election's counts, indexed by the prior geography's boxes and the prior race's choices.</param>
public sealed record PriorElection(ElectionGeography Geography, Race Race, BoxCounts Counts);
