using Sandik.Domain.Elections;
using Sandik.Domain.Geography;
using Sandik.Domain.Submissions;

namespace Sandik.Domain.Projection;

/// <summary>
/// The arithmetic of one projection, over flat arrays reused between calls: counted boxes are summed up the pooling
/// tree, the swing models are fitted, every uncounted box is projected, and the uncertainty of the projection is
/// gathered per electoral district for the simulations. Not thread-safe.
/// </summary>
internal sealed partial class ProjectionEngine
{
    // A party's swing in an area may be large (a local candidate gone: twenty times fewer votes) but rests on a few
    // votes only when they are there; turnout rarely moves by more than a factor of three from one area to its parent,
    // and a ratio of a handful of voters says nothing.
    private const double SharePseudoVotes = 2, ShareMaxStep = 20, TurnoutPseudoVotes = 20, TurnoutMaxStep = 3;

    public ProjectionEngine(ElectionGeography geography, Race race, PoolingTree tree, SwingGroups groups, BoxPriors priors, ProjectionOptions options)
    {
        Geography = geography;
        Race = race;
        Tree = tree;
        Groups = groups;
        Priors = priors;
        Options = options;
        Choices = race.Choices.Count;
        Registered = [.. geography.Boxes.Select(b => (double)b.Registered)];
        var units = tree.Units.Length;
        Composition = new RatioModel(tree, groups.Count, true, options.FallbackBetween, options.FallbackWithin,
            SharePseudoVotes, ShareMaxStep, options.KindPrior, options.UniformSwing);
        Valid = new RatioModel(tree, 1, false, options.FallbackBetween / 4, options.FallbackWithin / 4, TurnoutPseudoVotes, TurnoutMaxStep, options.KindPrior);
        Voted = new RatioModel(tree, 1, false, options.FallbackBetween / 4, options.FallbackWithin / 4, TurnoutPseudoVotes, TurnoutMaxStep, options.KindPrior);
        NodeChoiceVotes = new double[tree.NodeCount * Choices];
        CountedVotes = new double[units * Choices];
        CountedValid = new double[units];
        CountedVoted = new double[units];
        CountedRegistered = new double[units];
        CountedBoxes = new int[units];
        ProjectedVotes = new double[units * Choices];
        ProjectedGroups = new double[units * groups.Count];
        ProjectedValid = new double[units];
        ProjectedVoted = new double[units];
        UncountedRegistered = new double[units];
        NodeValid = new double[tree.NodeCount];
        NodeGroups = new double[tree.NodeCount * groups.Count];
        NodeVoted = new double[tree.NodeCount];
        LowerGroups = new double[units * groups.Count];
        LowerValid = new double[units];
        LowerVoted = new double[units];
        KindValid = new double[units * PoolingTree.Kinds];
        KindGroups = new double[units * PoolingTree.Kinds * groups.Count];
        KindVoted = new double[units * PoolingTree.Kinds];
        var explicitNodes = tree.LevelStart[tree.ExplicitLevels];
        ExplicitGroups = new double[explicitNodes * groups.Count];
        ExplicitValid = new double[explicitNodes];
        ExplicitVoted = new double[explicitNodes];
    }

    public ElectionGeography Geography { get; }
    public Race Race { get; }
    public PoolingTree Tree { get; }
    public SwingGroups Groups { get; }
    public BoxPriors Priors { get; }
    public ProjectionOptions Options { get; }
    public int Choices { get; }

    /// <summary>Registered voters of each box, per the registry (known before any count).</summary>
    public double[] Registered { get; }

    public RatioModel Composition { get; }
    public RatioModel Valid { get; }
    public RatioModel Voted { get; }

    /// <summary>Counted votes per node and choice (to split a pooled group between its choices).</summary>
    public double[] NodeChoiceVotes { get; }

    // Per unit (electoral district): what is counted, and what is projected for the boxes still out.
    public double[] CountedVotes { get; }
    public double[] CountedValid { get; }
    public double[] CountedVoted { get; }
    public double[] CountedRegistered { get; }
    public int[] CountedBoxes { get; }
    public double[] ProjectedVotes { get; }
    public double[] ProjectedGroups { get; }
    public double[] ProjectedValid { get; }
    public double[] ProjectedVoted { get; }
    public double[] UncountedRegistered { get; }

    // Per node: projected votes of its uncounted boxes.
    public double[] NodeValid { get; }
    public double[] NodeGroups { get; }
    public double[] NodeVoted { get; }

    /// <summary>Variance (votes²) per unit and group from levels below the explicit ones, independent between units.</summary>
    public double[] LowerGroups { get; }
    public double[] LowerValid { get; }
    public double[] LowerVoted { get; }

    /// <summary>Projected uncounted votes per unit and kind of settlement, which the national kind effects move together.</summary>
    public double[] KindValid { get; }
    public double[] KindGroups { get; }
    public double[] KindVoted { get; }

    /// <summary>Variance per vote of each explicit node's shared effect, applied to the uncounted votes below it.</summary>
    public double[] ExplicitGroups { get; }
    public double[] ExplicitValid { get; }
    public double[] ExplicitVoted { get; }

    /// <summary>Runs the whole projection for the boxes counted so far (null = not counted), by box index.</summary>
    /// <param name="arrival">Arrival order of each counted box (the log sequence; 0 or null when unknown).</param>
    public void Run(IReadOnlyList<Tally?> counted, IReadOnlyList<long>? arrival = null)
    {
        Count(counted);
        Composition.Fit(Options.MinAreasToFit);
        Valid.Fit(Options.MinAreasToFit);
        Voted.Fit(Options.MinAreasToFit);
        FitBoxes();
        ProjectUncounted(counted);
        GatherVariance();
        MeasureDrift(counted, arrival);
    }
}
