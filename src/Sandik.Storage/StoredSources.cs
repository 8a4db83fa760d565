using Sandik.Domain.Sources;

namespace Sandik.Storage;

/// <summary>An election's source catalogue as stored, with the election's revision at the time it was read.</summary>
public sealed record StoredSources(SourceCatalog Catalog, long Revision);
