using System.Text.Encodings.Web;
using System.Text.Json;

namespace Sandik.Cli.Anomalies;

/// <summary>The JSON settings of the anomalies command's output: indented, Turkish letters unescaped.</summary>
internal static class Json
{
    public static readonly JsonSerializerOptions Options = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
