namespace Sandik.Domain.Anomalies;

/// <summary>Whom a box is compared with.</summary>
public enum PeerBasis : byte
{
    None,
    /// <summary>The other boxes of its neighbourhood, in this election.</summary>
    Neighbourhood,
    /// <summary>Its change since the prior election against the changes of its district's boxes.</summary>
    DistrictSwing,
    /// <summary>The boxes of its district, in this election (a neighbourhood too small and no prior).</summary>
    District,
}

/// <summary>Where one value of a box stands among its peers.</summary>
/// <param name="Value">The box's value (a ratio, or a swing in points of a ratio).</param>
/// <param name="Expected">The peers' median.</param>
/// <param name="Sigma">The spread used: the peers' MAD as a standard deviation, steadied and floored by sampling noise.</param>
/// <param name="Peers">How many peer values the median was taken over.</param>
/// <param name="Area">The peer group's area (a neighbourhood or a district).</param>
/// <param name="OwnPrior">Whether the expectation carries part of the box's own departure in the prior election
/// (see <see cref="PriorPersistence"/>), so that it is no longer the peers' plain median.</param>
public readonly record struct Standing(double Value, double Expected, double Sigma, int Peers, int Area, PeerBasis Basis, bool OwnPrior = false)
{
    public static readonly Standing None = new(double.NaN, double.NaN, double.NaN, 0, -1, PeerBasis.None);

    public bool IsKnown => !double.IsNaN(Value) && !double.IsNaN(Expected) && Sigma > 0;

    /// <summary>How many spreads the value lies from its peers (0 when unknown).</summary>
    public double Z => IsKnown ? (Value - Expected) / Sigma : 0;
}
