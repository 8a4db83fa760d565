namespace Sandik.Domain.Elections;

/// <summary>What a choice on the ballot is.</summary>
public enum ChoiceKind
{
    Party,
    /// <summary>A candidate in a presidential or mayoral race.</summary>
    Candidate,
    /// <summary>An independent candidate for parliament: exempt from the national threshold.</summary>
    Independent,
    /// <summary>A column that is not one contender (e.g. the sum of all independents of a box): never wins a seat.</summary>
    Other,
}
