using System.Text;

namespace Sandik.Import.Tests;

/// <summary>A file in the temporary folder, deleted on dispose.</summary>
internal sealed class TempFile : IDisposable
{
    private TempFile(string path) => Path = path;

    public string Path { get; }

    public static TempFile With(string text, string extension = ".csv", Encoding? encoding = null)
    {
        var file = new TempFile(System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"sandik-{Guid.NewGuid():N}{extension}"));
        File.WriteAllText(file.Path, text, encoding ?? new UTF8Encoding(false));
        return file;
    }

    public void Dispose() => File.Delete(Path);
}
