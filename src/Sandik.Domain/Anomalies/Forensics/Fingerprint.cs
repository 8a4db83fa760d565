namespace Sandik.Domain.Anomalies.Forensics;

/// <summary>
/// An election fingerprint (Klimek, Yegorov, Hanel and Thurner, PNAS 2012): how many boxes of an area have each
/// turnout and each share for the area's leading choice. Honest counts make one roughly round blob; ballot stuffing
/// drags boxes towards the top-right corner (turnout and share both near 100%) and makes the two correlate.
/// </summary>
/// <param name="Choice">The choice whose share is plotted (the area's leader unless one was asked for).</param>
/// <param name="Bins">Cells per axis; cell (t, s) covers turnout [t, t+1) / Bins and share [s, s+1) / Bins (turnout
/// above 100% falls in the last column).</param>
/// <param name="Cells">Boxes per cell, row-major by turnout then share: <c>Cells[t * Bins + s]</c>.</param>
/// <param name="Correlation">Pearson correlation of turnout and share over the boxes.</param>
/// <param name="CornerShare">Share of the boxes with turnout at least 95% and share at least 80%.</param>
public sealed record Fingerprint(string AreaCode, string AreaName, string Choice, int Bins, IReadOnlyList<int> Cells,
    int Boxes, double Correlation, double CornerShare)
{
    public int this[int turnoutBin, int shareBin] => Cells[turnoutBin * Bins + shareBin];

    /// <summary>The fullest cell, for scaling a picture.</summary>
    public int Peak => Cells.Count == 0 ? 0 : Cells.Max();
}
