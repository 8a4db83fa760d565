using System.Globalization;
using System.Text.RegularExpressions;
using Sandik.Domain.Geography;
using Sandik.Domain.Projection;

namespace Sandik.Server.Ui;

// The projection panel's words, and the projection's notes in Turkish.
public sealed partial class UiText
{
    public string Projection => L("Projeksiyon", "Projection");
    public string ProjectionPending => L("Projeksiyon hesaplanıyor…", "The projection is being computed…");
    public string ProjectedAt(string counted) => L($"Sandıkların {counted} kadarı sayılmışken", $"With {counted} of the boxes counted");
    public string Projected => L("Tahmin", "Projected");
    public string Interval90 => L("%90 aralık", "90% interval");
    public string CountedSoFar => L("Sayılan", "Counted");
    public string Seats => L("Sandalye", "Seats");
    public string SeatsTitle => L("Tahmini sandalye dağılımı", "Projected seats");
    public string MajorityLine(int seats) => L($"Çoğunluk: {N(seats)}", $"Majority: {N(seats)}");
    // Three chances side by side: each heading says what it is the chance of, its tooltip says it in full.
    public string PassesThreshold(double threshold) => L($"P(oy oranı > {P(threshold, 0)})", $"P(vote share > {P(threshold, 0)})");
    public string PassesThresholdHint(double threshold) => L(
        $"Ulusal oy oranının {P(threshold, 0)} barajını aşma, yani sandalye dağılımına girme olasılığı",
        $"Probability that the national vote share is above the {P(threshold, 0)} threshold, so that the party takes part in the seat allocation");
    public string WinsMajority(int seats) => L($"P(sandalye çoğunluğu: {N(seats)}+)", $"P(majority of seats: {N(seats)}+)");
    public string WinsMajorityHint(int seats, int total) => L(
        $"{N(total)} sandalyenin en az {N(seats)} tanesini kazanma olasılığı",
        $"Probability of winning at least {N(seats)} of the {N(total)} seats");
    public string AboveHalf => L("P(oy oranı > %50)", "P(vote share > 50%)");
    public string AboveHalfHint => L(
        "Ulusal geçerli oyların yarısından fazlasını alma olasılığı (sandalye değil, oy; cumhurbaşkanlığı seçimini bu belirler)",
        "Probability that the national vote share is above 50% of the valid votes (votes, not seats; it decides a presidential race)");
    public string ProjectedTurnout => L("Tahmini katılım", "Projected turnout");
    public string PriorUsed(string election) => L($"Önceki seçim: {election}", $"Prior election: {election}");
    public string NoPrior => L("Önceki seçim yok: yalnız sayılan sandıklardan", "No prior election: from counted boxes alone");
    public string BoxesMatched(string share) => L($"sandıkların {share} kadarı sandık sandık eşleşti", $"{share} of boxes matched box by box");
    public string ProjectionNotes => L("Notlar", "Notes");
    public string ConvergenceTitle => L("Projeksiyon ve ham sayım, sayılan sandık oranına göre", "Projection and raw count by share of boxes counted");
    public string ConvergenceEmpty => L("Henüz nokta yok.", "No points yet.");
    public string ConvergenceAllSources => L("Tüm kaynaklar, uzlaştırılmış.", "All sources, reconciled.");
    public string RawCount => L("ham sayım", "raw count");
    public string ProjectedBand => L("tahmin ve %90 aralığı", "projection and 90% interval");
    public string GoldenBoxes => L("Altın sandık (%95)", "Golden boxes (95%)");
    public string GoldenReported(int reported, int sample) =>
        L($"Altın sandık hızlı sayımı: {N(reported)} / {N(sample)} sandık geldi", $"Golden-box quick count: {N(reported)} of {N(sample)} boxes reported");

    /// <summary>A quick-count share and its margin in points: %49,1 ± 1,2; the share alone while the margin is unknown.</summary>
    public string PlusMinus(double share, double margin) =>
        double.IsFinite(margin) ? $"{P(share)} ± {(margin * 100).ToString("0.0", Culture)}" : P(share);

    public string BoxesCountedAxis => L("sayılan sandık", "boxes counted");

    /// <summary>A projected share's interval in points: 45,1–47,3 / 45.1–47.3.</summary>
    public string Span(Estimate e) => $"{(e.Low * 100).ToString("0.0", Culture)}–{(e.High * 100).ToString("0.0", Culture)}";

    /// <summary>Projected seats with their interval: 258 (249–266).</summary>
    public string SeatRange(Estimate e) => $"{N((long)Math.Round(e.Value))} ({N((long)Math.Round(e.Low))}–{N((long)Math.Round(e.High))})";

    /// <summary>A probability, never shown as a certainty it is not: &lt; %1, %37, &gt; %99; a dash when it does not apply.</summary>
    public string Chance(double? p) => p switch
    {
        null => "—",
        < 0.005 => L("< %1", "< 1%"),
        > 0.995 => L("> %99", "> 99%"),
        { } v => P(v, 0),
    };

    /// <summary>The name of a geography level (or of a pooling level the projection adds) in this language.</summary>
    public string LevelName(string id, ElectionGeography geography) =>
        geography.Levels.FirstOrDefault(l => l.Id == id) is { } level ? Of(level.Name).ToLower(Culture) : id switch
        {
            "kind of box" => L("sandık türü", "kind of box"),
            "box" => L("sandık", "box"),
            "none" => L("eşleşmeyen", "none"),
            _ => id,
        };

    /// <summary>
    /// A note of the projection in this language. The projection states its caveats in English; these are their Turkish
    /// forms, pattern by pattern (a note without one is shown as it is).
    /// </summary>
    /// <param name="level">A pooling level's name in this language (the notes name levels by id).</param>
    public string Note(string note, Func<string, string> level)
    {
        if (Language == UiLanguage.En) return note;
        foreach (var (pattern, turkish) in NotePatterns)
        {
            var match = pattern.Match(note);
            if (match.Success) return turkish(match, level);
        }
        return note;
    }

    /// <summary>A count the notes write invariantly (37,568), in Turkish (37.568).</summary>
    private static string Count(string invariant) =>
        long.TryParse(invariant, NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var n) ? Turkish.N(n) : invariant;

    /// <summary>A percentage the notes write invariantly (21 %), in Turkish (%21).</summary>
    private static string Percent(string invariant) => "%" + invariant.Replace("%", "").Trim();

    private static readonly Regex ByLevel = new(@"^(\S+) by (.+)$");

    private static readonly (Regex Pattern, Func<Match, Func<string, string>, string> Turkish)[] NotePatterns =
    [
        (new("^No prior election:"), (_, _) =>
            "Önceki seçim yok: oranlar ve katılım yalnız sayılan sandıklardan, bölge bölge tahmin ediliyor; aralıklar geniş."),
        (new(@"^The prior election (\S+) shares too few choices"), (m, _) =>
            $"Önceki seçim {m.Groups[1].Value} bu seçimle çok az parti paylaşıyor: oranlar yalnız sayılan sandıklardan; önceki seçim yalnız katılım için kullanılıyor."),
        (new(@"^(\S+) of (\S+) boxes \(([^)]+)\) have no prior box of the same code; their prior is their area's: (.*)\.$"), (m, level) =>
            $"{Count(m.Groups[2].Value)} sandığın {Count(m.Groups[1].Value)} tanesinin ({Percent(m.Groups[3].Value)}) önceki seçimde aynı kodlu sandığı yok; " +
            "onlar için bölgelerinin önceki sonucu kullanılıyor: " +
            string.Join(", ", m.Groups[4].Value.Split(", ").Select(part => ByLevel.Match(part) is { Success: true } b
                ? $"{Count(b.Groups[1].Value)} tanesi {level(b.Groups[2].Value)} düzeyinde" : part)) + "."),
        (new("^Some boxes match nothing in the prior election"), (_, _) =>
            "Bazı sandıklar önceki seçimde hiçbir şeyle eşleşmiyor: çevrelerindeki sayılmış sandıklardan tahmin ediliyorlar."),
        (new("^Nothing is counted yet"), (_, _) =>
            "Henüz hiçbir şey sayılmadı: projeksiyon önceki seçimin sonucudur, temkinli varsayılan aralıklarla."),
        (new(@"^Too few counted areas at the (.+) level"), (m, level) =>
            $"{level(m.Groups[1].Value)} düzeyinde ne kadar farklılaştıklarını ölçmek için yeterince sayılmış bölge yok; orada temkinli bir varsayılan yayılım kullanılıyor."),
        (new("^Seats are not projected"), (_, _) =>
            "Sandalyeler tahmin edilmiyor: coğrafyanın seçim çevreleri seçimin sandalye kurallarıyla eşleşmiyor."),
    ];

}
