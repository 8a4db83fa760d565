namespace Sandik.Storage.Log;

/// <summary>
/// Times in the log are UTC to the microsecond: what PostgreSQL's timestamptz holds, and what SQLite keeps as an
/// integer count of microseconds since the Unix epoch.
/// </summary>
internal static class StoredTime
{
    private const long TicksPerMicrosecond = TimeSpan.TicksPerMicrosecond;

    /// <summary>The time as the store gives it back: UTC, truncated to the microsecond.</summary>
    public static DateTimeOffset Normalize(DateTimeOffset time)
    {
        var ticks = time.UtcTicks;
        return new DateTimeOffset(ticks - ticks % TicksPerMicrosecond, TimeSpan.Zero);
    }

    public static long ToUnixMicroseconds(DateTimeOffset time) =>
        (time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / TicksPerMicrosecond;

    public static DateTimeOffset FromUnixMicroseconds(long microseconds) =>
        new(DateTimeOffset.UnixEpoch.UtcTicks + microseconds * TicksPerMicrosecond, TimeSpan.Zero);
}
