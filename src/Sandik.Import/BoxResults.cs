using Sandik.Domain.Elections;
using Sandik.Domain.Geography;
using Sandik.Domain.Submissions;

namespace Sandik.Import;

/// <summary>A file of per-box results: the election it belongs to, the box registry it defines, one tally per box.</summary>
public sealed record BoxResults(Election Election, ElectionGeography Geography, IReadOnlyList<BoxTally> Tallies)
{
    public Race Race => Election.DefaultRace;
}

/// <summary>The tally of one box of a <see cref="BoxResults"/> file.</summary>
public readonly record struct BoxTally(int BoxIndex, Tally Tally, int Line);
