using System.Globalization;

namespace Sandik.Domain.Projection;

/// <summary>The caveats a snapshot states in plain words, so that nobody reads more certainty into it than it has.</summary>
internal static class ProjectionNotes
{
    public static IReadOnlyList<string> For(ProjectionEngine engine, ProjectionDraws draws, PriorUse prior)
    {
        var notes = new List<string>();
        var boxes = engine.Geography.Boxes.Count;
        if (prior.ElectionId is null)
            notes.Add("No prior election: shares and turnout are projected from the counted boxes alone, area by area; intervals are wide.");
        else if (prior.CountedOnly)
            notes.Add($"The prior election {prior.ElectionId} shares too few choices with this race: shares come from the counted boxes alone; only turnout uses the prior.");
        if (prior.ElectionId is not null && boxes > 0)
        {
            var byBox = prior.BoxesByMatch.GetValueOrDefault("box");
            if (byBox < boxes)
            {
                var rest = string.Join(", ", prior.BoxesByMatch.Where(m => m.Key != "box").Select(m => $"{m.Value:N0} by {m.Key}"));
                notes.Add(Invariant($"{boxes - byBox:N0} of {boxes:N0} boxes ({(double)(boxes - byBox) / boxes:P0}) have no prior box of the same code; their prior is their area's: {rest}."));
            }
            if (prior.BoxesByMatch.GetValueOrDefault("none") > 0)
                notes.Add("Some boxes match nothing in the prior election: they are projected from the counted boxes around them.");
        }
        if (engine.BoxesCounted == 0)
            notes.Add("Nothing is counted yet: the projection is the prior election as it stood, with cautious default intervals.");
        else
        {
            var model = engine.Composition;
            for (var level = 1; level <= engine.Tree.LevelCount; level++)
            {
                if (model.FittedAreas[level] == 0)
                    notes.Add($"Too few counted areas at the {engine.Tree.LevelNames[level]} level to measure how much they differ; a cautious default spread is used there.");
            }
        }
        if (engine.Race.Seats is not null && !draws.HasSeats)
            notes.Add("Seats are not projected: the geography's electoral districts do not match the race's seat rules.");
        return notes;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
