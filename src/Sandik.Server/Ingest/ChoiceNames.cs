using System.Text;
using System.Text.Json;
using Sandik.Domain.Elections;

namespace Sandik.Server.Ingest;

/// <summary>
/// The choice ids of an election's races, to key a submission's vote counts by the race's own strings instead of a
/// new string per count of every sheet (a night's 600,000 sheets of 17 counts each). Thread-safe: read only.
/// </summary>
public sealed class ChoiceNames
{
    private readonly string[] _ids;
    private readonly byte[][] _utf8;

    public ChoiceNames(Election election)
    {
        Election = election;
        _ids = [.. election.Races.SelectMany(r => r.Choices).Select(c => c.Id).Distinct(StringComparer.Ordinal)];
        _utf8 = [.. _ids.Select(Encoding.UTF8.GetBytes)];
    }

    public Election Election { get; }

    /// <summary>
    /// The known id the property is named by, or null. Sheets list their counts in the race's order, so the id at
    /// <paramref name="position"/> is tried first.
    /// </summary>
    public string? Of(JsonProperty property, int position)
    {
        if (position < _utf8.Length && property.NameEquals(_utf8[position])) return _ids[position];
        for (var i = 0; i < _utf8.Length; i++)
        {
            if (i != position && property.NameEquals(_utf8[i])) return _ids[i];
        }
        return null;
    }
}
