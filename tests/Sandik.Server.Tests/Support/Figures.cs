namespace Sandik.Server.Tests.Support;

/// <summary>
/// Figures that reliability tests measure (requests tried, answers by status, acknowledgements found after a crash):
/// written to the test output and appended to <c>reliability-figures.txt</c> beside the test assembly, which
/// ./test.sh prints at the end of a run.
/// </summary>
public static class Figures
{
    private static readonly Lock Gate = new();

    public static string FilePath => Path.Combine(AppContext.BaseDirectory, "reliability-figures.txt");

    public static void Record(Xunit.ITestOutputHelper output, string line)
    {
        output.WriteLine(line);
        lock (Gate) File.AppendAllText(FilePath, $"{DateTime.UtcNow:u} {line}{Environment.NewLine}");
    }
}
