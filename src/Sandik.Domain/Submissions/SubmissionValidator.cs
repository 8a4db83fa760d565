using Sandik.Domain.Elections;
using Sandik.Domain.Geography;
using Sandik.Domain.Sources;

namespace Sandik.Domain.Submissions;

/// <summary>
/// Turns a <see cref="SubmissionDraft"/> into a <see cref="Submission"/>, or into every field-level reason it cannot
/// be one. Counts may not be negative, non-numeric or larger than a box can hold; votes must add up to the valid
/// votes and valid + invalid to the voters. More voters than registered is not rejected: it happens in real boxes
/// (officials on duty vote where they serve) and is left to anomaly detection. Thread-safe.
/// </summary>
public sealed class SubmissionValidator(Election election, ElectionGeography geography, SourceCatalog sources)
{
    public const int MaxTextLength = 500;

    public Validated<Submission> Validate(SubmissionDraft draft, ValidationPolicy policy)
    {
        var errors = new List<FieldError>();
        var sourceId = CheckReference(draft.SourceId, "source", ErrorCodes.UnknownSource, id => sources.IndexOf(id) >= 0, errors);
        if (sourceId is not null && sources.Find(sourceId) is { Retired: true })
            errors.Add(new FieldError("source", ErrorCodes.RetiredSource, $"Source '{sourceId}' is retired from the count and takes no more submissions."));
        var race = draft.RaceId is null ? election.DefaultRace : election.FindRace(draft.RaceId);
        if (race is null)
            errors.Add(new FieldError("race", ErrorCodes.UnknownRace, $"Election '{election.Id}' has no race '{draft.RaceId}'."));
        var boxCode = CheckReference(draft.BoxCode, "box", ErrorCodes.UnknownBox, code => geography.TryGetBox(code, out _), errors);
        CheckText(draft.Reporter, "reporter", errors);
        CheckText(draft.Evidence, "evidence", errors);
        CheckText(draft.ClientSubmissionId, "clientSubmissionId", errors);
        // A blank id would make every later blank id a "retry" of the first submission, whatever its box.
        if (draft.ClientSubmissionId is { } id && string.IsNullOrWhiteSpace(id))
            errors.Add(new FieldError("clientSubmissionId", ErrorCodes.Blank, "'clientSubmissionId' is blank: leave it out or give an id of your own for this submission."));

        var registered = Count(draft.Registered, TallyFields.Registered, policy.RequireTurnoutCounts, errors);
        var voted = Count(draft.Voted, TallyFields.Voted, policy.RequireTurnoutCounts, errors);
        var valid = Count(draft.Valid, TallyFields.Valid, required: true, errors);
        var invalid = Count(draft.Invalid, TallyFields.Invalid, policy.RequireTurnoutCounts, errors);
        var votes = race is null ? null : Votes(draft.Votes, race, errors);

        if (votes is not null && valid is { } v && SumOf(votes) is var sum && sum != v)
            errors.Add(new FieldError(TallyFields.Votes, ErrorCodes.VotesDoNotSumToValid,
                $"The votes add up to {sum}, but the sheet gives {v} valid votes."));
        if (valid is { } va && invalid is { } inv && voted is { } vo && va + inv != vo)
            errors.Add(new FieldError(TallyFields.Voted, ErrorCodes.ValidPlusInvalidIsNotVoted,
                $"Valid ({va}) plus invalid ({inv}) is {va + inv}, but the sheet gives {vo} voters."));

        if (errors.Count > 0) return Validated<Submission>.Invalid(errors);
        var tally = new Tally(registered, voted, valid!.Value, invalid, votes!);
        return Validated<Submission>.Valid(new Submission(sourceId!, draft.Reporter, race!.Id, boxCode!, tally, draft.Evidence, draft.ClientSubmissionId));
    }

    private static string? CheckReference(string? value, string field, string unknownCode, Func<string, bool> exists, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new FieldError(field, ErrorCodes.Required, $"'{field}' is required."));
            return null;
        }
        if (!exists(value))
        {
            errors.Add(new FieldError(field, unknownCode, $"There is no {field} '{Shorten(value)}'."));
            return null;
        }
        return value;
    }

    private static void CheckText(string? value, string field, List<FieldError> errors)
    {
        if (value is { Length: > MaxTextLength })
            errors.Add(new FieldError(field, ErrorCodes.TooLong, $"'{field}' is {value.Length} characters long; at most {MaxTextLength} are allowed."));
    }

    private static int? Count(CountInput input, string field, bool required, List<FieldError> errors)
    {
        if (input.Acceptable is { } count) return count;
        if (input.IsMissing)
        {
            if (required) errors.Add(new FieldError(field, ErrorCodes.Required, $"'{field}' is required."));
            return null;
        }
        if (input.Value is not { } value)
        {
            errors.Add(new FieldError(field, ErrorCodes.NotANumber, $"'{field}' must be a whole number, got '{Shorten(input.Text)}'."));
            return null;
        }
        if (value < 0)
        {
            errors.Add(new FieldError(field, ErrorCodes.Negative, $"'{field}' cannot be negative, got {value}."));
            return null;
        }
        errors.Add(new FieldError(field, ErrorCodes.TooLarge, $"'{field}' is {value}, more than any ballot box can hold."));
        return null;
    }

    private static int[]? Votes(IReadOnlyList<KeyValuePair<string, CountInput>>? entries, Race race, List<FieldError> errors)
    {
        if (entries is not { Count: > 0 })
        {
            errors.Add(new FieldError(TallyFields.Votes, ErrorCodes.Required, "'votes' is required: the votes of each choice."));
            return null;
        }
        var votes = new int[race.Choices.Count];
        var seen = new bool[race.Choices.Count];
        var ok = true;
        foreach (var (choiceId, input) in entries)
        {
            var index = race.IndexOf(choiceId);
            if (index < 0)
            {
                errors.Add(new FieldError(VoteField(choiceId), ErrorCodes.UnknownChoice, $"Race '{race.Id}' has no choice '{Shorten(choiceId)}'."));
                ok = false;
                continue;
            }
            if (seen[index])
            {
                errors.Add(new FieldError(VoteField(choiceId), ErrorCodes.DuplicateChoice, $"Choice '{choiceId}' is given more than once."));
                ok = false;
                continue;
            }
            seen[index] = true;
            // The field's name is only needed for an error: most sheets are well formed and skip building it.
            if (input.Acceptable is { } fine) votes[index] = fine;
            else if (Count(input, VoteField(choiceId), required: true, errors) is { } count) votes[index] = count;
            else ok = false;
        }
        return ok ? votes : null;
    }

    private static string VoteField(string choiceId) => $"{TallyFields.Votes}.{Shorten(choiceId)}";

    private static long SumOf(int[] votes)
    {
        long sum = 0;
        foreach (var v in votes) sum += v;
        return sum;
    }

    private static string Shorten(string? text) =>
        text is null ? "" : text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 60), "…");
}
