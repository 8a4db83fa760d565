using System.Text;

namespace Sandik.Server.Tests.Reliability;

/// <summary>A seeded generator of malformed and hostile requests for every public endpoint.</summary>
public sealed class HostileRequests(int seed, string box, IReadOnlyList<string> choices)
{
    private static readonly string[] Injections =
    [
        "'; DROP TABLE submissions; --", "\" OR 1=1 --", "<script>alert(1)</script>", "../../../../etc/passwd", "%00", "\u0000\u0001\u001f",
        "${jndi:ldap://x}", "{{7*7}}", "İSTANBUL\u202e", "🗳️", "\\u0000", "1/Seyhan/3001' --", "NaN", "Infinity", "-0", "null",
        "\ud800", "<!--", "\r\nX-Injected: 1", new string('ş', 600),
    ];

    private static readonly string[] Numbers =
    [
        "-1", "1.5", "1e400", "99999999999999999999999", "-9223372036854775809", "2147483648", "\"12a\"", "\"\"", "true", "[]", "{}", "null",
        "0x10", "1e3", "\"١٢\"", "NaN", "-0.0",
    ];

    private static readonly string[] Fields = ["box", "race", "source", "clientSubmissionId", "reporter", "evidence", "registered", "voted", "valid", "invalid", "votes"];

    private readonly Random _random = new(seed);

    public (HttpMethod Method, string Path, string? Body, string ContentType) Next() => _random.Next(12) switch
    {
        0 => Post(RandomBytes()),
        1 => Post(Truncated()),
        2 => Post(WrongTypes()),
        3 => Post(HugeNumbers()),
        4 => Post(UnknownIds()),
        5 => Post(Injected()),
        6 => (HttpMethod.Post, "api/v1/submissions", Inconsistent(), Pick(["text/plain", "application/xml", "multipart/form-data", "", "application/jsonx"])),
        7 => (HttpMethod.Post, "api/v1/submissions/batch", Batch(), "application/json"),
        8 => (HttpMethod.Post, "api/v1/submissions", Oversized(), "application/json"),
        9 => (HttpMethod.Get, "api/v1/results?" + Query(["area", "sources", "race"]), null, ""),
        10 => (HttpMethod.Get, "api/v1/boxes/explain?" + Query(["code", "sources", "race"]), null, ""),
        _ => (HttpMethod.Get, "api/v1/conflicts?" + Query(["limit", "sources", "race"]), null, ""),
    };

    private static (HttpMethod, string, string?, string) Post(string body) => (HttpMethod.Post, "api/v1/submissions", body, "application/json");

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private string RandomBytes()
    {
        var bytes = new byte[_random.Next(1, 300)];
        _random.NextBytes(bytes);
        return Encoding.Latin1.GetString(bytes);
    }

    private string Sheet(Func<string, string?>? value = null)
    {
        var parts = new List<string>
        {
            $"\"box\":{value?.Invoke("box") ?? Quote(box)}",
            $"\"registered\":{value?.Invoke("registered") ?? "400"}",
            $"\"voted\":{value?.Invoke("voted") ?? "303"}",
            $"\"valid\":{value?.Invoke("valid") ?? "300"}",
            $"\"invalid\":{value?.Invoke("invalid") ?? "3"}",
            $"\"votes\":{value?.Invoke("votes") ?? $"{{{Quote(choices[0])}:200,{Quote(choices[1])}:100}}"}",
        };
        return "{" + string.Join(",", parts) + "}";
    }

    private string Truncated()
    {
        var sheet = Sheet();
        return sheet[.._random.Next(0, sheet.Length - 1)];
    }

    /// <summary>A value of the wrong JSON type for a field: never a string for a count, never a string for text.</summary>
    private string WrongTypes()
    {
        var field = Pick(Fields);
        var counts = field is "registered" or "voted" or "valid" or "invalid";
        var wrong = field == "votes" ? Pick(["[1,2]", "true", "\"x\"", "123"])
            : counts ? Pick(["[1,2]", "{\"a\":1}", "true", "\"x\"", "null"])
            : Pick(["[1,2]", "{\"a\":1}", "true", "123"]);
        return field is "race" or "source" or "clientSubmissionId" or "reporter" or "evidence"
            ? Sheet().Insert(1, $"\"{field}\":{wrong},")
            : Sheet(f => f == field ? wrong : null);
    }

    private string HugeNumbers()
    {
        var field = Pick(["registered", "voted", "valid", "invalid"]);
        if (_random.Next(3) == 0) return Sheet(f => f == "votes" ? $"{{{Quote(choices[0])}:{Pick(Numbers)}}}" : null);
        return Sheet(f => f == field ? Pick(Numbers) : null);
    }

    private string UnknownIds() => _random.Next(4) switch
    {
        0 => Sheet(f => f == "box" ? Quote(Pick(["99/Nowhere/1", "", "1", "1//", box + "0"])) : null),
        1 => Sheet(f => f == "votes" ? "{\"no_such_party\":300}" : null),
        2 => Sheet().Insert(1, "\"race\":\"mayor\","),
        _ => Sheet().Insert(1, "\"source\":\"authority-feed\","),
    };

    /// <summary>Hostile text in a field, on a sheet that is also wrong (so that it must be refused, and is stored only as a rejection).</summary>
    private string Injected()
    {
        var field = Pick(["box", "reporter", "evidence", "clientSubmissionId", "race"]);
        var text = Quote(Pick(Injections));
        return field == "box" ? Sheet(f => f == "box" ? text : null) : Inconsistent().Insert(1, $"\"{field}\":{text},");
    }

    private string Inconsistent() => Sheet(f => f == "voted" ? "999" : null);

    private string Batch() => _random.Next(4) switch
    {
        0 => "{}",
        1 => "[]",
        2 => "[" + string.Join(",", Enumerable.Range(0, _random.Next(1, 5)).Select(_ => Pick(["1", "\"x\"", "null", "[]", Inconsistent(), Injected()]))) + "]",
        _ => "[" + string.Join(",", Enumerable.Repeat("{}", 1_001)) + "]",
    };

    private static string Oversized() => "{\"reporter\":\"" + new string('a', 70_000) + "\"}";

    private string Query(string[] names) =>
        string.Join("&", names.Where(_ => _random.Next(3) > 0).Select(n => $"{n}={Uri.EscapeDataString(Pick(n == "limit" ? Numbers : Injections))}"));

    private static string Quote(string text) => System.Text.Json.JsonSerializer.Serialize(text);
}
