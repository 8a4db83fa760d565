using System.Text.Json;
using Sandik.Domain.Sources;
using Sandik.Storage.Keys;

namespace Sandik.Cli.Replay;

/// <summary>The API keys a replay sends with: read from a file, or issued into the server's store for this run.</summary>
public static class ReplayKeys
{
    /// <summary>Reads <c>{"source-id": "sdk_…", …}</c>.</summary>
    public static IReadOnlyDictionary<string, string> Read(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(path))
                ?? throw new CommandLine.UsageException($"{path}: no keys.");
        }
        catch (JsonException e)
        {
            throw new CommandLine.UsageException($"{path}: not a JSON object of source id to key ({e.Message}).");
        }
    }

    /// <summary>Issues one key per source into the store, labelled for this replay.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> IssueAsync(string storeConnection, SourceCatalog sources, string label, CancellationToken ct)
    {
        var store = new ApiKeyStore(storeConnection);
        await store.InitializeAsync(ct);
        var keys = new Dictionary<string, string>();
        foreach (var source in sources.Sources)
        {
            var (key, presented) = ApiKey.Issue(source.Id, label, DateTimeOffset.UtcNow);
            await store.SaveAsync(key, ct);
            keys[source.Id] = presented;
        }
        return keys;
    }
}
