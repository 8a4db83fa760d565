using Sandik.Cli.CommandLine;
using Sandik.Domain;
using Sandik.Domain.Elections;
using Sandik.Domain.Geography;
using Sandik.Import;
using Sandik.Import.Turkey;
using Sandik.Storage;
using Spectre.Console;

namespace Sandik.Cli.Loading;

/// <summary>What every command needs: the shipped data, the store, and consoles for output and for progress.</summary>
public sealed class CliContext
{
    private readonly Lazy<TurkeyData> _turkey = new(TurkeyData.Shipped);

    public TurkeyData Turkey => _turkey.Value;

    /// <summary>Machine-readable output goes to standard output only.</summary>
    public TextWriter Out { get; init; } = Console.Out;

    /// <summary>People-facing messages and progress go to standard error, so that piping output stays clean.</summary>
    public IAnsiConsole Messages { get; init; } = Consoles.For(Console.Error);

    /// <summary>A shipped election by id, or an election definition file (<c>.json</c>).</summary>
    public Election Election(string idOrPath)
    {
        if (!idOrPath.EndsWith(".json", StringComparison.OrdinalIgnoreCase)) return Turkey.Election(idOrPath);
        if (!File.Exists(idOrPath)) throw new DefinitionException($"{idOrPath}: no such election definition file.");
        using var stream = File.OpenRead(idOrPath);
        return ElectionFile.Read(stream, idOrPath);
    }

    /// <summary>A geography definition file (levels and root) for generic box files.</summary>
    public GeographyDefinition Geography(string path)
    {
        if (!File.Exists(path)) throw new DefinitionException($"{path}: no such geography definition file.");
        using var stream = File.OpenRead(path);
        return GeographyDefinition.Read(stream, path);
    }

    /// <summary>The store: <c>--store</c>, else <c>SANDIK_STORE</c>, else the embedded SQLite file <c>.sandik/sandik.db</c>.</summary>
    public string StoreConnection(string? option)
    {
        var configured = option ?? Environment.GetEnvironmentVariable("SANDIK_STORE");
        if (!string.IsNullOrWhiteSpace(configured)) return configured;
        var root = Directory.GetParent(Turkey.DataDirectory)!.FullName;
        var folder = Path.Combine(root, ".sandik");
        Directory.CreateDirectory(folder);
        return $"Data Source={Path.Combine(folder, "sandik.db")}";
    }

    public async Task<IElectionStore> OpenStoreAsync(string? option, CancellationToken ct)
    {
        var store = ElectionStores.Open(StoreConnection(option));
        await store.InitializeAsync(ct);
        return store;
    }

    /// <summary>Runs work with a progress bar on an interactive terminal, silently otherwise.</summary>
    public T WithProgress<T>(string label, Func<IProgress<ImportProgress>, T> work)
    {
        if (Console.IsErrorRedirected || !Messages.Profile.Capabilities.Interactive)
            return work(new Progress<ImportProgress>(_ => { }));
        T result = default!;
        Messages.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask(label, maxValue: 1.0);
                result = work(new SyncProgress(p => task.Value = p.Fraction));
                task.Value = 1.0;
            });
        return result;
    }

    /// <summary>Runs asynchronous work with a progress bar over a known number of items on an interactive terminal.</summary>
    public async Task<T> WithProgressAsync<T>(string label, long total, Func<IProgress<long>, Task<T>> work)
    {
        if (Console.IsErrorRedirected || !Messages.Profile.Capabilities.Interactive)
            return await work(new Progress<long>(_ => { }));
        T result = default!;
        await Messages.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask(label, maxValue: Math.Max(1, total));
                result = await work(new CountProgress(done => task.Value = done));
                task.Value = task.MaxValue;
            });
        return result;
    }

    private sealed class CountProgress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }

    private sealed class SyncProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}
