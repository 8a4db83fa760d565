using Sandik.Domain.Submissions;
using Sandik.Domain.Tallies;

namespace Sandik.Server.Tests.Support;

/// <summary>The official November 2015 count of part of the country, as a replay's truth.</summary>
public static class OfficialTruth
{
    /// <summary>Every box of one province (by plate code), counted from the authority feed.</summary>
    public static LiveRace OfProvince(string province)
    {
        var official = TestServer.Official;
        var sources = Sandik.Import.Turkey.TurkeyData.Shipped().DefaultSources();
        var truth = new LiveRace(official.Election, official.Race, official.Geography, sources);
        var sequence = 0L;
        foreach (var tally in official.Tallies)
        {
            if (official.Geography.Areas[official.Geography.ChainOf(tally.BoxIndex)[1]].Code != province) continue;
            truth.Apply(new LoggedSubmission(++sequence, DateTimeOffset.UnixEpoch, "authority-feed", null, official.Race.Id,
                official.Geography.Boxes[tally.BoxIndex].Code, null, null, tally.Tally, [], null));
        }
        return truth;
    }
}
