using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Sandik.Server.Tests.Support;

public static class Json
{
    public static async Task<(int Status, JsonElement Body)> PostAsync(HttpClient http, string path, string? key, string body, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        if (key is not null) request.Headers.Add("X-Api-Key", key);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    public static async Task<JsonElement> GetAsync(HttpClient http, string path)
    {
        var text = await http.GetStringAsync(path);
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
