using Sandik.Domain.Submissions;

namespace Sandik.Storage.Log;

/// <summary>
/// Works out what one append call inserts. An entry with a client submission id is logged once per source: a retry,
/// whether of an entry already in the log or of one earlier in the same call, gets the original back instead.
/// The store looks up <see cref="Keys"/>, reports what it found with <see cref="AlreadyLogged"/>, inserts
/// <see cref="ToInsert"/> in order and reports each with <see cref="Inserted"/>. Not thread-safe.
/// </summary>
internal sealed class AppendPlan
{
    private readonly IReadOnlyList<LoggedSubmission> _entries;
    private readonly int[] _firstOf;
    private readonly Dictionary<(string Source, string Client), int> _byKey = [];
    private readonly LoggedSubmission?[] _logged;
    private readonly bool[] _wasLogged;

    public AppendPlan(IReadOnlyList<LoggedSubmission> entries)
    {
        _entries = entries;
        _firstOf = new int[entries.Count];
        _logged = new LoggedSubmission?[entries.Count];
        _wasLogged = new bool[entries.Count];
        for (var i = 0; i < entries.Count; i++)
        {
            _firstOf[i] = entries[i].ClientSubmissionId is { } client && !_byKey.TryAdd((entries[i].SourceId, client), i)
                ? _byKey[(entries[i].SourceId, client)]
                : i;
        }
    }

    /// <summary>The distinct (source, client submission id) pairs of the call, to look up in the log.</summary>
    public IReadOnlyCollection<(string Source, string Client)> Keys => _byKey.Keys;

    /// <summary>Records an entry the log already holds for one of the <see cref="Keys"/>.</summary>
    public void AlreadyLogged(LoggedSubmission original)
    {
        var index = _byKey[(original.SourceId, original.ClientSubmissionId!)];
        _logged[index] = original;
        _wasLogged[index] = true;
    }

    /// <summary>Indexes of the entries to insert, in call order (call after every <see cref="AlreadyLogged"/>).</summary>
    public List<int> ToInsert()
    {
        var indexes = new List<int>(_entries.Count);
        for (var i = 0; i < _entries.Count; i++)
        {
            if (_firstOf[i] == i && !_wasLogged[i]) indexes.Add(i);
        }
        return indexes;
    }

    /// <summary>Records the sequence given to an inserted entry and returns the entry as the log now holds it.</summary>
    public LoggedSubmission Inserted(int index, long sequence)
    {
        var entry = _entries[index];
        return _logged[index] = entry with { Sequence = sequence, ReceivedAt = StoredTime.Normalize(entry.ReceivedAt) };
    }

    public IReadOnlyList<AppendResult> Results()
    {
        var results = new AppendResult[_entries.Count];
        for (var i = 0; i < results.Length; i++)
        {
            var first = _firstOf[i];
            var entry = _logged[first] ?? throw new InvalidOperationException($"Entry {i} of the append was neither inserted nor found.");
            results[i] = new AppendResult(entry, AlreadyLogged: first != i || _wasLogged[first]);
        }
        return results;
    }
}
