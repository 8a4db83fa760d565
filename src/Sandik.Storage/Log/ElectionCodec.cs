using Sandik.Domain.Elections;

namespace Sandik.Storage.Log;

/// <summary>The <see cref="RaceCodec"/>s of one election's races. Immutable.</summary>
internal sealed class ElectionCodec
{
    private readonly Dictionary<string, RaceCodec> _races;

    public ElectionCodec(Election election)
    {
        Election = election;
        _races = election.Races.ToDictionary(r => r.Id, r => new RaceCodec(r), StringComparer.Ordinal);
    }

    public Election Election { get; }

    /// <summary>The race of an entry being appended.</summary>
    /// <exception cref="ArgumentException">The election has no such race.</exception>
    public RaceCodec RaceToWrite(string raceId) =>
        _races.GetValueOrDefault(raceId)
        ?? throw new ArgumentException($"Election '{Election.Id}' has no race '{raceId}'; an accepted entry must name one of its races.");

    /// <summary>The race of an entry read from the log.</summary>
    /// <exception cref="InvalidDataException">The election has no such race: the log does not match the definition.</exception>
    public RaceCodec RaceToRead(string raceId, long sequence) =>
        _races.GetValueOrDefault(raceId)
        ?? throw new InvalidDataException(
            $"Log entry {sequence} has a tally for race '{raceId}', which election '{Election.Id}' does not have: " +
            "the log does not match the election definition.");
}
