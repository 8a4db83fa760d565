using System.Globalization;
using Sandik.Domain.Geography;
using Sandik.Domain.Submissions;

namespace Sandik.Import.Turkey;

/// <summary>
/// How one source's boxes of a province compare with the official province result.
/// Shares are fractions of valid votes (0.4668 is 46.68%); a share difference is the source's share minus the
/// official one, so +0.02 means the source's boxes give the candidate two points more than the official count.
/// </summary>
public sealed record ProvinceCoverage(
    int Plate,
    string Name,
    int Boxes,
    long SourceValid,
    long OfficialValid,
    IReadOnlyList<long> SourceVotes,
    IReadOnlyList<long> OfficialVotes)
{
    /// <summary>The share of the official valid votes that the source's boxes hold (0 when the source has none).</summary>
    public double Coverage => OfficialValid == 0 ? 0 : (double)SourceValid / OfficialValid;

    public double SourceShare(int choice) => SourceValid == 0 ? 0 : (double)SourceVotes[choice] / SourceValid;

    public double OfficialShare(int choice) => OfficialValid == 0 ? 0 : (double)OfficialVotes[choice] / OfficialValid;

    /// <summary>Source share minus official share; 0 when the source has no box in the province.</summary>
    public double ShareDifference(int choice) => SourceValid == 0 ? 0 : SourceShare(choice) - OfficialShare(choice);
}

/// <summary>
/// Compares a source's per-box tallies, summed by province, with the official province results: how much of each
/// province the source covers and how far its candidate shares are from the official ones. A partial source that
/// covers mostly cities shows it here first.
/// </summary>
public static class ProvinceComparison
{
    /// <summary>One row per official province, by plate code. A box submitted several times counts once, with its last submission.</summary>
    /// <param name="geography">The registry the submissions' box codes belong to; its province areas are coded by plate.</param>
    /// <exception cref="ArgumentException">A submission is for another race or names a box the registry does not have.</exception>
    public static IReadOnlyList<ProvinceCoverage> Compare(ElectionGeography geography, IEnumerable<Submission> submissions, OfficialProvinceResults official)
    {
        var race = official.Race;
        var provinceLevel = geography.LevelOf("province");
        if (provinceLevel < 0) throw new ArgumentException("The geography has no province level.", nameof(geography));
        var lastByBox = new Dictionary<int, Tally>();
        foreach (var submission in submissions)
        {
            if (submission.RaceId != race.Id)
                throw new ArgumentException($"A submission is for race '{submission.RaceId}', not '{race.Id}'.", nameof(submissions));
            if (!geography.TryGetBox(submission.BoxCode, out var box))
                throw new ArgumentException($"The registry has no box '{submission.BoxCode}'.", nameof(submissions));
            lastByBox[box.Index] = submission.Tally;
        }
        var sums = new Dictionary<int, (int Boxes, long Valid, long[] Votes)>();
        foreach (var (boxIndex, tally) in lastByBox)
        {
            var province = geography.Areas[geography.ChainOf(boxIndex)[provinceLevel]];
            var plate = int.Parse(province.Code, CultureInfo.InvariantCulture);
            if (!sums.TryGetValue(plate, out var sum)) sums[plate] = sum = (0, 0, new long[race.Choices.Count]);
            for (var i = 0; i < sum.Votes.Length; i++) sum.Votes[i] += tally.Votes[i];
            sums[plate] = (sum.Boxes + 1, sum.Valid + tally.Valid, sum.Votes);
        }
        return [.. official.Provinces.Select(p =>
        {
            var (boxes, valid, votes) = sums.GetValueOrDefault(p.Plate, (0, 0, new long[race.Choices.Count]));
            return new ProvinceCoverage(p.Plate, p.Name, boxes, valid, p.Valid, votes, p.Votes);
        })];
    }
}
