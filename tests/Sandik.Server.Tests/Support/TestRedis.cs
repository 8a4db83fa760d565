using Xunit;

namespace Sandik.Server.Tests.Support;

/// <summary>The Redis the cluster tests share (<c>SANDIK_TEST_REDIS</c>, set by ./test.sh through scripts/redis.sh).</summary>
public static class TestRedis
{
    public static string Address()
    {
        if (Environment.GetEnvironmentVariable("SANDIK_TEST_REDIS") is { Length: > 0 } address) return address;
        if (Environment.GetEnvironmentVariable("SANDIK_SKIP_POSTGRES") == "1") Assert.Skip("Cluster tests skipped (SANDIK_SKIP_POSTGRES=1).");
        throw new InvalidOperationException("SANDIK_TEST_REDIS is not set: run ./test.sh, or eval \"$(scripts/redis.sh start)\" first.");
    }
}
