using System.Buffers;
using System.Text.Json;
using Sandik.Domain.Elections;
using Sandik.Domain.Geography;
using Sandik.Domain.Simulation;

namespace Sandik.Cli.Replay;

/// <summary>Writes planned submissions as the ingest API's JSON, the way a client would send them.</summary>
public static class SubmissionBody
{
    public static byte[] One(PlannedSubmission s, Race race, ElectionGeography geography, string sourceId)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer)) Write(json, s, race, geography, sourceId);
        return buffer.WrittenSpan.ToArray();
    }

    public static byte[] Many(IEnumerable<PlannedSubmission> items, Race race, ElectionGeography geography, string sourceId)
    {
        var buffer = new ArrayBufferWriter<byte>(8192);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var s in items) Write(json, s, race, geography, sourceId);
            json.WriteEndArray();
        }
        return buffer.WrittenSpan.ToArray();
    }

    private static void Write(Utf8JsonWriter json, PlannedSubmission s, Race race, ElectionGeography geography, string sourceId)
    {
        json.WriteStartObject();
        json.WriteString("box", geography.Boxes[s.BoxIndex].Code);
        json.WriteString("race", race.Id);
        json.WriteString("clientSubmissionId", s.ClientSubmissionId(sourceId));
        if (s.Tally.Registered is { } registered) json.WriteNumber("registered", registered);
        if (s.Tally.Voted is { } voted) json.WriteNumber("voted", voted);
        json.WriteNumber("valid", s.Tally.Valid);
        if (s.Tally.Invalid is { } invalid) json.WriteNumber("invalid", invalid);
        json.WriteStartObject("votes");
        var votes = s.Tally.Votes;
        for (var i = 0; i < votes.Length; i++) json.WriteNumber(race.Choices[i].Id, votes[i]);
        json.WriteEndObject();
        json.WriteEndObject();
    }
}
