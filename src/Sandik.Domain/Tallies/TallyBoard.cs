using Sandik.Domain.Geography;
using Sandik.Domain.Reconciliation;
using Sandik.Domain.Submissions;

namespace Sandik.Domain.Tallies;

/// <summary>
/// Running sums of counted tallies for every area of a geography, in one flat array: adding or removing a box
/// touches only the areas on its path (one per level). Not thread-safe; <see cref="LiveRace"/> guards it.
/// </summary>
public sealed class TallyBoard
{
    private const int Boxes = 0, Confirmed = 1, Conflicts = 2, RegisteredCovered = 3, Registered = 4, Voted = 5, Valid = 6, Invalid = 7, FirstVote = 8;

    private readonly ElectionGeography _geography;
    private readonly int _stride;
    private readonly long[] _sums;

    public TallyBoard(ElectionGeography geography, int choiceCount)
    {
        _geography = geography;
        _stride = FirstVote + choiceCount;
        _sums = new long[geography.Areas.Count * _stride];
    }

    /// <summary>Adds (sign +1) or removes (sign -1) a box's counted tally.</summary>
    public void Add(int boxIndex, Tally tally, int sign)
    {
        var registry = _geography.Boxes[boxIndex].Registered;
        var votes = tally.Votes;
        foreach (var area in _geography.ChainOf(boxIndex))
        {
            var row = _sums.AsSpan(area * _stride, _stride);
            row[Boxes] += sign;
            row[RegisteredCovered] += sign * registry;
            row[Registered] += sign * (tally.Registered ?? 0);
            row[Voted] += sign * (tally.Voted ?? 0);
            row[Valid] += sign * tally.Valid;
            row[Invalid] += sign * (tally.Invalid ?? 0);
            var voteRow = row[FirstVote..];
            for (var i = 0; i < votes.Length; i++) voteRow[i] += sign * votes[i];
        }
    }

    /// <summary>Moves a box from one status to another in the confirmed / conflict counters.</summary>
    public void Restatus(int boxIndex, BoxStatus from, BoxStatus to)
    {
        if (from == to) return;
        foreach (var area in _geography.ChainOf(boxIndex))
        {
            var row = _sums.AsSpan(area * _stride, _stride);
            if (from == BoxStatus.Confirmed) row[Confirmed]--;
            if (from == BoxStatus.Conflict) row[Conflicts]--;
            if (to == BoxStatus.Confirmed) row[Confirmed]++;
            if (to == BoxStatus.Conflict) row[Conflicts]++;
        }
    }

    public AreaTotals Totals(int areaIndex)
    {
        var row = _sums.AsSpan(areaIndex * _stride, _stride);
        return new AreaTotals(areaIndex, row[Boxes], _geography.BoxCountOf(areaIndex), row[Confirmed], row[Conflicts],
            row[RegisteredCovered], _geography.RegisteredOf(areaIndex), row[Registered], row[Voted], row[Valid], row[Invalid],
            row[FirstVote..].ToArray());
    }
}
