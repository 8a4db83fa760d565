using Sandik.Domain.Elections;

namespace Sandik.Domain.Submissions;

/// <summary>
/// The counts on one box's count sheet (tutanak). Votes are aligned with the race's choices.
/// Registered, voted and invalid may be absent where a source does not transcribe them (e.g. a volunteer
/// network that records only the votes). Immutable.
/// </summary>
public sealed class Tally : IEquatable<Tally>
{
    private readonly int[] _votes;

    public Tally(int? registered, int? voted, int valid, int? invalid, int[] votes)
    {
        Registered = registered;
        Voted = voted;
        Valid = valid;
        Invalid = invalid;
        _votes = votes;
    }

    public int? Registered { get; }
    public int? Voted { get; }
    public int Valid { get; }
    public int? Invalid { get; }

    /// <summary>Votes per choice, in the race's choice order.</summary>
    public ReadOnlySpan<int> Votes => _votes;

    public int ChoiceCount => _votes.Length;

    /// <summary>The fields in which two tallies differ: <c>registered</c>, <c>voted</c>, <c>valid</c>, <c>invalid</c> or a choice id.</summary>
    public IReadOnlyList<string> DifferingFields(Tally other, Race race)
    {
        var fields = new List<string>();
        if (Registered != other.Registered) fields.Add(TallyFields.Registered);
        if (Voted != other.Voted) fields.Add(TallyFields.Voted);
        if (Valid != other.Valid) fields.Add(TallyFields.Valid);
        if (Invalid != other.Invalid) fields.Add(TallyFields.Invalid);
        for (var i = 0; i < _votes.Length; i++)
        {
            if (_votes[i] != other._votes[i]) fields.Add(race.Choices[i].Id);
        }
        return fields;
    }

    /// <summary>Whether two tallies agree on every count both of them carry.</summary>
    public bool AgreesWith(Tally other)
    {
        return Same(Registered, other.Registered) && Same(Voted, other.Voted) && Valid == other.Valid
            && Same(Invalid, other.Invalid) && _votes.AsSpan().SequenceEqual(other._votes);

        static bool Same(int? a, int? b) => a is null || b is null || a == b;
    }

    public bool Equals(Tally? other) =>
        other is not null && Registered == other.Registered && Voted == other.Voted && Valid == other.Valid
        && Invalid == other.Invalid && _votes.AsSpan().SequenceEqual(other._votes);

    public override bool Equals(object? obj) => Equals(obj as Tally);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Registered);
        hash.Add(Voted);
        hash.Add(Valid);
        hash.Add(Invalid);
        foreach (var v in _votes) hash.Add(v);
        return hash.ToHashCode();
    }

    public override string ToString() =>
        $"registered {Registered?.ToString() ?? "-"}, voted {Voted?.ToString() ?? "-"}, valid {Valid}, invalid {Invalid?.ToString() ?? "-"}, votes [{string.Join(", ", _votes)}]";
}
