using Sandik.Server.Live;

namespace Sandik.Server.Results;

/// <summary>The served election as clients need it to build their screens.</summary>
public sealed record ElectionInfo(string Id, string NameTr, string NameEn, string Date, IReadOnlyList<ElectionInfo.RaceInfo> Races,
    IReadOnlyList<ElectionInfo.SourceInfo> Sources, IReadOnlyList<ElectionInfo.LevelInfo> Levels, int Boxes)
{
    public sealed record ChoiceInfo(string Id, string Name, string? FullName, string Kind, string? Color);
    public sealed record RaceInfo(string Id, string Kind, string NameTr, string NameEn, IReadOnlyList<ChoiceInfo> Choices, int? Seats);
    public sealed record SourceInfo(string Id, string NameTr, string NameEn, int TrustRank, bool Retired);
    public sealed record LevelInfo(string Id, string NameTr, string NameEn);

    public static ElectionInfo From(ElectionHost host)
    {
        var e = host.Election;
        return new ElectionInfo(e.Election.Id, e.Election.Name.Tr, e.Election.Name.En, e.Election.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            [.. e.Election.Races.Select(r => new RaceInfo(r.Id, r.Kind.ToString().ToLowerInvariant(), r.Name.Tr, r.Name.En,
                [.. r.Choices.Select(c => new ChoiceInfo(c.Id, c.Name, c.FullName, c.Kind.ToString().ToLowerInvariant(), c.Color))], r.Seats?.TotalSeats))],
            SourcesOf(e.Sources),
            [.. e.Geography.Levels.Select(l => new LevelInfo(l.Id, l.Name.Tr, l.Name.En))],
            e.Geography.Boxes.Count);
    }

    /// <summary>The sources in trust order, retired ones included (marked).</summary>
    public static IReadOnlyList<SourceInfo> SourcesOf(Sandik.Domain.Sources.SourceCatalog catalog) =>
        [.. catalog.ByTrustRank.Select(s => new SourceInfo(s.Id, s.Name.Tr, s.Name.En, s.TrustRank, s.Retired))];
}
