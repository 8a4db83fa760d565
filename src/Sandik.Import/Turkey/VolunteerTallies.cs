using Sandik.Domain.Submissions;

namespace Sandik.Import.Turkey;

/// <summary>The submissions a volunteer tally file yields, and how its rows met the box registry.</summary>
public sealed record VolunteerTallies(IReadOnlyList<SubmissionDraft> Drafts, MatchReport Report);
