using System.Runtime.CompilerServices;

namespace Sandik.Domain.Anomalies;

/// <summary>
/// Turns raw statistics into surprises (−log10 of how rare) and those into one score per box.
/// <para>
/// Statistical slots are calibrated on the boxes themselves, per peer basis (see <see cref="TailCalibration"/>); a
/// check's surprise is the largest of its slots', less log10 of their number. Slots whose rarity is known by
/// construction have fixed surprises: a sheet that does not add up (10 and up: it is wrong for certain), a copied sheet (4), sources
/// disagreeing (log2 of the gap in votes, at most 6), round counts (k for k sizeable counts all ending in 0).
/// </para>
/// The score adds the checks' surprises: a box that is rare in several ways ranks above one that is rare in one.
/// The statistical checks look at one departure from several sides, so the sum overstates the rarity in absolute
/// terms; it orders boxes well, which is what a review list needs (docs/anomalies.md compares the alternatives).
/// Immutable once fitted.
/// </summary>
public sealed class ScoreCombiner
{
    private const int Bases = 4;

    /// <summary>A calibrated surprise is at most this (one box in a trillion): beyond the data, rarity is a guess.</summary>
    public const double MaxSurprise = 12;
    private readonly TailCalibration[] _calibrations;

    private ScoreCombiner(TailCalibration[] calibrations) => _calibrations = calibrations;

    public static ScoreCombiner Uncalibrated { get; } = new([.. Enumerable.Repeat(TailCalibration.Flat, StatisticSlot.Count * Bases)]);

    /// <summary>Fits every statistical slot, per basis, on the rows of the boxes included.</summary>
    /// <param name="raw">One row of <see cref="StatisticSlot.Count"/> statistics per box.</param>
    /// <param name="basis">The peer basis of each statistic, same layout.</param>
    /// <param name="included">Which rows take part (the reported boxes).</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ScoreCombiner Fit(ReadOnlySpan<double> raw, ReadOnlySpan<byte> basis, ReadOnlySpan<bool> included)
    {
        var rows = included.Length;
        var calibrations = new TailCalibration[StatisticSlot.Count * Bases];
        Array.Fill(calibrations, TailCalibration.Flat);
        var columns = new double[Bases][];
        var sizes = new int[Bases];
        for (var b = 0; b < Bases; b++) columns[b] = new double[rows];
        for (var slot = 0; slot < StatisticSlot.Count; slot++)
        {
            if (!StatisticSlot.IsStatistical(slot)) continue;
            Array.Clear(sizes);
            for (var r = 0; r < rows; r++)
            {
                if (!included[r]) continue;
                var b = basis[r * StatisticSlot.Count + slot];
                columns[b][sizes[b]++] = raw[r * StatisticSlot.Count + slot];
            }
            for (var b = 0; b < Bases; b++) calibrations[slot * Bases + b] = TailCalibration.Fit(columns[b].AsSpan(0, sizes[b]));
        }
        return new ScoreCombiner(calibrations);
    }

    public static bool IsStatistical(AnomalyCheck check) => check is not (AnomalyCheck.Arithmetic or AnomalyCheck.Sources or AnomalyCheck.Digits or AnomalyCheck.Duplicate);

    /// <summary>The surprise of one slot's raw statistic.</summary>
    public double Surprise(int slot, double raw, byte basis) => raw <= 0 ? 0 : slot switch
    {
        StatisticSlot.Arithmetic => 10 + Math.Log10(1 + raw),
        StatisticSlot.Sources => Math.Min(6, Math.Log2(1 + raw)),
        StatisticSlot.Digits => raw,
        StatisticSlot.Duplicate => 4,
        _ => Math.Min(MaxSurprise, _calibrations[slot * Bases + basis].Surprise(raw)),
    };

    /// <summary>The combined score of one box; fills each slot's and each check's surprise.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double Combine(ReadOnlySpan<double> raw, ReadOnlySpan<byte> basis, Span<double> slotSurprises, Span<double> checkSurprises)
    {
        checkSurprises.Clear();
        for (var slot = 0; slot < StatisticSlot.Count; slot++)
        {
            var s = Surprise(slot, raw[slot], basis[slot]);
            slotSurprises[slot] = s;
            var check = (int)StatisticSlot.CheckOf(slot);
            checkSurprises[check] = Math.Max(checkSurprises[check], s);
        }
        double score = 0;
        foreach (var check in AnomalyChecks.All)
        {
            var slots = StatisticSlot.SlotsOf(check);
            var s = slots > 1 ? Math.Max(0, checkSurprises[(int)check] - Math.Log10(slots)) : checkSurprises[(int)check];
            checkSurprises[(int)check] = s;
            score += s;
        }
        return score;
    }
}
