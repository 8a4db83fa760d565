using System.Text.Json;

namespace Sandik.Server.Ui;

/// <summary>
/// The state an audit entry recorded before or after its action (JSON), as short lines a person reads: one per
/// top-level field, <c>role: viewer</c>; a nested object on one line (<c>ak_parti 120, chp 80</c>), a list joined by commas.
/// </summary>
public static class AuditFields
{
    public sealed record Field(string Key, string Value);

    /// <summary>The fields of a recorded state; none for no state, one without a key for a value that is not an object
    /// or for text that is not JSON (shown as it is).</summary>
    public static IReadOnlyList<Field> Of(string? json, string yes, string no)
    {
        if (string.IsNullOrWhiteSpace(json)) return [];
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return [new Field("", Text(root, yes, no))];
            return [.. root.EnumerateObject().Select(p => new Field(p.Name, Text(p.Value, yes, no)))];
        }
        catch (JsonException)
        {
            return [new Field("", json)];
        }
    }

    private static string Text(JsonElement value, string yes, string no) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() is { Length: > 0 } text ? text : "—",
        JsonValueKind.True => yes,
        JsonValueKind.False => no,
        JsonValueKind.Null or JsonValueKind.Undefined => "—",
        JsonValueKind.Object => string.Join(", ", value.EnumerateObject().Select(p => $"{p.Name} {Text(p.Value, yes, no)}")),
        JsonValueKind.Array => string.Join(", ", value.EnumerateArray().Select(v => Text(v, yes, no))),
        _ => value.GetRawText(),
    };
}
