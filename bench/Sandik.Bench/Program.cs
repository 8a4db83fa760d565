using Sandik.Bench;

// Benchmarks print figures and ratios against a baseline measured in the same run; see docs/benchmarks.md.
try
{
    return args.FirstOrDefault() switch
    {
        "import" => await ImportBench.RunAsync(args[1..]),
        "ingest" => await IngestBench.RunAsync(args[1..]),
        "plain-server" => await PlainServer.RunAsync(args[1..]),
        _ => Usage(),
    };
}
finally
{
    await BenchStores.CleanUpAsync();
}

static int Usage()
{
    Console.Error.WriteLine("""
        Sandik benchmarks (run in Release):
          dotnet run -c Release --project bench/Sandik.Bench -- import [--postgres CONN]
              import of the full November 2015 file into SQLite (and PostgreSQL), and the rebuild of the live state
          dotnet run -c Release --project bench/Sandik.Bench -- ingest [--connections 64] [--postgres CONN] [--limit N]
              a full November 2015 replay at maximum speed through the HTTP API, with the plain-endpoint and raw-insert
              ceilings measured in the same run
        """);
    return 2;
}
