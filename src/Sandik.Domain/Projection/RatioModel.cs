namespace Sandik.Domain.Projection;

/// <summary>
/// One hierarchical ratio (swing) model over the pooling tree: for each node and series, counted votes Y against the
/// votes E the prior expected for the same boxes. Each node's ratio is its parent's, moved toward its own Y/E as far
/// as its counted votes warrant (empirical Bayes shrinkage); the spread of each level, which sets that shrinkage and the
/// intervals, is measured live from leave-one-out residuals of the counted nodes.
/// </summary>
/// <remarks>
/// A composition model (<see cref="Normalised"/>) has one series per swing group and scales residuals as shares
/// (<c>(y-p)/v</c> over <c>sqrt(s(1-s))</c>); a scalar model (turnout) has one series and uses relative residuals.
/// Not thread-safe: buffers are reused between calls.
/// </remarks>
internal sealed partial class RatioModel
{
    private readonly PoolingTree _tree;

    /// <param name="pseudo">Votes added to both sides of a ratio, so that a handful of votes cannot swing it.</param>
    /// <param name="maxStep">Largest factor a node's ratio may differ from its parent's (a guard against data errors).</param>
    /// <param name="kindPrior">Prior variance (scaled) of the national difference between villages and larger neighbourhoods.</param>
    /// <param name="uniform">Swing as a shift of shares (uniform swing) rather than a ratio (proportional swing).</param>
    public RatioModel(PoolingTree tree, int series, bool normalised, double fallbackBetween, double fallbackWithin, double pseudo, double maxStep, double kindPrior, bool uniform = false)
    {
        Uniform = uniform;
        _tree = tree;
        Series = series;
        Normalised = normalised;
        FallbackBetween = fallbackBetween;
        FallbackWithin = fallbackWithin;
        Pseudo = pseudo;
        MaxLogStep = Math.Log(maxStep);
        KindPrior = kindPrior;
        KindEffect = new double[PoolingTree.Kinds * series];
        KindPosterior = new double[PoolingTree.Kinds * series];
        var cells = tree.NodeCount * series;
        Y = new double[cells];
        E = new double[cells];
        Size = new double[tree.NodeCount];
        Ratio = new double[cells];
        Posterior = new double[cells];
        Between = new double[(tree.LevelCount + 1) * series];
        Within = new double[(tree.LevelCount + 1) * series];
    }

    public int Series { get; }
    public bool Normalised { get; }
    public double FallbackBetween { get; }
    public double FallbackWithin { get; }
    public double Pseudo { get; }

    /// <summary>Swing as a shift of shares: <see cref="Ratio"/> then holds shifts, not ratios.</summary>
    public bool Uniform { get; }

    /// <summary>Largest shift of a share a node may take from its parent (uniform swing).</summary>
    public double MaxShift => 0.3;
    public double MaxLogStep { get; }
    public double KindPrior { get; }

    /// <summary>National log-ratio of each kind of settlement against its district, per series (shrunk toward 0).</summary>
    public double[] KindEffect { get; }

    /// <summary>Posterior variance (scaled) of each kind effect: shared by every uncounted box of that kind.</summary>
    public double[] KindPosterior { get; }

    /// <summary>Counted votes per node and series.</summary>
    public double[] Y { get; }

    /// <summary>Votes the prior expected for the same counted boxes.</summary>
    public double[] E { get; }

    /// <summary>Counted valid votes per node (the size that makes a node's own ratio trustworthy).</summary>
    public double[] Size { get; }

    /// <summary>Estimated ratio per node and series, for the node's uncounted boxes.</summary>
    public double[] Ratio { get; }

    /// <summary>Posterior variance (scaled units) of a counted node's own effect.</summary>
    public double[] Posterior { get; }

    /// <summary>Between-area spread per level (the last row is the boxes within a neighbourhood).</summary>
    public double[] Between { get; }

    /// <summary>Within-area spread per level, divided by the counted votes.</summary>
    public double[] Within { get; }

    /// <summary>Counted nodes used at each level's last fit (0 when the fallbacks were used).</summary>
    public int[] FittedAreas { get; } = new int[32];

    public void Clear()
    {
        Array.Clear(Y);
        Array.Clear(E);
        Array.Clear(Size);
    }

    /// <summary>Adds a counted box's votes to its leaf node; <see cref="Propagate"/> then sums them up the tree.</summary>
    public void AddBox(int box, ReadOnlySpan<double> y, ReadOnlySpan<double> e, double size)
    {
        var at = _tree.Leaf(box) * Series;
        for (var s = 0; s < Series; s++)
        {
            Y[at + s] += y[s];
            E[at + s] += e[s];
        }
        Size[_tree.Leaf(box)] += size;
    }

    /// <summary>Sums every node's counts into its parent, children first (very small boxes stop at their own kind's node).</summary>
    public void Propagate()
    {
        for (var n = _tree.NodeCount - 1; n > 0; n--)
        {
            if (!FeedsParent(n)) continue;
            var (at, parent) = (n * Series, _tree.Parent[n] * Series);
            for (var s = 0; s < Series; s++)
            {
                Y[parent + s] += Y[at + s];
                E[parent + s] += E[at + s];
            }
            Size[_tree.Parent[n]] += Size[n];
        }
    }

    public double Shrinkage(int level, int s, double size)
    {
        if (size <= 0) return 0;
        var a = Between[level * Series + s];
        var noise = Within[level * Series + s] / size;
        return a + noise <= 0 ? 0 : a / (a + noise);
    }

    /// <summary>Scaled variance an area of this level and size (votes) strays from its parent's prediction.</summary>
    public double Spread(int level, int s, double size) =>
        Between[level * Series + s] + Within[level * Series + s] / Math.Max(size, 1);
}
