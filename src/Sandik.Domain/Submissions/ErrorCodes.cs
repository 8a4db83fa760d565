namespace Sandik.Domain.Submissions;

/// <summary>The stable codes of validation reasons.</summary>
public static class ErrorCodes
{
    public const string Required = "required";
    public const string NotANumber = "not_a_number";
    public const string Negative = "negative";
    public const string TooLarge = "too_large";
    public const string UnknownSource = "unknown_source";
    public const string RetiredSource = "retired_source";
    public const string UnknownRace = "unknown_race";
    public const string UnknownBox = "unknown_box";
    public const string UnknownChoice = "unknown_choice";
    public const string DuplicateChoice = "duplicate_choice";
    public const string VotesDoNotSumToValid = "votes_do_not_sum_to_valid";
    public const string ValidPlusInvalidIsNotVoted = "valid_plus_invalid_is_not_voted";
    public const string TooLong = "too_long";
    public const string Blank = "blank";
    public const string InvalidText = "invalid_text";
}
