namespace Sandik.Domain.Seats;

/// <summary>An electoral district (seçim çevresi) and the number of seats it elects.</summary>
/// <param name="Code">Stable code, <c>{plate}-{number}</c> for Turkish districts (e.g. <c>34-2</c>).</param>
/// <param name="Name">Display name (e.g. <c>İstanbul 2. Bölge</c>).</param>
/// <param name="Magnitude">Seats elected in this district.</param>
public sealed record Constituency(string Code, string Name, int Magnitude);
