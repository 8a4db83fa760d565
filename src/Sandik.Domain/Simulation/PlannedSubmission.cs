using Sandik.Domain.Elections;
using Sandik.Domain.Geography;
using Sandik.Domain.Submissions;

namespace Sandik.Domain.Simulation;

/// <summary>What a simulated submission is, compared with the box's true count.</summary>
public enum SubmissionFlavour
{
    /// <summary>The true count, first time this source sends the box.</summary>
    Original,
    /// <summary>The same submission sent again with the same client id (the sender timed out waiting).</summary>
    Retry,
    /// <summary>The true count sent again later under a new client id (a real duplicate).</summary>
    Resend,
    /// <summary>A consistent sheet with a transcription error: a conflict the reconciliation must show.</summary>
    TranscriptionError,
    /// <summary>A sheet whose numbers do not add up: validation must reject it.</summary>
    Inconsistent,
}

/// <summary>One submission of a simulated night: when, from which source, for which box, with which numbers.</summary>
/// <param name="At">Time after the polls close.</param>
/// <param name="Attempt">Distinguishes the client submission ids of a source's sends of one box.</param>
public sealed record PlannedSubmission(TimeSpan At, int SourceIndex, int BoxIndex, Tally Tally, int Attempt, SubmissionFlavour Flavour)
{
    public string ClientSubmissionId(string sourceId) => $"{sourceId}-{BoxIndex}-{Attempt}";

    /// <summary>The submission as a client would send it.</summary>
    public SubmissionDraft ToDraft(Race race, ElectionGeography geography, string sourceId)
    {
        var votes = new KeyValuePair<string, CountInput>[race.Choices.Count];
        for (var i = 0; i < votes.Length; i++) votes[i] = new(race.Choices[i].Id, CountInput.Of(Tally.Votes[i]));
        return new SubmissionDraft
        {
            SourceId = sourceId,
            RaceId = race.Id,
            BoxCode = geography.Boxes[BoxIndex].Code,
            ClientSubmissionId = ClientSubmissionId(sourceId),
            Registered = Count(Tally.Registered),
            Voted = Count(Tally.Voted),
            Valid = CountInput.Of(Tally.Valid),
            Invalid = Count(Tally.Invalid),
            Votes = votes,
        };

        static CountInput Count(int? value) => value is { } v ? CountInput.Of(v) : CountInput.Missing;
    }
}
