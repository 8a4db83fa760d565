using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Sandik.Bench;

/// <summary>A server under test in its own process, so that its memory is its own and the client's CPU is not hidden.</summary>
public sealed class ChildProcess : IDisposable
{
    private readonly Process _process;

    private ChildProcess(Process process) => _process = process;

    public int Pid => _process.Id;

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// Runs <c>dotnet DLL args…</c> and waits until <paramref name="readyUrl"/> answers: 200, or 401 where reading it
    /// needs a session (Sandik loads its election before it listens, so any answer means ready).
    /// </summary>
    public static async Task<(ChildProcess Process, TimeSpan StartTime)> StartAsync(string dll, IEnumerable<string> args, string readyUrl)
    {
        var clock = Stopwatch.StartNew();
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, dll));
        foreach (var arg in args) info.ArgumentList.Add(arg);
        // SANDIK_BENCH_SERVER_ENV="NAME=value;NAME=value" sets runtime knobs for the servers only, not the client.
        foreach (var pair in (Environment.GetEnvironmentVariable("SANDIK_BENCH_SERVER_ENV") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var at = pair.IndexOf('=');
            if (at > 0) info.Environment[pair[..at]] = pair[(at + 1)..];
        }
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { } line && line.Contains("fail", StringComparison.OrdinalIgnoreCase)) Console.Error.WriteLine(line); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        while (clock.Elapsed < TimeSpan.FromMinutes(3))
        {
            if (process.HasExited) throw new InvalidOperationException($"{dll} exited with {process.ExitCode}.");
            try
            {
                if ((await http.GetAsync(readyUrl)).StatusCode is HttpStatusCode.OK or HttpStatusCode.Unauthorized)
                    return (new ChildProcess(process), clock.Elapsed);
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(50);
        }
        process.Kill(true);
        throw new TimeoutException($"{dll} did not get ready.");
    }

    public double PeakRssMiB() => Figures.PeakRssMiB(_process.Id);

    /// <summary>CPU time the process has used so far (user and system, all threads).</summary>
    public TimeSpan CpuTime()
    {
        _process.Refresh();
        return _process.TotalProcessorTime;
    }

    /// <summary>
    /// Times the process's threads have been switched out so far, voluntarily (waiting) and not (preempted), from
    /// /proc; zeros where there is no /proc. Each switch costs microseconds of both cores' time.
    /// </summary>
    public (long Voluntary, long Preempted) ContextSwitches()
    {
        long voluntary = 0, preempted = 0;
        var tasks = $"/proc/{_process.Id}/task";
        if (!Directory.Exists(tasks)) return (0, 0);
        foreach (var task in Directory.EnumerateDirectories(tasks))
        {
            try
            {
                foreach (var line in File.ReadLines(Path.Combine(task, "status")))
                {
                    if (line.StartsWith("voluntary_ctxt_switches:", StringComparison.Ordinal)) voluntary += long.Parse(line.AsSpan(24).Trim());
                    else if (line.StartsWith("nonvoluntary_ctxt_switches:", StringComparison.Ordinal)) preempted += long.Parse(line.AsSpan(27).Trim());
                }
            }
            catch (IOException)
            {
                // The thread ended between listing and reading: its switches are no longer counted anywhere.
            }
        }
        return (voluntary, preempted);
    }

    public void Kill()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }
}
