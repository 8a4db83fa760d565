using System.Buffers;
using System.Text;
using System.Text.Json;
using Sandik.Domain.Submissions;

namespace Sandik.Storage.Log;

/// <summary>
/// The JSON columns of the log: votes (see <see cref="RaceCodec"/>) and errors, an array of
/// <c>{"field","code","message"}</c>. One writer reuses its buffer across the entries of an append. Not thread-safe.
/// </summary>
internal sealed class LogJson
{
    private static readonly JsonEncodedText Field = JsonEncodedText.Encode("field");
    private static readonly JsonEncodedText Code = JsonEncodedText.Encode("code");
    private static readonly JsonEncodedText Message = JsonEncodedText.Encode("message");
    private static readonly JsonWriterOptions Options = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly ArrayBufferWriter<byte> _buffer = new(256);
    private readonly Utf8JsonWriter _writer;

    public LogJson() => _writer = new Utf8JsonWriter(_buffer, Options);

    public string? Votes(ElectionCodec election, LoggedSubmission entry)
    {
        if (entry.Tally is not { } tally) return null;
        Start();
        election.RaceToWrite(entry.RaceId).WriteVotes(_writer, tally.Votes);
        return Finish();
    }

    public string? Errors(IReadOnlyList<FieldError> errors)
    {
        if (errors.Count == 0) return null;
        Start();
        _writer.WriteStartArray();
        foreach (var error in errors)
        {
            _writer.WriteStartObject();
            _writer.WriteString(Field, error.Field);
            _writer.WriteString(Code, error.Code);
            _writer.WriteString(Message, error.Message);
            _writer.WriteEndObject();
        }
        _writer.WriteEndArray();
        return Finish();
    }

    /// <exception cref="InvalidDataException">The column is not an array of errors.</exception>
    public static IReadOnlyList<FieldError> ReadErrors(string? json, long sequence)
    {
        if (json is null) return [];
        try
        {
            var errors = new List<FieldError>();
            using var document = JsonDocument.Parse(json);
            foreach (var item in document.RootElement.EnumerateArray())
            {
                errors.Add(new FieldError(
                    item.GetProperty("field").GetString() ?? "",
                    item.GetProperty("code").GetString() ?? "",
                    item.GetProperty("message").GetString() ?? ""));
            }
            return errors;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException)
        {
            throw new InvalidDataException($"Log entry {sequence} has malformed errors: {e.Message}", e);
        }
    }

    private void Start()
    {
        _buffer.ResetWrittenCount();
        _writer.Reset();
    }

    private string Finish()
    {
        _writer.Flush();
        return Encoding.UTF8.GetString(_buffer.WrittenSpan);
    }
}
