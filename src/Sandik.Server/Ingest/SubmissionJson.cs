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
    // Compared as UTF-8 against the raw property names: no string per property of every submission. The order is
    // that of the slots in Read.
    private static readonly byte[][] Known = [.. new[] { "source", "race", "box", "clientSubmissionId", "reporter", "evidence",
        "registered", "voted", "valid", "invalid", "votes" }.Select(System.Text.Encoding.UTF8.GetBytes)];

    /// <summary>
    /// Reads a submission in one pass over its properties; a property given twice counts with its last value.
    /// </summary>
    /// <param name="choices">The election's choice ids, so that vote counts are keyed by them without a new string each.</param>
    public static SubmissionDraft Read(JsonElement item, string sourceId, List<FieldError> shapeErrors, ChoiceNames? choices = null)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            shapeErrors.Add(new FieldError("$", "not_an_object", $"A submission must be a JSON object, got {Describe(item.ValueKind)}."));
            return new SubmissionDraft { SourceId = sourceId };
        }
        JsonElement source = default, race = default, box = default, clientId = default, reporter = default, evidence = default,
            registered = default, voted = default, valid = default, invalid = default, votes = default;
        foreach (var property in item.EnumerateObject())
        {
            switch (SlotOf(property))
            {
                case 0: source = property.Value; break;
                case 1: race = property.Value; break;
                case 2: box = property.Value; break;
                case 3: clientId = property.Value; break;
                case 4: reporter = property.Value; break;
                case 5: evidence = property.Value; break;
                case 6: registered = property.Value; break;
                case 7: voted = property.Value; break;
                case 8: valid = property.Value; break;
                case 9: invalid = property.Value; break;
                case 10: votes = property.Value; break;
                default:
                    if (NameOf(property) is { } name) shapeErrors.Add(new FieldError(Short(name), "unknown_field", $"'{Short(name)}' is not a field of a submission."));
                    else shapeErrors.Add(InvalidText("$", "A field name"));
                    break;
            }
        }
        Text(source, "source", shapeErrors); // the key decides the source; a body may only repeat it, as a string
        return new SubmissionDraft
        {
            SourceId = sourceId,
            RaceId = Text(race, "race", shapeErrors),
            BoxCode = Text(box, "box", shapeErrors),
            ClientSubmissionId = Text(clientId, "clientSubmissionId", shapeErrors),
            Reporter = Text(reporter, "reporter", shapeErrors),
            Evidence = Text(evidence, "evidence", shapeErrors),
            Registered = Count(registered),
            Voted = Count(voted),
            Valid = Count(valid),
            Invalid = Count(invalid),
            Votes = Votes(votes, shapeErrors, choices),
        };
    }

    private static int SlotOf(JsonProperty property)
    {
        try
        {
            for (var i = 0; i < Known.Length; i++)
            {
                if (property.NameEquals(Known[i])) return i;
            }
        }
        catch (Exception e) when (IsNotText(e))
        {
            // A name that is not text (a lone surrogate) is no known field; the unknown-field branch names it.
        }
        return -1;
    }

    /// <summary>The source a body names, if any (it must be the API key's own).</summary>
    public static string? ClaimedSource(JsonElement item) =>
        item.ValueKind == JsonValueKind.Object && item.TryGetProperty("source", out var s) && s.ValueKind == JsonValueKind.String && TryString(s, out var text) ? text : null;

    /// <summary>A text field: absent (default) or null is null; anything but a string is an error.</summary>
    private static string? Text(JsonElement value, string name, List<FieldError> errors)
    {
        if (value.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null) return null;
        if (value.ValueKind == JsonValueKind.String)
        {
            if (TryString(value, out var text)) return text;
            errors.Add(InvalidText(name, $"'{name}'"));
            return null;
        }
        errors.Add(new FieldError(name, "not_a_string", $"'{name}' must be a string, got {Describe(value.ValueKind)}."));
        return null;
    }

    private static CountInput Count(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Undefined or JsonValueKind.Null => CountInput.Missing,
        JsonValueKind.Number => value.TryGetInt64(out var n) ? CountInput.Of(n) : new CountInput(Short(value.GetRawText()), null),
        JsonValueKind.String => !TryString(value, out var text) ? new CountInput("\"?\"", null)
            : CountInput.Parse(text) is { IsMissing: false } parsed ? parsed : new CountInput("\"\"", null),
        _ => new CountInput(Short(value.GetRawText()), null),
    };

    private static List<KeyValuePair<string, CountInput>>? Votes(JsonElement votes, List<FieldError> errors, ChoiceNames? choices)
    {
        if (votes.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null) return null;
        if (votes.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new FieldError("votes", "not_an_object", $"'votes' must be an object of choice id to count, got {Describe(votes.ValueKind)}."));
            return null;
        }
        var list = new List<KeyValuePair<string, CountInput>>(votes.GetPropertyCount());
        foreach (var property in votes.EnumerateObject())
        {
            if ((ChoiceOf(choices, property, list.Count) ?? NameOf(property)) is { } choice) list.Add(new(choice, Count(property.Value)));
            else errors.Add(InvalidText("votes", "A choice id in 'votes'"));
        }
        return list;
    }

    /// <summary>
    /// A string's text, or false when it is not text at all: JSON lets a lone surrogate be escaped (\ud800), and a body
    /// may hold bytes that are not UTF-8; neither can become a string, and neither may turn into a server error.
    /// </summary>
    private static bool TryString(JsonElement value, out string? text)
    {
        try
        {
            text = value.GetString();
            return true;
        }
        catch (Exception e) when (IsNotText(e))
        {
            text = null;
            return false;
        }
    }

    private static string? ChoiceOf(ChoiceNames? choices, JsonProperty property, int position)
    {
        try { return choices?.Of(property, position); }
        catch (Exception e) when (IsNotText(e)) { return null; }
    }

    private static string? NameOf(JsonProperty property)
    {
        try { return property.Name; }
        catch (Exception e) when (IsNotText(e)) { return null; }
    }

    /// <summary>What System.Text.Json throws when a string or a name cannot be decoded: a lone surrogate
    /// (<see cref="InvalidOperationException"/>) or bytes that are not UTF-8 (a <see cref="System.Text.DecoderFallbackException"/>).</summary>
    private static bool IsNotText(Exception e) => e is InvalidOperationException or ArgumentException;

    private static FieldError InvalidText(string field, string what) =>
        new(field, ErrorCodes.InvalidText, $"{what} is not valid Unicode text (a lone surrogate, or bytes that are not UTF-8).");

    /// <summary>
    /// The item's JSON as written, for the log; bytes that are not UTF-8 become U+FFFD instead of failing.
    /// </summary>
    public static string RawText(JsonElement item) =>
        System.Text.Encoding.UTF8.GetString(System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(item));

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
