using Sandik.Server.Anomalies;

namespace Sandik.Server.Hosting;

/// <summary>How a Sandik server runs. Bound from the <c>Sandik</c> configuration section or set by the command line.</summary>
public sealed class SandikServerOptions
{
    public const string Section = "Sandik";

    /// <summary>The store's connection string (SQLite <c>Data Source=…</c> or PostgreSQL <c>Host=…</c>).</summary>
    public string Store { get; set; } = "";

    /// <summary>The election served; the store's only election when empty.</summary>
    public string? Election { get; set; }

    /// <summary>
    /// An earlier election in the same store, finished: the baseline of the live projection and of the anomaly checks'
    /// swings. None when empty (the projection then works from counted boxes alone).
    /// </summary>
    public string? PriorElection { get; set; }

    /// <summary>The source a count sheet read over the phone is logged as (the call centre's; it must be in the catalogue).</summary>
    public string PhonedSource { get; set; } = "call-centre";

    /// <summary>
    /// Whether the count is published to the public without signing in (<c>/public</c> and
    /// <c>GET /api/v1/public/results</c>): area totals of all sources reconciled by trust, never a box, a source or a
    /// reporter. Off by default: a party or an NGO decides when its count goes out.
    /// </summary>
    public bool PublicResults { get; set; }

    /// <summary>Citizens' requests one client address may send a minute without signing in (<c>POST /api/v1/requests</c>).</summary>
    public int CitizenRequestsPerMinute { get; set; } = 10;

    /// <summary>Most submissions committed in one transaction (group commit).</summary>
    public int MaxCommitBatch { get; set; } = 2_000;

    /// <summary>Most submissions in one batch request.</summary>
    public int MaxRequestBatch { get; set; } = 1_000;

    /// <summary>Largest request body accepted, in bytes.</summary>
    public long MaxRequestBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Submissions per second one API key may send (token bucket, bursts up to twice that).</summary>
    public int SubmissionsPerSecondPerKey { get; set; } = 20_000;

    /// <summary>How often the live anomaly ranking recomputes its statistics.</summary>
    public LiveAnomalyOptions Anomalies { get; set; } = new();

    /// <summary>
    /// Redis (a StackExchange.Redis configuration such as <c>127.0.0.1:6379</c>) through which several nodes serving
    /// one election from one PostgreSQL store tell each other of their commits, so that each node's live state follows
    /// the whole log (see <see cref="Cluster.LogFollower"/>). Empty: a single node, which follows nothing.
    /// </summary>
    public string? Redis { get; set; }

    /// <summary>This node's name among the nodes of a cluster; the host name and process id when empty.</summary>
    public string? NodeId { get; set; }

    /// <summary>
    /// How often a node of a cluster reads the log for other nodes' entries when no notice has woken it: the bound on
    /// how stale a node can be while Redis is away.
    /// </summary>
    public TimeSpan FollowInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long the server keeps retrying a failing store before answering 503.</summary>
    public TimeSpan StoreRetryWindow { get; set; } = TimeSpan.FromSeconds(20);
}
