using System.Text.Encodings.Web;
using System.Text.Json;

namespace Sandik.Cli.Anomalies;

/// <summary>The JSON settings of the anomalies command's output: indented, camel-case names (as the server's API), Turkish letters unescaped.</summary>
internal static class Json
{
    public static readonly JsonSerializerOptions Options = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
