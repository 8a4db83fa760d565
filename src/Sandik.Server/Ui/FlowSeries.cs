namespace Sandik.Server.Ui;

/// <summary>
/// Boxes received per source over the night, one sample every few seconds. Bounded: when full, every other sample
/// is dropped, so a long night keeps its whole shape at a coarser step. Thread-safe.
/// </summary>
public sealed class FlowSeries(int sourceCount, int capacity = 8_192)
{
    private readonly Lock _gate = new();
    private readonly List<FlowSample> _samples = [];

    public int SourceCount { get; } = sourceCount;

    public void Add(FlowSample sample)
    {
        lock (_gate)
        {
            if (_samples.Count >= capacity)
            {
                var kept = 0;
                for (var i = 0; i < _samples.Count; i += 2) _samples[kept++] = _samples[i];
                _samples.RemoveRange(kept, _samples.Count - kept);
            }
            _samples.Add(sample);
        }
    }

    /// <summary>At most <paramref name="points"/> samples spread evenly over the night, the last one always included.</summary>
    public IReadOnlyList<FlowSample> Snapshot(int points = 240)
    {
        lock (_gate)
        {
            if (_samples.Count <= points) return [.. _samples];
            var picked = new List<FlowSample>(points);
            var step = (_samples.Count - 1) / (double)(points - 1);
            for (var i = 0; i < points; i++) picked.Add(_samples[(int)Math.Round(i * step)]);
            return picked;
        }
    }
}

/// <summary>How many boxes each source had sent at one moment, in trust order.</summary>
public sealed record FlowSample(DateTimeOffset At, long[] BoxesBySource);
