using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;

namespace Sandik.Server.Ingest;

/// <summary>
/// 200 with a JSON body written in one piece with its length, from source-generated metadata: no chunked encoding,
/// no reflection and no request-scoped services, which the ingest API answers hundreds of thousands of times a night.
/// </summary>
public sealed class JsonOk<T>(T value, JsonTypeInfo<T> type) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(value, type);
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = body.Length;
        // Not flushed: the server sends headers and body together when the request ends.
        response.BodyWriter.Write(body);
        return Task.CompletedTask;
    }
}
