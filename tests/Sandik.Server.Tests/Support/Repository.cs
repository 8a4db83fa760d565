namespace Sandik.Server.Tests.Support;

public static class Repository
{
    /// <summary>The checkout's root: the nearest folder above the tests holding <c>Sandik.slnx</c>.</summary>
    public static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Sandik.slnx"))) return dir.FullName;
            }
            throw new DirectoryNotFoundException("No Sandik.slnx above the test folder.");
        }
    }
}
