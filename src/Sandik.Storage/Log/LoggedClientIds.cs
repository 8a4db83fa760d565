namespace Sandik.Storage.Log;

/// <summary>
/// Which (source, client submission id) pairs an election's log already holds, and at which sequence, kept in memory
/// so that the SQLite log needs no unique index on them. Such an index costs one random 4 KiB leaf page per append
/// (written to the WAL, then again at the checkpoint): two thirds of the store's time per entry, measured.
/// </summary>
/// <remarks>
/// A pair is kept as a 64-bit hash, so a million entries take about 30 MB instead of the hundred that the strings
/// would. A hit is only a candidate that the caller confirms by reading the row; a pair whose hash another pair
/// already holds is kept exactly, in a small overflow map. The set is complete up to <see cref="KnownThrough"/>: the
/// caller first adds what other writers (another process on the same file) appended since, inside the transaction
/// that will append, and adds its own pairs only once that transaction has committed.
/// Not thread-safe: used under the store's write lock.
/// </remarks>
internal sealed class LoggedClientIds
{
    private readonly Dictionary<ulong, long> _byHash = [];
    private readonly Dictionary<(string Source, string Client), long> _overflow = [];

    /// <summary>The highest sequence of the whole table whose pairs (for this election) are all in the set.</summary>
    public long KnownThrough { get; private set; }

    public int Count => _byHash.Count + _overflow.Count;

    /// <summary>
    /// The sequence that may hold the pair: exact when <paramref name="exact"/>, otherwise a hash match to confirm
    /// by reading the row. Null when the log certainly does not hold the pair.
    /// </summary>
    public long? Find(string source, string client, out bool exact)
    {
        exact = true;
        if (_overflow.Count > 0 && _overflow.TryGetValue((source, client), out var sequence)) return sequence;
        exact = false;
        return _byHash.TryGetValue(Hash(source, client), out sequence) ? sequence : null;
    }

    /// <summary>Records a pair the log holds (and that <see cref="Find"/> did not find).</summary>
    public void Add(string source, string client, long sequence)
    {
        if (!_byHash.TryAdd(Hash(source, client), sequence)) _overflow[(source, client)] = sequence;
    }

    /// <summary>
    /// Records a pair the log holds, given as the UTF-8 the database stores: the same as <see cref="Add(string, string, long)"/>,
    /// without a string per id unless the pair's hash is taken already.
    /// </summary>
    public void Add(ReadOnlySpan<byte> sourceUtf8, ReadOnlySpan<byte> clientUtf8, long sequence)
    {
        var length = sourceUtf8.Length + clientUtf8.Length;
        var rented = length > 256 ? System.Buffers.ArrayPool<char>.Shared.Rent(length) : null;
        Span<char> chars = rented ?? stackalloc char[256];
        var source = chars[..Encoding.GetChars(sourceUtf8, chars)];
        var client = chars.Slice(source.Length, Encoding.GetChars(clientUtf8, chars[source.Length..]));
        if (!_byHash.TryAdd(Hash(source, client), sequence)) _overflow[(source.ToString(), client.ToString())] = sequence;
        if (rented is not null) System.Buffers.ArrayPool<char>.Shared.Return(rented);
    }

    private static readonly System.Text.UTF8Encoding Encoding = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <summary>Marks the set complete up to a sequence, once every pair logged up to it has been added.</summary>
    public void Through(long sequence) => KnownThrough = Math.Max(KnownThrough, sequence);

    /// <summary>64-bit FNV-1a over both strings' UTF-16 code units, with a separator no code unit takes alone.</summary>
    private static ulong Hash(ReadOnlySpan<char> source, ReadOnlySpan<char> client)
    {
        const ulong prime = 1099511628211;
        var hash = 14695981039346656037;
        foreach (var c in source) hash = (hash ^ c) * prime;
        hash = (hash ^ 0x1_0000) * prime;
        foreach (var c in client) hash = (hash ^ c) * prime;
        return hash;
    }
}
