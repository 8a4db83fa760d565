using System.Text.Json;
using Sandik.Domain.Submissions;

namespace Sandik.Server.Ingest;

/// <summary>
/// Reads one submission object of the ingest API into a <see cref="SubmissionDraft"/>, keeping every malformed value
/// so that validation can name it: a count that is a string of letters, a fraction, an object; a field nobody knows.
/// </summary>
/// <remarks>
/// <code>
/// { "box": "34/Kadıköy/1001", "race": "parliament", "clientSubmissionId": "obs-77-1", "reporter": "…", "evidence": "sha256:…",
///   "registered": 300, "voted": 250, "valid": 240, "invalid": 10, "votes": { "ak_parti": 100, "chp": 90, … } }
/// </code>
/// </remarks>
public static class SubmissionJson
{
    // Compared as UTF-8 against the raw property names: no string per property of every submission.
    private static readonly byte[][] Known = [.. new[] { "source", "race", "box", "clientSubmissionId", "reporter", "evidence",
        "registered", "voted", "valid", "invalid", "votes" }.Select(System.Text.Encoding.UTF8.GetBytes)];

    public static SubmissionDraft Read(JsonElement item, string sourceId, List<FieldError> shapeErrors)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            shapeErrors.Add(new FieldError("$", "not_an_object", $"A submission must be a JSON object, got {Describe(item.ValueKind)}."));
            return new SubmissionDraft { SourceId = sourceId };
        }
        foreach (var property in item.EnumerateObject())
        {
            if (!IsKnown(property))
                shapeErrors.Add(new FieldError(Short(property.Name), "unknown_field", $"'{Short(property.Name)}' is not a field of a submission."));
        }
        Text(item, "source", shapeErrors); // the key decides the source; a body may only repeat it, as a string
        return new SubmissionDraft
        {
            SourceId = sourceId,
            RaceId = Text(item, "race", shapeErrors),
            BoxCode = Text(item, "box", shapeErrors),
            ClientSubmissionId = Text(item, "clientSubmissionId", shapeErrors),
            Reporter = Text(item, "reporter", shapeErrors),
            Evidence = Text(item, "evidence", shapeErrors),
            Registered = Count(item, "registered"),
            Voted = Count(item, "voted"),
            Valid = Count(item, "valid"),
            Invalid = Count(item, "invalid"),
            Votes = Votes(item, shapeErrors),
        };
    }

    private static bool IsKnown(JsonProperty property)
    {
        foreach (var name in Known)
        {
            if (property.NameEquals(name)) return true;
        }
        return false;
    }

    /// <summary>The source a body names, if any (it must be the API key's own).</summary>
    public static string? ClaimedSource(JsonElement item) =>
        item.ValueKind == JsonValueKind.Object && item.TryGetProperty("source", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;

    private static string? Text(JsonElement item, string name, List<FieldError> errors)
    {
        if (!item.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind == JsonValueKind.String) return value.GetString();
        errors.Add(new FieldError(name, "not_a_string", $"'{name}' must be a string, got {Describe(value.ValueKind)}."));
        return null;
    }

    private static CountInput Count(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) ? Count(value) : CountInput.Missing;

    private static CountInput Count(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => CountInput.Missing,
        JsonValueKind.Number => value.TryGetInt64(out var n) ? CountInput.Of(n) : new CountInput(Short(value.GetRawText()), null),
        JsonValueKind.String => CountInput.Parse(value.GetString()) is { IsMissing: false } parsed ? parsed : new CountInput("\"\"", null),
        _ => new CountInput(Short(value.GetRawText()), null),
    };

    private static List<KeyValuePair<string, CountInput>>? Votes(JsonElement item, List<FieldError> errors)
    {
        if (!item.TryGetProperty("votes", out var votes) || votes.ValueKind == JsonValueKind.Null) return null;
        if (votes.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new FieldError("votes", "not_an_object", $"'votes' must be an object of choice id to count, got {Describe(votes.ValueKind)}."));
            return null;
        }
        var list = new List<KeyValuePair<string, CountInput>>(votes.GetPropertyCount());
        foreach (var property in votes.EnumerateObject()) list.Add(new(property.Name, Count(property.Value)));
        return list;
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

    private static string Short(string text) => text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 60), "…");
}
