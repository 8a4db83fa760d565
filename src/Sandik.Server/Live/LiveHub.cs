using Microsoft.AspNetCore.SignalR;

namespace Sandik.Server.Live;

/// <summary>The live channel: viewers receive <see cref="UpdateMessage"/> with a <see cref="LiveUpdate"/> and fetch what they show.</summary>
public sealed class LiveHub(ElectionHost host) : Hub
{
    public const string Path = "/hubs/live";
    public const string UpdateMessage = "update";

    /// <summary>The current version and last sequence, for a viewer that just connected.</summary>
    public LiveUpdate Current()
    {
        var race = host.DefaultRace;
        return new LiveUpdate(race.Version, race.LastSequence, 0, 0, DateTimeOffset.UtcNow);
    }
}
