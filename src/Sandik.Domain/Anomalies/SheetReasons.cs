using Sandik.Domain.Geography;

namespace Sandik.Domain.Anomalies;

/// <summary>
/// Reasons that read the sheet itself rather than compare it with peers: counts that do not add up, more voters than
/// the register allows, turnout at the register, sources that disagree, round counts, a copied sheet.
/// </summary>
internal static class SheetReasons
{
    public static void Arithmetic(in Assessment a, double surprise, BoxCounts counts, ElectionGeography geography, List<AnomalyReason> reasons)
    {
        var box = a.Box;
        if (a.VotesMinusValid != 0)
        {
            var valid = counts.Valid(box);
            var sum = valid + a.VotesMinusValid;
            reasons.Add(new AnomalyReason("arithmetic.votes-valid", AnomalyCheck.Arithmetic, surprise, new LocalizedText(
                $"Parti/aday oylarının toplamı {sum}; tutanaktaki {valid} geçerli oyla tutmuyor.",
                $"The choices' votes add up to {sum}, not to the {valid} valid votes on the sheet."),
                sum, valid, Votes: Math.Abs(a.VotesMinusValid)));
        }
        if (a.ValidInvalidMinusVoted != 0)
        {
            var (valid, invalid, voted) = (counts.Valid(box), counts.Invalid(box), counts.Voted(box));
            reasons.Add(new AnomalyReason("arithmetic.valid-invalid-voted", AnomalyCheck.Arithmetic, surprise, new LocalizedText(
                $"Geçerli ({valid}) ve geçersiz ({invalid}) oyların toplamı {valid + invalid}; tutanaktaki {voted} oy kullanan sayısıyla tutmuyor.",
                $"Valid ({valid}) plus invalid ({invalid}) is {valid + invalid}, not the {voted} voters on the sheet."),
                valid + invalid, voted, Votes: Math.Abs(a.ValidInvalidMinusVoted)));
        }
        if (a.SheetMinusRegistry != 0)
        {
            var list = geography.Boxes[box].Registered;
            var sheet = list + a.SheetMinusRegistry;
            reasons.Add(new AnomalyReason("arithmetic.registered-list", AnomalyCheck.Arithmetic, surprise, new LocalizedText(
                $"Tutanakta {sheet} kayıtlı seçmen yazıyor, seçmen listesinde {list}.",
                $"The sheet gives {sheet} registered voters, the voter list {list}."),
                sheet, list, Votes: Math.Abs(a.SheetMinusRegistry)));
        }
    }

    public static AnomalyReason Register(in Assessment a, double surprise, int officials)
    {
        var voted = a.Registered + a.Excess;
        return new AnomalyReason("register.over", AnomalyCheck.Register, surprise, new LocalizedText(
            $"{a.Registered} kayıtlı seçmene karşın {voted} kişi oy kullanmış: listeden {a.Excess} fazla; sandıkta görevli olup oy kullanabilecek yaklaşık {officials} kişiyi aşıyor.",
            $"{voted} voters for {a.Registered} registered: {a.Excess} more than the register, beyond the {officials} or so officials on duty who may vote at the box."),
            voted, a.Registered, Votes: a.Excess);
    }

    public static AnomalyReason FullTurnout(in Assessment a, double surprise)
    {
        var voted = a.Registered + a.Excess;
        var turnout = (double)voted / a.Registered;
        return new AnomalyReason("register.full", AnomalyCheck.Register, surprise, new LocalizedText(
            $"{a.Registered} kayıtlı seçmenden {voted} kişi oy kullanmış (katılım {Wording.PercentTr(turnout)}): ölenler ve taşınanlar listede kaldığı için bu kadar yüksek katılım nadirdir.",
            $"{voted} of {a.Registered} registered voters voted (turnout {Wording.PercentEn(turnout)}): rare, since the dead and those who moved away stay on the lists."),
            voted, a.Registered, Votes: voted);
    }

    public static AnomalyReason Sources(SourceGap gap, double surprise) =>
        new("sources.disagree", AnomalyCheck.Sources, surprise, new LocalizedText(
            $"Kaynaklar farklı: '{gap.OtherSource}' {gap.Field} için {gap.OtherValue}, sayılan '{gap.CountedSource}' {gap.CountedValue} diyor ({gap.Votes} oy fark).",
            $"Sources disagree: '{gap.OtherSource}' gives {gap.Field} {gap.OtherValue}, the counted '{gap.CountedSource}' {gap.CountedValue} ({gap.Votes} votes apart)."),
            gap.CountedValue, gap.OtherValue, Votes: gap.Votes);

    public static AnomalyReason Digits(in Assessment a, double surprise)
    {
        var tens = a.Tens == a.DigitCounts;
        var odds = Wording.Count((long)Math.Round(Math.Pow(10, surprise)));
        return new AnomalyReason(tens ? "digits.round-tens" : "digits.round-fives", AnomalyCheck.Digits, surprise, tens
            ? new LocalizedText($"20 oyu geçen {a.DigitCounts} sayının hepsi 0 ile bitiyor; tesadüfen {odds} sandıkta bir görülür.",
                $"All {a.DigitCounts} counts of 20 or more end in 0: by chance, one box in {odds}.")
            : new LocalizedText($"20 oyu geçen {a.DigitCounts} sayının hepsi 0 ya da 5 ile bitiyor; tesadüfen {odds} sandıkta bir görülür.",
                $"All {a.DigitCounts} counts of 20 or more end in 0 or 5: by chance, one box in {odds}."));
    }

    public static AnomalyReason Duplicate(in Assessment a, double surprise, ElectionGeography geography)
    {
        var twin = geography.Boxes[a.DuplicateOf];
        var hood = geography.Areas[twin.Area].Name;
        return new AnomalyReason("duplicate.same-as", AnomalyCheck.Duplicate, surprise, new LocalizedText(
            $"{hood} {twin.Number} numaralı sandıkla oylar birebir aynı.",
            $"Exactly the same votes as box {twin.Number} of {hood}."));
    }
}
