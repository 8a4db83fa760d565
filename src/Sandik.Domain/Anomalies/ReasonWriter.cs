using Sandik.Domain.Elections;
using Sandik.Domain.Geography;

namespace Sandik.Domain.Anomalies;

/// <summary>
/// Puts an <see cref="Assessment"/> into reasons, one per check that found something worth saying, strongest first.
/// Statistical checks speak from one box in twenty upwards (<see cref="MinSurprise"/>); a sheet that does not add up,
/// a copied sheet or a disagreement between sources is always said.
/// </summary>
internal sealed class ReasonWriter(ElectionGeography geography, Race race, VoteComponents components, BoxCounts counts,
    IReadOnlyDictionary<int, SourceGap> sourceGaps, AnomalyOptions options)
{
    public const double MinSurprise = 1.3;

    /// <param name="slots">Each <see cref="StatisticSlot"/>'s surprise, to tell which side of a check spoke.</param>
    /// <param name="checks">Each check's surprise, as scored.</param>
    public List<AnomalyReason> Write(in Assessment a, ReadOnlySpan<double> slots, ReadOnlySpan<double> checks)
    {
        var reasons = new List<AnomalyReason>(4);
        SheetReasons.Arithmetic(a, checks[(int)AnomalyCheck.Arithmetic], counts, geography, reasons);
        var register = checks[(int)AnomalyCheck.Register];
        if (a.Registered > 0 && slots[StatisticSlot.Register] > 0) reasons.Add(SheetReasons.Register(a, register, options.OfficialsOnDuty));
        else if (a.Registered > 0 && register >= MinSurprise) reasons.Add(SheetReasons.FullTurnout(a, register));
        Statistical(AnomalyCheck.Turnout, a.Turnout, checks, reasons, "turnout", ("Turnout", "Katılım"));
        Statistical(AnomalyCheck.InvalidShare, a.InvalidShare, checks, reasons, "invalid", ("Invalid votes as a share of voters", "Geçersiz oy oranı"));
        var up = slots[StatisticSlot.ShareHigh] >= slots[StatisticSlot.ShareLow];
        if ((up ? a.ShareUpChoice : a.ShareDownChoice) is var group and >= 0)
        {
            var name = ComponentName(group);
            Statistical(AnomalyCheck.ChoiceShare, up ? a.ShareUp : a.ShareDown, checks, reasons, "share", ($"{Wording.Possessive(name.En)} share of valid votes", $"{name.Tr} oy oranı"));
        }
        if (checks[(int)AnomalyCheck.Swing] >= MinSurprise)
        {
            var rising = slots[StatisticSlot.SwingUp] >= slots[StatisticSlot.SwingDown];
            reasons.Add(Swing(rising ? a.SwingUp : a.SwingDown, rising ? a.SwingUpMetric : a.SwingDownMetric, checks[(int)AnomalyCheck.Swing]));
        }
        if (checks[(int)AnomalyCheck.Pattern] >= MinSurprise) reasons.Add(Pattern(a, BestPattern(a, slots), checks[(int)AnomalyCheck.Pattern]));
        if (checks[(int)AnomalyCheck.Transcription] >= MinSurprise && a.Typo.Kind != TypoKind.None)
            reasons.Add(TypoReasons.Write(a.Typo, race, checks[(int)AnomalyCheck.Transcription]));
        if (checks[(int)AnomalyCheck.Sources] > 0 && sourceGaps.TryGetValue(a.Box, out var gap))
            reasons.Add(SheetReasons.Sources(gap, checks[(int)AnomalyCheck.Sources]));
        if (checks[(int)AnomalyCheck.Digits] > 0) reasons.Add(SheetReasons.Digits(a, checks[(int)AnomalyCheck.Digits]));
        if (a.DuplicateOf >= 0) reasons.Add(SheetReasons.Duplicate(a, checks[(int)AnomalyCheck.Duplicate], geography));
        reasons.Sort((x, y) => y.Surprise.CompareTo(x.Surprise));
        return reasons;
    }

    private static PatternFit BestPattern(in Assessment a, ReadOnlySpan<double> slots)
    {
        var best = 0;
        for (var p = 1; p < PatternTest.Kinds; p++)
        {
            var (surprise, top) = (slots[StatisticSlot.ExtraBallots + p], slots[StatisticSlot.ExtraBallots + best]);
            // Equally rare patterns (a small calibration runs out of quantiles): name the one that fits best.
            if (surprise > top || (surprise == top && a.Patterns[p].Z > a.Patterns[best].Z)) best = p;
        }
        return a.Patterns[best];
    }

    private static void Statistical(AnomalyCheck check, Standing s, ReadOnlySpan<double> checks, List<AnomalyReason> reasons,
        string code, (string En, string Tr) what)
    {
        var surprise = checks[(int)check];
        if (surprise < MinSurprise || !s.IsKnown) return;
        var (peersEn, peersTr) = Wording.Peers(s);
        var direction = s.Z > 0 ? "high" : "low";
        var (againstEn, againstTr) = s.OwnPrior
            ? ($"against {Wording.PercentEn(s.Expected)} expected from {peersEn} and its own prior result",
                $"{peersTr} ve kendi önceki sonucundan beklenen {Wording.PercentTr(s.Expected)}")
            : ($"against a median of {Wording.PercentEn(s.Expected)} among {peersEn}", $"{peersTr} medyanı {Wording.PercentTr(s.Expected)}");
        reasons.Add(new AnomalyReason($"{code}.{direction}", check, surprise, new LocalizedText(
            $"{Wording.CapitalTr(what.Tr)} {Wording.PercentTr(s.Value)}; {againstTr} ({Wording.ZTr(s.Z)}).",
            $"{Wording.CapitalEn(what.En)} {Wording.PercentEn(s.Value)} {againstEn} ({Wording.ZEn(s.Z)})."),
            s.Value, s.Expected, s.Z));
    }

    private AnomalyReason Swing(Standing s, int metric, double surprise)
    {
        var (whatEn, whatTr) = metric switch
        {
            BoxMetrics.Turnout => ("turnout", "katılım"),
            BoxMetrics.InvalidShare => ("the invalid share", "geçersiz oy oranı"),
            BoxMetrics.OthersShare => ("the other parties' share", "diğer partilerin oy oranı"),
            _ => (Wording.Possessive(race.Choices[metric - BoxMetrics.FirstShare].Name) + " share", race.Choices[metric - BoxMetrics.FirstShare].Name + " oy oranı"),
        };
        var (peersEn, peersTr) = Wording.Peers(s);
        // A district's swing is expected for where the box started (small places regress to the mean), not a plain median.
        var (expectedEn, expectedTr) = s.Basis == PeerBasis.DistrictSwing
            ? ($"against {Wording.PointsEn(s.Expected)} expected from {peersEn} for a box that started where it did",
                $"{peersTr} göz önüne alındığında, bu sandığın başlangıç düzeyinden beklenen {Wording.PointsTr(s.Expected)} puan")
            : ($"against a median of {Wording.PointsEn(s.Expected)} among {peersEn}", $"{peersTr} medyanı {Wording.PointsTr(s.Expected)} puan");
        return new AnomalyReason(s.Z > 0 ? "swing.up" : "swing.down", AnomalyCheck.Swing, surprise, new LocalizedText(
            $"Önceki seçimden bu yana {whatTr} {Wording.PointsTr(s.Value)} puan değişmiş; {expectedTr} ({Wording.ZTr(s.Z)}).",
            $"Since the prior election {whatEn} moved {Wording.PointsEn(s.Value)} points, {expectedEn} ({Wording.ZEn(s.Z)})."),
            s.Value, s.Expected, s.Z);
    }

    private AnomalyReason Pattern(in Assessment a, PatternFit p, double surprise)
    {
        var votes = p.Votes;
        var z = (Wording.ZEn(p.Z), Wording.ZTr(p.Z));
        var from = p.From >= 0 ? ComponentName(p.From) : default;
        var to = p.To >= 0 ? ComponentName(p.To) : default;
        var (code, tr, en) = p.Pattern switch
        {
            ManipulationPattern.ExtraBallots => ("pattern.extra-ballots",
                $"{Wording.CapitalTr(to.Tr)} lehine yaklaşık {votes} fazladan oy pusulası atılmış gibi görünüyor: katılım ve {to.Tr} oyu birlikte yüksek ({z.Item2}).",
                $"Looks like about {votes} extra ballots for {to.En}: turnout and {Wording.Possessive(to.En)} votes are high together ({z.Item1})."),
            ManipulationPattern.Flip => ("pattern.flip",
                $"{Wording.CapitalTr(from.Tr)} oylarından yaklaşık {votes} tanesi {to.Tr} hanesine geçmiş gibi görünüyor ({z.Item2}).",
                $"Looks like about {votes} votes moved from {from.En} to {to.En} ({z.Item1})."),
            ManipulationPattern.Inflation => ("pattern.inflation",
                $"Katılım, partilere orantılı dağıtılmış yaklaşık {votes} oy pusulasıyla şişirilmiş gibi görünüyor ({z.Item2}).",
                $"Turnout looks inflated by about {votes} ballots spread over the parties in proportion ({z.Item1})."),
            ManipulationPattern.Invalidation => ("pattern.invalidation",
                $"{Wording.CapitalTr(from.Tr)} oylarından yaklaşık {votes} tanesi geçersiz sayılmış gibi görünüyor ({z.Item2}).",
                $"Looks like about {votes} votes of {from.En} were made invalid ({z.Item1})."),
            _ => ("pattern.removal",
                $"{Wording.CapitalTr(from.Tr)} oylarından yaklaşık {votes} tanesi eksik gibi görünüyor ({z.Item2}).",
                $"Looks like about {votes} votes of {from.En} are missing ({z.Item1})."),
        };
        return new AnomalyReason(code, AnomalyCheck.Pattern, surprise, new LocalizedText(tr, en), Z: p.Z, Votes: votes);
    }

    private (string En, string Tr) ComponentName(int group) =>
        group < components.Majors.Length ? (race.Choices[components.Majors[group]].Name, race.Choices[components.Majors[group]].Name)
            : ("other parties", "diğer partiler");
}
