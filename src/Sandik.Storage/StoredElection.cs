using Sandik.Domain.Elections;
using Sandik.Domain.Geography;
using Sandik.Domain.Sources;

namespace Sandik.Storage;

/// <summary>An election as the store keeps it: definition, source catalogue and ballot-box registry.</summary>
public sealed record StoredElection(Election Election, SourceCatalog Sources, ElectionGeography Geography);
