namespace Sandik.Domain.Anomalies.Evaluation;

/// <summary>How many boxes of one kind and size class were injected, and how many the ranking put within each budget.</summary>
/// <param name="Found">Per budget (same order as <see cref="EvaluationResult.Budgets"/>), boxes ranked within it.</param>
/// <param name="Oracle">Per budget, the boxes an oracle would be expected to find (<see cref="Injection.OracleRecall"/>, summed).</param>
public sealed record RecallRow(string Injector, string Kind, string SizeClass, int Injected, IReadOnlyList<int> Found, IReadOnlyList<double> Oracle)
{
    public double Recall(int budget) => Injected == 0 ? double.NaN : (double)Found[budget] / Injected;

    /// <summary>The oracle's recall: what the size of these changes allows against sampling noise alone.</summary>
    public double Ceiling(int budget) => Injected == 0 ? double.NaN : Oracle[budget] / Injected;
}

/// <summary>Of the boxes within a budget, how many were manipulated (per injector, over all rounds).</summary>
/// <param name="Flagged">Boxes within the budget, summed over rounds.</param>
/// <param name="Manipulated">Of them, manipulated ones.</param>
/// <param name="Ceiling">The best precision possible: manipulated boxes per round over the budget's size, at most 1.</param>
public sealed record PrecisionRow(string Injector, double Budget, int Flagged, int Manipulated, double Ceiling)
{
    public double Precision => Flagged == 0 ? double.NaN : (double)Manipulated / Flagged;
}

/// <summary>A stated target and whether the evaluation meets it.</summary>
/// <param name="Ceiling">The oracle's recall on the same boxes (<see cref="Injection.OracleRecall"/>).</param>
public sealed record TargetCheck(string Target, double Required, double Achieved, int Boxes, double Ceiling)
{
    public bool Met => Achieved >= Required;
}

/// <summary>Everything one evaluation measured.</summary>
/// <param name="Budgets">Review budgets as shares of the ranked boxes (0.005 = the top 0.5%).</param>
/// <param name="FullScans">Duration of each full refresh (with the prior when one was given).</param>
/// <param name="Incremental">Mean duration of rescoring one box after a new submission.</param>
public sealed record EvaluationResult(
    int Seed,
    int Rounds,
    int BoxesPerRound,
    int RankedBoxes,
    IReadOnlyList<double> Budgets,
    IReadOnlyList<RecallRow> Recall,
    IReadOnlyList<PrecisionRow> Precision,
    IReadOnlyList<TimeSpan> FullScans,
    TimeSpan Incremental,
    bool WithPrior)
{
    /// <summary>The stated targets at the 1% budget.</summary>
    public IReadOnlyList<TargetCheck> Targets()
    {
        var at = Budgets.ToList().IndexOf(0.01);
        if (at < 0) return [];
        TargetCheck Check(string name, double required, Func<RecallRow, bool> rows)
        {
            var selected = Recall.Where(rows).ToList();
            var injected = selected.Sum(r => r.Injected);
            var found = selected.Sum(r => r.Found[at]);
            var oracle = selected.Sum(r => r.Oracle[at]);
            return injected == 0
                ? new TargetCheck(name, required, double.NaN, 0, double.NaN)
                : new TargetCheck(name, required, (double)found / injected, injected, oracle / injected);
        }
        return
        [
            Check("stuffing >= 5% of registered, top 1%", 0.90, r => r.Kind == "stuffing" && r.SizeClass != "2-5%"),
            Check("flips >= 10% of valid votes, top 1%", 0.90, r => r.Kind == "flip" && r.SizeClass == "10-20%"),
            Check("transcription errors >= 20 votes, top 1%", 0.95, r => r.Injector == "standard" && r.Kind.StartsWith("transcription", StringComparison.Ordinal) && r.SizeClass != "<20 votes"),
        ];
    }
}
