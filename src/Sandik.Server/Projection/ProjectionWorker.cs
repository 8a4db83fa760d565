using System.Collections.Concurrent;

namespace Sandik.Server.Projection;

/// <summary>
/// A thread of its own on which projections run, one at a time (a projector takes one at a time anyway). A projection
/// holds a thread for 100-200 ms and building a projector for seconds: on the thread pool of a small server that
/// would take the threads requests, circuits and the ingest writer are waiting for. Thread-safe.
/// </summary>
public sealed class ProjectionWorker : IDisposable
{
    private readonly BlockingCollection<Action> _work = [];

    public ProjectionWorker() => new Thread(Loop) { IsBackground = true, Name = "sandik-projection" }.Start();

    /// <summary>Queues work; the task completes, off the worker, with its result or its exception.</summary>
    public Task<T> Run<T>(Func<T> work)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        _work.Add(() =>
        {
            try { done.SetResult(work()); }
            catch (Exception e) { done.SetException(e); }
        });
        return done.Task;
    }

    private void Loop()
    {
        foreach (var item in _work.GetConsumingEnumerable()) item();
    }

    public void Dispose() => _work.CompleteAdding();
}
