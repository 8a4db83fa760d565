using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace Sandik.Server.Tests.Ui.Support;

/// <summary>
/// One screen watching the live hub: it notes how late each push arrives and, when given an HTTP client, fetches the
/// national results after each push, one fetch at a time, noting how long it took to hold results as new as the push.
/// </summary>
public sealed class LiveViewer : IAsyncDisposable
{
    private readonly HubConnection _hub;
    private readonly HttpClient? _http;
    private readonly ConcurrentQueue<(long Version, DateTimeOffset At)> _waiting = new();
    private DateTimeOffset _last;
    private int _fetching;
    private int _pushes;
    private int _fetches;

    private LiveViewer(HubConnection hub, HttpClient? http)
    {
        _hub = hub;
        _http = http;
    }

    /// <summary>Milliseconds from each push's timestamp to its arrival.</summary>
    public ConcurrentBag<double> PushLags { get; } = [];

    /// <summary>Milliseconds from each push's timestamp until this viewer held results at least that new (fetching viewers).</summary>
    public ConcurrentBag<double> Lags { get; } = [];

    public int Pushes => _pushes;
    public int Fetches => _fetches;
    public double LongestGapMs { get; private set; }

    /// <param name="http">Fetches the results after each push; null for a viewer that only listens.</param>
    /// <param name="cookies">The session the hub connection presents.</param>
    public static async Task<LiveViewer> ConnectAsync(string url, HttpClient? http, System.Net.CookieContainer cookies)
    {
        var hub = new HubConnectionBuilder().WithUrl(url + "/hubs/live", o => o.Cookies = cookies).Build();
        var viewer = new LiveViewer(hub, http);
        hub.On<JsonElement>("update", viewer.OnUpdate);
        await hub.StartAsync();
        return viewer;
    }

    private void OnUpdate(JsonElement update)
    {
        var at = update.GetProperty("at").GetDateTimeOffset();
        var now = DateTimeOffset.UtcNow;
        PushLags.Add((now - at).TotalMilliseconds);
        if (Interlocked.Increment(ref _pushes) > 1) LongestGapMs = Math.Max(LongestGapMs, (now - _last).TotalMilliseconds);
        _last = now;
        if (_http is null) return;
        _waiting.Enqueue((update.GetProperty("version").GetInt64(), at));
        if (Interlocked.Exchange(ref _fetching, 1) == 0) _ = FetchAsync(_http);
    }

    private async Task FetchAsync(HttpClient http)
    {
        try
        {
            do
            {
                while (!_waiting.IsEmpty)
                {
                    var results = await http.GetFromJsonAsync<JsonElement>("api/v1/results");
                    Interlocked.Increment(ref _fetches);
                    var version = results.GetProperty("version").GetInt64();
                    var now = DateTimeOffset.UtcNow;
                    while (_waiting.TryPeek(out var oldest) && oldest.Version <= version && _waiting.TryDequeue(out _))
                        Lags.Add((now - oldest.At).TotalMilliseconds);
                }
                Interlocked.Exchange(ref _fetching, 0);
            }
            while (!_waiting.IsEmpty && Interlocked.Exchange(ref _fetching, 1) == 0);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            Interlocked.Exchange(ref _fetching, 0);
        }
    }

    public ValueTask DisposeAsync() => _hub.DisposeAsync();
}
