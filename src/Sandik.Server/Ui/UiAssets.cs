using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace Sandik.Server.Ui;

/// <summary>
/// Serves the operations centre's own files (styles, scripts, Leaflet) under <see cref="RequestPath"/>.
/// The server is a class library hosted by other programs (the command line, the tests), so the files are found
/// where the SDK puts them for the host at hand rather than through one host's asset manifest: the published
/// <c>wwwroot/_content/Sandik.Server</c> next to the program, or, in a build output, the source folder the build's
/// runtime manifest names. Where the SDK left a Brotli or gzip copy beside a file (in published output), a browser
/// that accepts it gets that copy: Leaflet and Blazor's script shrink to a quarter for provinces on mobile networks.
/// </summary>
public static class UiAssets
{
    public const string RequestPath = "/_content/Sandik.Server";

    /// <summary>A file every copy of the assets holds; tells the right folder from others in the same manifest.</summary>
    private const string Marker = "sandik.css";

    public static WebApplication UseUiAssets(this WebApplication app)
    {
        var folder = Locate() ?? throw new DirectoryNotFoundException(
            $"Cannot find the web UI's files ('{Marker}') next to the program or through its static web assets manifest.");
        var files = new PhysicalFileProvider(folder);
        app.Use((http, next) =>
        {
            if (http.Request.Path.StartsWithSegments(RequestPath, out var rest) && Precompressed(http, files, rest) is { } encoded)
            {
                http.Request.Path = RequestPath + rest + encoded.Suffix;
                http.Response.Headers.ContentEncoding = encoded.Encoding;
            }
            return next(http);
        });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            RequestPath = RequestPath,
            ContentTypeProvider = new UncompressedTypes(),
            OnPrepareResponse = file =>
            {
                file.Context.Response.Headers.CacheControl = "no-cache";
                file.Context.Response.Headers.Vary = HeaderNames.AcceptEncoding;
            },
        });
        return app;
    }

    private static (string Suffix, string Encoding)? Precompressed(HttpContext http, IFileProvider files, PathString rest)
    {
        var accepted = http.Request.Headers.AcceptEncoding.ToString();
        if (accepted.Contains("br", StringComparison.OrdinalIgnoreCase) && files.GetFileInfo(rest + ".br").Exists) return (".br", "br");
        if (accepted.Contains("gzip", StringComparison.OrdinalIgnoreCase) && files.GetFileInfo(rest + ".gz").Exists) return (".gz", "gzip");
        return null;
    }

    /// <summary>The folder holding the assets, or null when there is none.</summary>
    public static string? Locate()
    {
        var published = Path.Combine(AppContext.BaseDirectory, "wwwroot", "_content", "Sandik.Server");
        if (File.Exists(Path.Combine(published, Marker))) return published;
        foreach (var manifest in Directory.EnumerateFiles(AppContext.BaseDirectory, "*.staticwebassets.runtime.json"))
        {
            foreach (var root in ContentRoots(manifest))
            {
                if (File.Exists(Path.Combine(root, Marker))) return root;
            }
        }
        return null;
    }

    private static IEnumerable<string> ContentRoots(string manifest)
    {
        try
        {
            using var stream = File.OpenRead(manifest);
            using var json = JsonDocument.Parse(stream);
            if (!json.RootElement.TryGetProperty("ContentRoots", out var roots) || roots.ValueKind != JsonValueKind.Array) return [];
            return [.. roots.EnumerateArray().Select(r => r.GetString()).OfType<string>()];
        }
        catch (Exception e) when (e is IOException or JsonException)
        {
            return [];
        }
    }

    /// <summary>Gives a compressed copy (<c>leaflet.js.br</c>) the type of the file it holds (<c>leaflet.js</c>).</summary>
    private sealed class UncompressedTypes : IContentTypeProvider
    {
        private readonly FileExtensionContentTypeProvider _types = new();

        public bool TryGetContentType(string subpath, out string contentType) =>
            _types.TryGetContentType(subpath.EndsWith(".br", StringComparison.Ordinal) || subpath.EndsWith(".gz", StringComparison.Ordinal) ? subpath[..^3] : subpath,
                out contentType!);
    }
}
