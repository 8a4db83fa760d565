using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sandik.Domain.Projection.Golden;

/// <summary>
/// A designed sample of "golden" ballot boxes, fetched first on election night to estimate the whole: strata from
/// geography and prior results, a simple random sample inside each. Self-contained, so that it can be stored with
/// the election and used without the prior: every stratum carries its population totals and every sampled box its
/// prior-expected votes. Immutable; serialises to and from JSON.
/// </summary>
/// <param name="Seed">Seed the boxes were drawn with: the same inputs and seed give the same sample.</param>
/// <param name="Choices">Choice ids the prior-expected vote arrays are aligned with.</param>
public sealed record GoldenSampleDesign(
    string ElectionId,
    string RaceId,
    string? PriorElectionId,
    int Seed,
    IReadOnlyList<string> Choices,
    IReadOnlyList<GoldenStratum> Strata,
    IReadOnlyList<GoldenBox> Boxes)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <exception cref="DefinitionException">The text is not a sample design.</exception>
    public static GoldenSampleDesign FromJson(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<GoldenSampleDesign>(json, Json) ?? throw new DefinitionException("Empty golden sample design.");
        }
        catch (JsonException e)
        {
            throw new DefinitionException($"Not a golden sample design: {e.Message}", e);
        }
    }
}

/// <summary>One stratum: which boxes it holds (by count) and what the prior expected of all of them.</summary>
/// <param name="Id">e.g. <c>34/ak_parti</c> (province 34, boxes the prior's leader there was AK Parti), <c>34/*</c>, <c>*/chp</c>.</param>
/// <param name="Population">Boxes of the stratum in the registry.</param>
/// <param name="PriorValid">Valid votes the prior expects from all of its boxes.</param>
/// <param name="PriorVotes">Votes the prior expects per choice from all of its boxes.</param>
public sealed record GoldenStratum(string Id, int Population, double PriorValid, double[] PriorVotes);

/// <summary>A sampled box and what the prior expected of it.</summary>
public sealed record GoldenBox(string Code, int Stratum, double PriorValid, double[] PriorVotes);
