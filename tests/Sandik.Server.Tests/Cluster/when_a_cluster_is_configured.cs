using Sandik.Server.Cluster;
using Sandik.Server.Hosting;
using Shouldly;
using Xunit;

namespace Sandik.Server.Tests.Cluster;

/// <summary>What a node refuses before it starts, and what it reads of the notices other nodes send.</summary>
public sealed class when_a_cluster_is_configured
{
    [Fact]
    public void an_embedded_sqlite_store_cannot_be_shared()
    {
        var e = Should.Throw<ArgumentException>(() => ClusterSetup.Check(new SandikServerOptions { Store = "Data Source=/tmp/x.db", Redis = "127.0.0.1:6379" }));
        e.Message.ShouldContain("PostgreSQL");
        Should.NotThrow(() => ClusterSetup.Check(new SandikServerOptions { Store = "Data Source=/tmp/x.db" }));
        Should.NotThrow(() => ClusterSetup.Check(new SandikServerOptions { Store = "Host=127.0.0.1;Database=sandik", Redis = "127.0.0.1:6379" }));
    }

    [Theory]
    [InlineData("a\nb")]
    [InlineData("")]
    public void a_node_name_a_notice_cannot_carry_is_refused(string node) =>
        Should.Throw<ArgumentException>(() => ClusterSetup.Check(new SandikServerOptions { Store = "Host=h;Database=d", Redis = "r:1", NodeId = node }));

    [Fact]
    public void a_notice_reads_back_as_written_and_anything_else_is_ignored()
    {
        AppendNotice.TryParse(AppendNotice.Format("node-1", "tr-2015-11-general", 123_456), out var notice).ShouldBeTrue();
        notice.ShouldBe(new AppendNotice("node-1", "tr-2015-11-general", 123_456));
        AppendNotice.TryParse("node-1\ntr\n-5", out _).ShouldBeFalse();
        AppendNotice.TryParse("node-1\ntr", out _).ShouldBeFalse();
        AppendNotice.TryParse(null, out _).ShouldBeFalse();

        SourcesNotice.TryParse(SourcesNotice.Format("node-1", "tr-2015-11-general"), out var node, out var election).ShouldBeTrue();
        (node, election).ShouldBe(("node-1", "tr-2015-11-general"));
        // Each kind of notice refuses the other's: a change of ranks never reads as a commit, nor a commit as ranks.
        AppendNotice.TryParse(SourcesNotice.Format("node-1", "tr"), out _).ShouldBeFalse();
        SourcesNotice.TryParse(AppendNotice.Format("node-1", "tr", 7), out _, out _).ShouldBeFalse();
        SourcesNotice.TryParse("node-1\ntr\nsources\n1", out _, out _).ShouldBeFalse();
    }

    [Fact]
    public void two_clusters_on_one_redis_keep_apart_by_a_channel_prefix() =>
        ClusterBus.Configuration("127.0.0.1:6379,channelPrefix=izmir:").ChannelPrefix.ToString().ShouldBe("izmir:");
}
