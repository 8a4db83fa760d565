using System.Buffers;
using System.Text;
using System.Text.Json;
using Sandik.Domain.Elections;

namespace Sandik.Storage.Log;

/// <summary>
/// Writes a tally's votes as a JSON object keyed by choice id in the race's choice order, and reads them back into
/// that order. Reading expects the choices in order and falls back to a search, so a log written under an older
/// definition (choices added or reordered) still reads; a choice missing from the JSON reads as 0. Immutable.
/// </summary>
internal sealed class RaceCodec
{
    private readonly JsonEncodedText[] _names;
    private readonly byte[][] _utf8;

    public RaceCodec(Race race)
    {
        Race = race;
        _names = [.. race.Choices.Select(c => JsonEncodedText.Encode(c.Id))];
        _utf8 = [.. race.Choices.Select(c => Encoding.UTF8.GetBytes(c.Id))];
    }

    public Race Race { get; }

    public void WriteVotes(Utf8JsonWriter writer, ReadOnlySpan<int> votes)
    {
        if (votes.Length != _names.Length)
            throw new ArgumentException($"A tally of race '{Race.Id}' needs {_names.Length} vote counts, got {votes.Length}.");
        writer.WriteStartObject();
        for (var i = 0; i < votes.Length; i++) writer.WriteNumber(_names[i], votes[i]);
        writer.WriteEndObject();
    }

    /// <exception cref="InvalidDataException">The JSON names a choice the race does not have, or is malformed.</exception>
    public int[] ReadVotes(string json, long sequence)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(json.Length));
        try
        {
            var length = Encoding.UTF8.GetBytes(json, buffer);
            return ReadVotes(buffer.AsSpan(0, length), sequence);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Reads votes from their UTF-8 JSON, as a database that stores text as UTF-8 can hand it over.</summary>
    /// <exception cref="InvalidDataException">The JSON names a choice the race does not have, or is malformed.</exception>
    public int[] ReadVotes(ReadOnlySpan<byte> json, long sequence)
    {
        try
        {
            return ReadVotesIn(json, sequence);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"Log entry {sequence} has malformed votes: {e.Message}", e);
        }
    }

    private int[] ReadVotesIn(ReadOnlySpan<byte> json, long sequence)
    {
        var votes = new int[_utf8.Length];
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            throw new InvalidDataException($"Log entry {sequence} has votes that are not a JSON object.");
        var expected = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var index = IndexOf(ref reader, expected);
            if (index < 0)
                throw new InvalidDataException(
                    $"Log entry {sequence} gives votes for choice '{reader.GetString()}', which race '{Race.Id}' does not have: " +
                    "the log does not match the election definition.");
            reader.Read();
            votes[index] = reader.GetInt32();
            expected = index + 1;
        }
        return votes;
    }

    private int IndexOf(ref Utf8JsonReader reader, int expected)
    {
        if (expected < _utf8.Length && reader.ValueTextEquals(_utf8[expected])) return expected;
        for (var i = 0; i < _utf8.Length; i++)
        {
            if (reader.ValueTextEquals(_utf8[i])) return i;
        }
        return -1;
    }
}
