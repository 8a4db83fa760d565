using Sandik.Domain.Elections;

namespace Sandik.Domain.Projection;

/// <summary>
/// The choices as the swing sees them: every choice with a real prior gets its own swing; small choices, and choices
/// the prior did not have, share the swing of one "other" group together with the prior's vanished choices.
/// </summary>
internal sealed class SwingGroups
{
    private SwingGroups(int[] groupOf, string[] names, int other, bool compositionFromCountOnly)
    {
        GroupOf = groupOf;
        Names = names;
        Other = other;
        CompositionFromCountOnly = compositionFromCountOnly;
        Members = new int[names.Length][];
        for (var g = 0; g < names.Length; g++)
        {
            var members = new List<int>();
            for (var k = 0; k < groupOf.Length; k++)
            {
                if (groupOf[k] == g) members.Add(k);
            }
            Members[g] = [.. members];
        }
    }

    /// <summary>Group of each choice, by choice index.</summary>
    public int[] GroupOf { get; }

    public string[] Names { get; }

    public int[][] Members { get; }

    public int Count => Names.Length;

    /// <summary>The pooled group, or -1 when every choice has a swing of its own.</summary>
    public int Other { get; }

    /// <summary>True when the prior says nothing usable about the choices: shares come from counted boxes alone.</summary>
    public bool CompositionFromCountOnly { get; }

    /// <param name="priorShare">Prior national share of each current choice, or null when there is no prior.</param>
    public static SwingGroups Build(Race race, double[]? priorShare, double ownSwingShare)
    {
        var n = race.Choices.Count;
        var groupOf = new int[n];
        if (priorShare is null) return CountOnly(race);
        var names = new List<string>();
        for (var k = 0; k < n; k++)
        {
            if (priorShare[k] < ownSwingShare) continue;
            groupOf[k] = names.Count;
            names.Add(race.Choices[k].Id);
        }
        if (names.Count < 2) return CountOnly(race);
        var other = -1;
        for (var k = 0; k < n; k++)
        {
            if (priorShare[k] >= ownSwingShare) continue;
            if (other < 0)
            {
                other = names.Count;
                names.Add("other");
            }
            groupOf[k] = other;
        }
        return new SwingGroups(groupOf, [.. names], other, false);
    }

    private static SwingGroups CountOnly(Race race)
    {
        var groupOf = new int[race.Choices.Count];
        for (var k = 0; k < groupOf.Length; k++) groupOf[k] = k;
        return new SwingGroups(groupOf, [.. race.Choices.Select(c => c.Id)], -1, true);
    }
}
