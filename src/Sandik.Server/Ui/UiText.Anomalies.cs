using Sandik.Domain.Anomalies;

namespace Sandik.Server.Ui;

// The anomalies screen's strings.
public sealed partial class UiText
{
    public string NavAnomalies => L("Şüpheli sandıklar", "Anomalies");
    public string AnomaliesTitle => L("İncelenmesi gereken sandıklar", "Boxes to look at");
    public string AnomaliesPreparing => L("Sıralama hazırlanıyor: ilk tarama sürüyor…", "The ranking is being prepared: the first scan is running…");
    public string AnomaliesAllSources => L("Tüm kaynaklar güven sırasıyla uzlaştırılarak hesaplanır; kaynak görünümü bu sayfayı değiştirmez.",
        "Computed over all sources reconciled by trust; the source view does not change this screen.");
    public string AnomaliesStatus(int scored, DateTimeOffset? refreshed, int pending) => L(
        $"{N(scored)} sandık sıralandı. İstatistikler {(refreshed is { } r ? Time(r) : "—")} itibarıyla; o zamandan beri {N(pending)} sandık eski istatistiklerle yeniden puanlandı.",
        $"{N(scored)} boxes ranked. Statistics as of {(refreshed is { } r2 ? Time(r2) : "—")}; {N(pending)} boxes rescored against them since.");
    public string AnomaliesShown(int shown) => L($"En şüpheliden başlayarak {N(shown)} sandık.", $"{N(shown)} boxes, most suspicious first.");
    public string NoAnomalies => L("Bu süzgeçle eşleşen sandık yok.", "No box matches these filters.");
    public string AllProvinces => L("Tüm iller", "All provinces");
    public string AllChecks => L("Tüm denetimler", "All checks");
    public string Check => L("Denetim", "Check");
    public string MinScore => L("En düşük puan", "Minimum score");
    public string Score => L("Puan", "Score");
    public string Rank => L("Sıra", "Rank");
    public string Why => L("Neden", "Why");
    public string District => L("İlçe", "District");
    public string Neighbourhood => L("Mahalle", "Neighbourhood");
    public string ScoreHint => L("Puan ≈ −log10(bu kadar tuhaf sandıkların payı): 2 yüz sandıkta bir, 4 on bin sandıkta bir.",
        "Score ≈ −log10(share of boxes this odd): 2 is one box in a hundred, 4 one in ten thousand.");
    public string FlaggedTitle => L("İşaretlenen sandıklar", "Flagged boxes");
    public string FlaggedNote(int flagged, int scored) => L(
        $"Tüm sandıkların en şüpheli %1'i ({N(flagged)} / {N(scored)}), il il. Haritada ilçe sınırları olmadığından ilçeler tabloda.",
        $"The most suspicious 1% of all boxes ({N(flagged)} of {N(scored)}), by province. The map has no district outlines, so districts are in the table.");
    public string FlaggedBoxes => L("İşaretli", "Flagged");
    public string TopScore => L("En yüksek puan", "Top score");
    public string ReinforcementTitle => L("Ek müşahit gereken sandıklar", "Boxes needing an extra observer");
    public string ReinforcementNote => L("Bir sonraki tur için işaretlenen sandıklar ilçe ilçe, en çok sandığı olan ilçe önce.",
        "The flagged boxes district by district, for the next round; districts with most boxes first.");
    public string NoFlagged => L("Bu bölgede işaretlenen sandık yok.", "No flagged box in this area.");
    public string ShowAll => L("Tümünü göster", "Show all");

    public string CheckName(AnomalyCheck check) => check switch
    {
        AnomalyCheck.Arithmetic => L("Tutanak hesabı", "Arithmetic"),
        AnomalyCheck.Register => L("Seçmen listesi", "Register"),
        AnomalyCheck.Turnout => L("Katılım", "Turnout"),
        AnomalyCheck.InvalidShare => L("Geçersiz oy oranı", "Invalid share"),
        AnomalyCheck.ChoiceShare => L("Parti oy oranı", "Choice share"),
        AnomalyCheck.Swing => L("Önceki seçimden değişim", "Swing"),
        AnomalyCheck.Pattern => L("Hile örüntüsü", "Manipulation pattern"),
        AnomalyCheck.Sources => L("Kaynak farkı", "Sources disagree"),
        AnomalyCheck.Digits => L("Yuvarlak sayılar", "Round counts"),
        AnomalyCheck.Duplicate => L("Kopya tutanak", "Copied sheet"),
        AnomalyCheck.Transcription => L("Yazım hatası", "Transcription slip"),
        _ => check.Id(),
    };

    /// <summary>An anomaly score with two decimals: 46,40 / 46.40.</summary>
    public string Score2(double score) => score.ToString("0.00", Culture);
}
