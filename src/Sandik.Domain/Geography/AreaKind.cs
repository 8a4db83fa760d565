namespace Sandik.Domain.Geography;

/// <summary>Whether an area lies in the country or stands for votes cast elsewhere.</summary>
public enum AreaKind
{
    Domestic,
    /// <summary>Votes cast abroad (yurt dışı): counted nationally, in no domestic box.</summary>
    Abroad,
    /// <summary>Votes cast at customs gates (gümrük kapıları).</summary>
    Customs,
}
