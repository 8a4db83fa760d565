using Sandik.Domain.Seats;

namespace Sandik.Domain.Elections;

/// <summary>One contest of an election (a presidential round, the parliamentary vote, a mayoral race).</summary>
public sealed class Race
{
    private readonly Dictionary<string, int> _choiceIndex;

    public Race(string id, RaceKind kind, LocalizedText name, IReadOnlyList<Choice> choices, SeatRules? seats = null)
    {
        if (choices.Count == 0) throw new ArgumentException($"Race '{id}' has no choices.", nameof(choices));
        Id = id;
        Kind = kind;
        Name = name;
        Choices = choices;
        Seats = seats;
        _choiceIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < choices.Count; i++)
        {
            if (!_choiceIndex.TryAdd(choices[i].Id, i))
                throw new ArgumentException($"Race '{id}' lists choice '{choices[i].Id}' twice.", nameof(choices));
        }
    }

    public string Id { get; }
    public RaceKind Kind { get; }
    public LocalizedText Name { get; }

    /// <summary>The choices in ballot order; every tally's votes are aligned with this list.</summary>
    public IReadOnlyList<Choice> Choices { get; }

    /// <summary>How seats are allocated, for races that elect a body (null for presidential and mayoral races).</summary>
    public SeatRules? Seats { get; }

    /// <summary>Index of a choice in <see cref="Choices"/>, or -1 when the race has no such choice.</summary>
    public int IndexOf(string choiceId) => _choiceIndex.GetValueOrDefault(choiceId, -1);
}
