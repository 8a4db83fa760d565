namespace Sandik.Import;

/// <summary>Finds the shipped <c>data/</c> folder: <c>SANDIK_DATA</c>, or the nearest one above the program or the current folder.</summary>
public static class DataDirectory
{
    private const string Marker = "geography/tr.json";

    public static string Locate()
    {
        var configured = Environment.GetEnvironmentVariable("SANDIK_DATA");
        if (!string.IsNullOrEmpty(configured)) return configured;
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "data");
                if (File.Exists(Path.Combine(candidate, Marker))) return candidate;
            }
        }
        throw new DirectoryNotFoundException("Cannot find Sandik's data folder; set SANDIK_DATA to it.");
    }
}
