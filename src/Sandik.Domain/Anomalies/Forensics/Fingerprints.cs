using Sandik.Domain.Elections;
using Sandik.Domain.Geography;

namespace Sandik.Domain.Anomalies.Forensics;

/// <summary>Builds <see cref="Fingerprint"/>s. Pure, thread-safe.</summary>
public static class Fingerprints
{
    /// <summary>The fingerprint of an area over the given boxes (boxes without registered voters or valid votes are left out).</summary>
    /// <param name="choice">The choice to plot; by default the one with the most votes in these boxes.</param>
    public static Fingerprint Of(ElectionGeography geography, Race race, BoxCounts counts, Area area, IReadOnlyList<int> boxes,
        int bins = 50, int? choice = null)
    {
        var leader = choice ?? Leader(counts, boxes);
        var cells = new int[bins * bins];
        int n = 0, corner = 0;
        double st = 0, ss = 0, stt = 0, sss = 0, sts = 0;
        foreach (var box in boxes)
        {
            var registered = counts.Registered(box) is var r and > 0 ? r : geography.Boxes[box].Registered;
            var voted = counts.Voted(box);
            var valid = counts.Valid(box);
            if (registered <= 0 || voted < 0 || valid <= 0) continue;
            var turnout = (double)voted / registered;
            var share = (double)counts.Votes(box)[leader] / valid;
            cells[Bin(turnout, bins) * bins + Bin(share, bins)]++;
            n++;
            if (turnout >= 0.95 && share >= 0.8) corner++;
            st += turnout;
            ss += share;
            stt += turnout * turnout;
            sss += share * share;
            sts += turnout * share;
        }
        var cov = n > 1 ? sts / n - st / n * (ss / n) : 0;
        var vt = n > 1 ? stt / n - st / n * (st / n) : 0;
        var vs = n > 1 ? sss / n - ss / n * (ss / n) : 0;
        var correlation = vt > 0 && vs > 0 ? cov / Math.Sqrt(vt * vs) : double.NaN;
        return new Fingerprint(area.Code, area.Name, race.Choices[leader].Name, bins, cells, n, correlation, n == 0 ? 0 : (double)corner / n);
    }

    private static int Bin(double ratio, int bins) => Math.Clamp((int)Math.Floor(ratio * bins), 0, bins - 1);

    private static int Leader(BoxCounts counts, IReadOnlyList<int> boxes)
    {
        var totals = new long[counts.ChoiceCount];
        foreach (var box in boxes)
        {
            var votes = counts.Votes(box);
            for (var j = 0; j < votes.Length; j++) totals[j] += votes[j];
        }
        var best = 0;
        for (var j = 1; j < totals.Length; j++)
        {
            if (totals[j] > totals[best]) best = j;
        }
        return best;
    }
}
