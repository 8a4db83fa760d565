using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sandik.Server.Hosting;
using StackExchange.Redis;

namespace Sandik.Server.Cluster;

/// <summary>
/// The nodes' backplane: Redis publish/subscribe between the nodes that serve one election from one PostgreSQL store.
/// After every commit a node announces the last sequence it wrote; the other nodes' <see cref="LogFollower"/>s wake
/// and read the log from where they are. Notices are hints, not data: the log in PostgreSQL is the only truth, so a
/// notice lost while Redis restarts costs a node at most one <see cref="SandikServerOptions.FollowInterval"/>, after
/// which its follower reads the log anyway. Disabled (every call a no-op) when no Redis is configured.
/// Thread-safe.
/// </summary>
public sealed class ClusterBus : IAsyncDisposable
{
    private const string Channel = "sandik:log";
    private readonly RedisChannel _channel = RedisChannel.Literal(Channel);
    private readonly SandikServerOptions _options;
    private readonly ILogger<ClusterBus> _logger;
    private ConnectionMultiplexer? _redis;
    private volatile bool _subscribed;
    private int _away;

    public ClusterBus(IOptions<SandikServerOptions> options, ILogger<ClusterBus> logger)
    {
        _options = options.Value;
        _logger = logger;
        NodeId = _options.NodeId is { Length: > 0 } id ? id : $"{Environment.MachineName}-{Environment.ProcessId}";
    }

    /// <summary>Whether this node is one of several (a Redis is configured).</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(_options.Redis);

    public string NodeId { get; }

    /// <summary>Whether Redis answers right now; false for a single node.</summary>
    public bool Connected => _redis?.IsConnected == true;

    /// <summary>Raised, on a Redis thread, for every commit another node announces. Handlers must be quick.</summary>
    public event Action<AppendNotice>? Appended;

    /// <summary>Raised, on a Redis thread, when another node changed an election's stored sources (their trust ranks). Handlers must be quick.</summary>
    public event Action<string>? SourcesChanged;

    /// <summary>
    /// Connects. Never fails for an unreachable Redis: the client keeps reconnecting in the background, and meanwhile
    /// the nodes follow the log by polling.
    /// </summary>
    public async Task StartAsync()
    {
        if (!Enabled || _redis is not null) return;
        var configuration = Configuration(_options.Redis!);
        configuration.AbortOnConnectFail = false;
        configuration.ClientName = "sandik-" + NodeId;
        _redis = await ConnectionMultiplexer.ConnectAsync(configuration);
        // The client raises a failure for every reconnection attempt: an outage is one warning, not one every few seconds.
        _redis.ConnectionFailed += (_, e) =>
        {
            if (Interlocked.Exchange(ref _away, 1) == 0)
                _logger.LogWarning("Redis connection lost ({Failure}); following the log by polling until it is back", e.FailureType);
            else _logger.LogDebug("Redis still not reachable ({Failure})", e.FailureType);
        };
        _redis.ConnectionRestored += (_, _) =>
        {
            Interlocked.Exchange(ref _away, 0);
            _logger.LogInformation("Redis connection restored");
        };
        await EnsureSubscribedAsync();
        _logger.LogInformation("Node {Node} joined the cluster through Redis ({Connected})", NodeId, Connected ? "connected" : "not reachable yet");
    }

    /// <summary>
    /// Subscribes to the other nodes' notices once Redis answers; called again by the follower at every round, since
    /// a subscription asked for while Redis was away is not made later by itself. Once made, the client renews it
    /// after every reconnection.
    /// </summary>
    public async Task EnsureSubscribedAsync()
    {
        if (_subscribed || _redis is not { IsConnected: true } redis) return;
        try
        {
            await redis.GetSubscriber().SubscribeAsync(_channel, (_, message) => Receive(message));
            _subscribed = true;
        }
        catch (Exception e)
        {
            // A timeout is not a RedisException, nor is a client disposed under a stopping server: none of them may
            // stop the follower, which reads the log either way.
            _logger.LogWarning("Subscribing to the other nodes' notices failed ({Message}); trying again", e.Message);
        }
    }

    /// <summary>Tells the other nodes that this node committed entries of an election up to a sequence. Does not wait.</summary>
    public void Announce(string electionId, long lastSequence) => Publish(AppendNotice.Format(NodeId, electionId, lastSequence));

    private void Publish(string notice)
    {
        if (_redis is not { IsConnected: true } redis) return;
        try
        {
            _ = redis.GetSubscriber().PublishAsync(_channel, notice, CommandFlags.FireAndForget);
        }
        catch (Exception e)
        {
            // Called by the writer right after a commit: a notice that cannot go costs the others one follow interval.
            _logger.LogDebug("Announcing to the other nodes failed ({Message})", e.Message);
        }
    }

    /// <summary>Tells the other nodes that this node changed an election's stored sources. Does not wait.</summary>
    public void AnnounceSources(string electionId) => Publish(SourcesNotice.Format(NodeId, electionId));

    /// <summary>Reads a Redis setting (<c>HOST:PORT[,option=value…]</c>).</summary>
    /// <exception cref="ArgumentException">The setting is not one Redis's client reads.</exception>
    public static ConfigurationOptions Configuration(string setting)
    {
        try
        {
            return ConfigurationOptions.Parse(setting);
        }
        catch (Exception e) when (e is ArgumentException or RedisException or FormatException)
        {
            throw new ArgumentException($"'{setting}' is not a Redis address (HOST:PORT, then options such as ',password=…'): {e.Message}", nameof(setting), e);
        }
    }

    private void Receive(RedisValue message)
    {
        var text = message.ToString();
        if (AppendNotice.TryParse(text, out var notice)) { if (notice.Node != NodeId) Appended?.Invoke(notice); }
        else if (SourcesNotice.TryParse(text, out var node, out var election) && node != NodeId) SourcesChanged?.Invoke(election);
    }

    public async ValueTask DisposeAsync()
    {
        if (_redis is not null) await _redis.DisposeAsync();
    }
}

/// <summary>A commit announced by a node: its name, the election, and the last sequence it wrote.</summary>
public readonly record struct AppendNotice(string Node, string Election, long LastSequence)
{
    // Node and election ids never hold a line break (the validator refuses control characters in ids).
    public static string Format(string node, string election, long lastSequence) =>
        string.Create(CultureInfo.InvariantCulture, $"{node}\n{election}\n{lastSequence}");

    public static bool TryParse(string? text, out AppendNotice notice)
    {
        notice = default;
        var parts = text?.Split('\n');
        if (parts is not { Length: 3 } || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)) return false;
        notice = new AppendNotice(parts[0], parts[1], sequence);
        return true;
    }
}

/// <summary>A change of an election's stored sources announced by a node: <c>node, election, "sources"</c> on three lines.</summary>
public static class SourcesNotice
{
    private const string Marker = "sources";

    public static string Format(string node, string election) => $"{node}\n{election}\n{Marker}";

    public static bool TryParse(string? text, out string node, out string election)
    {
        (node, election) = ("", "");
        var parts = text?.Split('\n');
        if (parts is not { Length: 3 } || parts[2] != Marker) return false;
        (node, election) = (parts[0], parts[1]);
        return true;
    }
}
