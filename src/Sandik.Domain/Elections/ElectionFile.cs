using System.Text.Json;
using System.Text.Json.Serialization;
using Sandik.Domain.Seats;

namespace Sandik.Domain.Elections;

/// <summary>Reads an election definition (see <c>data/elections/*.json</c>).</summary>
public static class ElectionFile
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <exception cref="DefinitionException">The file is not a valid election definition.</exception>
    public static Election Read(Stream json, string fileName)
    {
        ElectionDto? dto;
        try
        {
            dto = JsonSerializer.Deserialize<ElectionDto>(json, Options);
        }
        catch (JsonException e)
        {
            throw new DefinitionException($"{fileName}: not a valid election definition at line {e.LineNumber + 1}: {e.Message}", e);
        }
        if (dto is null) throw new DefinitionException($"{fileName}: empty election definition.");
        return ToElection(dto, fileName);
    }

    /// <summary>Writes an election in the same format <see cref="Read"/> reads.</summary>
    public static void Write(Election election, Stream json)
    {
        var dto = new ElectionDto(election.Id, ToDto(election.Name), election.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            election.Geography, [.. election.Races.Select(ToDto)]);
        JsonSerializer.Serialize(json, dto, WriteOptions);
    }

    /// <summary>The election as definition text.</summary>
    public static string ToJson(Election election)
    {
        using var buffer = new MemoryStream();
        Write(election, buffer);
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Reads an election from definition text.</summary>
    public static Election FromJson(string json, string name) =>
        Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json)), name);

    private static readonly JsonSerializerOptions WriteOptions = new(Options)
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static TextDto ToDto(LocalizedText text) => new(text.Tr, text.En);

    private static RaceDto ToDto(Race race) => new(race.Id, race.Kind, ToDto(race.Name),
        [.. race.Choices.Select(c => new ChoiceDto(c.Id, c.Name, c.FullName, c.Kind, c.Color))],
        race.Seats is not { } seats ? null : new SeatsDto(seats.TotalSeats, seats.NationalThreshold,
            [.. seats.Constituencies.Select(c => new ConstituencyDto(c.Code, c.Name, c.Magnitude))],
            new Dictionary<string, long>(seats.AbroadVotes)));

    private static Election ToElection(ElectionDto dto, string fileName)
    {
        Require(dto.Id, "id", fileName);
        if (dto.Races is not { Count: > 0 }) throw new DefinitionException($"{fileName}: election '{dto.Id}' has no races.");
        if (!DateOnly.TryParse(dto.Date, System.Globalization.CultureInfo.InvariantCulture, out var date))
            throw new DefinitionException($"{fileName}: 'date' must be a date like 2015-11-01, got '{dto.Date}'.");
        var races = dto.Races.Select(r => ToRace(r, fileName)).ToList();
        return new Election(dto.Id!, ToText(dto.Name, dto.Id!), date, dto.Geography ?? "tr", races);
    }

    private static Race ToRace(RaceDto dto, string fileName)
    {
        Require(dto.Id, "races[].id", fileName);
        if (dto.Choices is not { Count: > 0 }) throw new DefinitionException($"{fileName}: race '{dto.Id}' has no choices.");
        var choices = dto.Choices.Select(c =>
        {
            Require(c.Id, $"race '{dto.Id}' choices[].id", fileName);
            return new Choice(c.Id!, c.Name ?? c.Id!, c.FullName, c.Kind ?? ChoiceKind.Party, c.Color);
        }).ToList();
        try
        {
            return new Race(dto.Id!, dto.Kind ?? RaceKind.Parliamentary, ToText(dto.Name, dto.Id!), choices, ToSeats(dto, fileName));
        }
        catch (ArgumentException e)
        {
            throw new DefinitionException($"{fileName}: {e.Message}", e);
        }
    }

    private static SeatRules? ToSeats(RaceDto race, string fileName)
    {
        var dto = race.Seats;
        if (dto is null) return null;
        if (dto.Constituencies is not { Count: > 0 })
            throw new DefinitionException($"{fileName}: race '{race.Id}' has seats but no constituencies.");
        var constituencies = dto.Constituencies
            .Select(c => new Constituency(c.Code ?? throw new DefinitionException($"{fileName}: a constituency has no code."), c.Name ?? c.Code, c.Magnitude))
            .ToList();
        var sum = constituencies.Sum(c => c.Magnitude);
        if (sum != dto.Total)
            throw new DefinitionException($"{fileName}: race '{race.Id}' constituency magnitudes add up to {sum}, not to the {dto.Total} seats it declares.");
        var abroad = dto.AbroadVotes ?? new Dictionary<string, long>();
        foreach (var id in abroad.Keys)
        {
            if (race.Choices!.All(c => c.Id != id))
                throw new DefinitionException($"{fileName}: abroad votes name choice '{id}', which race '{race.Id}' does not have.");
        }
        return new SeatRules(dto.Total, dto.NationalThreshold, constituencies, abroad);
    }

    private static LocalizedText ToText(TextDto? text, string fallback) =>
        new(text?.Tr ?? text?.En ?? fallback, text?.En ?? text?.Tr ?? fallback);

    private static void Require(string? value, string field, string fileName)
    {
        if (string.IsNullOrWhiteSpace(value)) throw new DefinitionException($"{fileName}: '{field}' is required.");
    }

    private sealed record TextDto(string? Tr, string? En);

    private sealed record ChoiceDto(string? Id, string? Name, string? FullName, ChoiceKind? Kind, string? Color);

    private sealed record ConstituencyDto(string? Code, string? Name, int Magnitude);

    private sealed record SeatsDto(int Total, double NationalThreshold, List<ConstituencyDto>? Constituencies, Dictionary<string, long>? AbroadVotes);

    private sealed record RaceDto(string? Id, RaceKind? Kind, TextDto? Name, List<ChoiceDto>? Choices, SeatsDto? Seats);

    private sealed record ElectionDto(string? Id, TextDto? Name, string? Date, string? Geography, List<RaceDto>? Races);
}
