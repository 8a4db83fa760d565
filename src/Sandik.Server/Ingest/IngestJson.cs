using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sandik.Server.Ingest;

/// <summary>The ingest API's answers, serialized as ASP.NET Core's defaults would (camelCase, nulls written).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(SubmissionOutcome))]
[JsonSerializable(typeof(BatchOutcome))]
public sealed partial class IngestJson : JsonSerializerContext;
