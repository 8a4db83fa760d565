namespace Sandik.Domain.Elections;

/// <summary>An election: a date, a geography and one or more races. Defined by data files, not code.</summary>
/// <param name="Geography">Id of the geography definition it uses (e.g. <c>tr</c>).</param>
public sealed record Election(string Id, LocalizedText Name, DateOnly Date, string Geography, IReadOnlyList<Race> Races)
{
    public Race? FindRace(string raceId) => Races.FirstOrDefault(r => r.Id == raceId);

    /// <summary>The race submissions address when they name none: the first one.</summary>
    public Race DefaultRace => Races[0];
}
