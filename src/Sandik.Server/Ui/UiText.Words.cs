namespace Sandik.Server.Ui;

// The strings themselves, by screen.
public sealed partial class UiText
{
    // Frame and navigation
    public string Brand => "Sandık";
    public string Tagline => L("Seçim gecesi operasyon merkezi", "Election-night operations centre");
    public string NavOverview => L("Genel bakış", "Overview");
    public string NavSources => L("Kaynaklar", "Sources");
    public string NavMap => L("Harita", "Map");
    public string NavAreas => L("Bölgeler", "Areas");
    public string NavConflicts => L("Çelişkiler", "Conflicts");
    public string NavCalls => L("Aranacaklar", "Calls");
    public string LanguageLabel => L("Dil", "Language");
    public string OtherLanguage => L("English", "Türkçe");
    public string LastUpdate => L("Son güncelleme", "Last update");
    public string Loading => L("Yükleniyor…", "Loading…");
    public string NotFound => L("Sayfa bulunamadı.", "Page not found.");
    public string ForbiddenTitle => L("Bu sayfa size kapalı", "Not available to you");
    public string ForbiddenHelp => L("Rolünüz ya da bölgeniz bu ekranı kapsamıyor. Gerekiyorsa bir yöneticiye başvurun.",
        "Your role or area does not include this screen. Ask an administrator if you need it.");

    // Source view
    public string SourceView => L("Kaynak görünümü", "Source view");
    public string AllSourcesReconciled => L("Tüm kaynaklar (uzlaştırılmış)", "All sources (reconciled)");
    public string ChooseAll => L("Tümü", "All");
    public string Apply => L("Uygula", "Apply");
    public string SourcesChosen(int count) => L($"{count} kaynak", count == 1 ? "1 source" : $"{count} sources");
    public string UnknownSources(string ids) => L($"Bilinmeyen kaynak: {ids}. Tüm kaynaklar gösteriliyor.", $"Unknown source: {ids}. Showing all sources.");
    public string TrustRank => L("Güven sırası", "Trust rank");

    // Figures
    public string Nationwide => L("Ülke geneli", "Nationwide");
    public string BoxesCounted => L("Sayılan sandık", "Boxes counted");
    public string RegisteredCovered => L("Kapsanan kayıtlı seçmen", "Registered voters covered");
    public string Turnout => L("Katılım", "Turnout");
    public string Registered => L("Kayıtlı seçmen", "Registered");
    public string Voted => L("Oy kullanan", "Voted");
    public string Valid => L("Geçerli oy", "Valid votes");
    public string Invalid => L("Geçersiz oy", "Invalid votes");
    public string Votes => L("Oy", "Votes");
    public string Share => L("Oran", "Share");
    public string Choice => L("Parti / aday", "Party / candidate");
    public string Leader => L("Önde", "Leader");
    public string Margin => L("Fark", "Margin");
    public string Counted => L("Sayılan", "Counted");
    public string Confirmed => L("Doğrulanan", "Confirmed");
    public string Conflicts => L("Çelişkili", "Conflicts");
    public string Boxes => L("Sandık", "Boxes");
    public string Name => L("Ad", "Name");
    public string OutOf(long part, long whole) => L($"{N(part)} / {N(whole)}", $"{N(part)} of {N(whole)}");
    public string Results => L("Sonuçlar", "Results");

    // Tables
    public string FilterPlaceholder => L("Ada göre süz…", "Filter by name…");
    public string DownloadCsv => L("CSV indir", "Download CSV");
    public string RowsShown(int shown, int total) => L($"{N(shown)} / {N(total)} satır", $"{N(shown)} of {N(total)} rows");
    public string ResultsBy(string level) => L($"{level} sonuçları", $"Results by {level.ToLowerInvariant()}");
    public string BallotBoxes => L("Sandıklar", "Ballot boxes");
    public string SortHint => L("Sıralamak için başlığa tıklayın", "Click a heading to sort");
    public string NoArea(string code) => L($"Böyle bir bölge yok: {code}", $"There is no area {code}");
    public string NoRows => L("Gösterilecek satır yok.", "No rows to show.");

    // Sources page
    public string SourcesTitle => L("Kaynaklardan veri akışı", "Data flow from the sources");
    public string BoxesReceived => L("Gelen sandık", "Boxes received");
    public string OnlyThisSource => L("Yalnız bu kaynakta", "Only this source has");
    public string InConflicts => L("Çelişkide", "In conflicts");
    public string ReceivedOverTime => L("Zamana göre gelen sandık sayısı", "Boxes received over time");
    public string NoSamplesYet => L("Henüz örnek yok.", "No samples yet.");

    // Map
    public string MapTitle => L("İllere göre harita", "Map by province");
    public string MetricLeader => L("Önde giden", "Leader");
    public string MetricMargin => L("Fark", "Margin");
    public string MetricTurnout => L("Katılım", "Turnout");
    public string MetricCounted => L("Sayılan %", "Counted %");
    public string MapHint => L("Ayrıntı için bir ile tıklayın.", "Click a province for its details.");
    public string MapUnavailable => L("İl haritası yüklenemedi.", "The province map could not be loaded.");
    public string Province => L("İl", "Province");
    public string NotCounted => L("Sayılmadı", "Not counted");

    // Box page
    public string BallotBox => L("Sandık", "Ballot box");
    public string StatusLabel => L("Durum", "Status");
    public string Source => L("Kaynak", "Source");
    public string Received => L("Alındı", "Received");
    public string Evidence => L("Kanıt", "Evidence");
    public string CountSheet => L("tutanak", "count sheet");
    public string CountedMark => L("sayılan", "counted");
    public string Field => L("Alan", "Field");
    public string Differences => L("Farklar", "Differences");
    public string History => L("Geçmiş", "History");
    public string HistoryNote => L("Bu sandık için kayda geçen her gönderim (reddedilenler dahil), en yenisi üstte.", "Every submission logged for this box, rejected ones included, newest first.");
    public string Sequence => L("Sıra", "Sequence");
    public string Accepted => L("Kabul edildi", "Accepted");
    public string Rejected => L("Reddedildi", "Rejected");
    public string Reporter => L("Gönderen", "Reporter");
    public string NoBox(string code) => L($"Böyle bir sandık yok: {code}", $"There is no box {code}");
    public string NoBoxCode => L("Sandık kodu verilmedi (ör. ?code=34/Kadıköy/1001).", "No box code given (e.g. ?code=34/Kadıköy/1001).");
    public string NotSentInView => L("Bu görünümdeki hiçbir kaynak bu sandığı göndermedi.", "No source in this view has sent this box.");

    // Conflicts page
    public string ConflictsTitle => L("Kaynakları çelişen sandıklar", "Boxes whose sources disagree");
    public string ConflictsNote(int first, int last, int total) => L(
        $"{N(total)} sandıktan {N(first)}–{N(last)} arası, en büyük farktan başlayarak.", $"Showing {N(first)}–{N(last)} of {N(total)} boxes, largest disagreement first.");
    public string Pages => L("Sayfalar", "Pages");
    public string PreviousPage => L("Önceki", "Previous");
    public string NextPage => L("Sonraki", "Next");
    public string PageOf(int page, int pages) => L($"Sayfa {N(page)} / {N(pages)}", $"Page {N(page)} of {N(pages)}");
    public string Disagreement => L("Fark (oy)", "Disagreement (votes)");
    public string DisagreeingSources => L("Ayrışan kaynaklar", "Disagreeing sources");
    public string Area => L("Bölge", "Area");
    public string NoConflicts => L("Bu görünümde çelişen sandık yok.", "No box has disagreeing sources in this view.");

    // Call list
    public string CallsTitle => L("Aranacak sandıklar", "Boxes to call");
    public string CallsNote(int outstanding, long registered, int golden, int shown) => L(
        $"Hiçbir kaynaktan gelmeyen {N(outstanding)} sandık ({N(registered)} kayıtlı seçmen), {N(golden)} tanesi altın sandık. İlk {N(shown)} tanesi öncelik sırasıyla: önce altın sandıklar, sonra seçmeni en çok olanlar.",
        $"{N(outstanding)} boxes no source has reported ({N(registered)} registered voters), {N(golden)} of them golden. The first {N(shown)} by priority: golden boxes first, then those with the most voters.");
    public string NoCalls => L("Bu bölgede gelmeyen sandık yok.", "Every box of this area has reported.");
    public string Golden => L("Altın sandık", "Golden box");
    public string EnterPhonedSheet => L("Tutanağı gir", "Enter the sheet");
    public string OverrideBox => L("Sayılan tutanağı düzelt", "Override the counted tally");
    public string ClaimCall => L("Arıyorum", "I'll call");
    public string YouAreCalling => L("Siz arıyorsunuz", "You are calling");
    public string ReleaseCall => L("Bırak", "Let go");
    public string IsCalling(string name) => L($"{name} arıyor", $"{name} is calling");
    public string CallGaps => L("Gelmeyenler bölgeye göre", "Outstanding by area");
    public string CallsScopeRefused => L("Bu bölge yetki alanınızın dışında.", "This area is outside your scope.");
}
