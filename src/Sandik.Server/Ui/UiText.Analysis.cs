namespace Sandik.Server.Ui;

// The analysis screen's strings.
public sealed partial class UiText
{
    public string NavAnalysis => L("Analiz", "Analysis");
    public string AnalysisTitle => L("Seçim analizi", "Election analysis");
    public string AnalysisIntro => L(
        "Sandalyelerin nerede kıl payı kazanıldığı ve önceki seçime göre oy değişimi: seçim gecesi sayıldıkça, seçimler arasında tamamlanmış sonuçlarla.",
        "Where the seats were won by a hair, and the swing since the prior election: live as the count goes on on election night, from finished results between elections.");
    public string SeatAnalysisTitle => L("Sandalyeler, baraj ve kıl payı sandalyeler", "Seats, the threshold and the closest last seats");
    public string SeatAnalysisOf(string election, long counted, long total) => L(
        $"{election}: {N(counted)} / {N(total)} sandık sayıldı.", $"{election}: {N(counted)} of {N(total)} boxes counted.");
    public string NoSeatsInRace => L("Bu seçimde sandalye dağıtılmıyor.", "This election allocates no seats.");
    public string ThresholdTitle(double threshold) => L($"Ülke barajı ({P(threshold, 0)})", $"National threshold ({P(threshold, 0)})");
    public string Party => L("Parti", "Party");
    public string VoteCount => L("Oy", "Votes");
    public string ThresholdColumn => L("Baraj", "Threshold");
    public string SpareVotes => L("Baraj üstü (+) / altı (−) oy", "Votes to spare (+) or missing (−)");
    public string PassedMark => L("geçti", "passed");
    public string FailedMark => L("kaldı", "below");
    public string LastSeatsTitle => L("En kıl payı kazanılan son sandalyeler", "The closest last seats");
    public string LastSeatsNote => L(
        "Her seçim çevresinin son sandalyesi (D'Hondt'ta en düşük kazanan bölüm) ve onu alacak sıradaki parti. \"Geçmesi gereken seçmen\": son sandalyeyi alan partiden sıradaki partiye oy verseydi sandalyeyi değiştirecek en az seçmen; \"Ek oy\": yalnız sıradaki partiye gelecek en az yeni oy. Öteki partilerin oyu aynı kalır.",
        "Each electoral district's last seat (the lowest winning D'Hondt quotient) and the party next in line for it. \"Voters to move\": the fewest voters of the holder who, voting for the challenger instead, would have moved the seat; \"extra votes\": the fewest new votes for the challenger alone. Every other party's votes stay as they are.");
    public string Constituency => L("Seçim çevresi", "Electoral district");
    public string LastSeatHolder => L("Son sandalye", "Last seat");
    public string NextInLine => L("Sıradaki", "Next in line");
    public string QuotientGap => L("Bölüm farkı", "Quotient gap");
    public string VotesToMove => L("Geçmesi gereken seçmen", "Voters to move");
    public string VotesToGain => L("Ek oy", "Extra votes");
    public string ShareOfValid => L("Geçerli oyun payı", "Share of valid votes");
    public string NthSeat(int seat) => L($"{N(seat)}. sandalye", seat switch { 1 => "1st seat", 2 => "2nd seat", 3 => "3rd seat", _ => $"{N(seat)}th seat" });
    public string SwingTitle(string prior) => L($"{prior} seçimine göre oy değişimi", $"Swing since {prior}");
    public string SwingNote => L(
        "Bölgeler koduyla, partiler kimliğiyle eşleşir. Değişim puan olarak: şimdiki oy oranı eksi önceki. Seçim gecesi bir bölgenin sayımı eksikse değişim de eksiktir: sayılan sandık sütununa bakın.",
        "Areas are matched by code, parties by id. Swing in points: the share now less the share then. On election night an area still being counted has a partial swing: see the boxes counted.");
    public string NoPriorElection => L("Önceki seçim yüklenmedi: sunucuyu --prior-election ile başlatın.", "No prior election is loaded: start the server with --prior-election.");
    public string CountedBoxes => L("Sayılan sandık", "Boxes counted");
    public string TurnoutNow => L("Katılım", "Turnout");
    public string Change => L("Değişim", "Change");
    public string Now => L("Şimdi", "Now");
    public string Then => L("Önce", "Then");
    public string SortBySwing(string party) => L($"{party} değişimine göre sırala", $"Sort by {party}'s swing");
    public string ElectionServed => L("Bu seçim", "This election");
    public string PriorElectionTab => L("Önceki seçim", "Prior election");

    /// <summary>A signed difference in points, one decimal: +4,3 / −2,1.</summary>
    public string SignedPoints(double share)
    {
        var points = Math.Round(share * 100, 1);
        return (points > 0 ? "+" : points < 0 ? "−" : "") + Math.Abs(points).ToString("0.0", Culture);
    }

    /// <summary>A signed whole number: +404.513 / −12.</summary>
    public string SignedN(double value)
    {
        var rounded = (long)Math.Round(value);
        return (rounded > 0 ? "+" : rounded < 0 ? "−" : "") + N(Math.Abs(rounded));
    }
}
