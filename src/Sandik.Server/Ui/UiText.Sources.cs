using Sandik.Domain.Submissions;
using Sandik.Server.Audit;

namespace Sandik.Server.Ui;

// The sources screen's administration: adding a source, retiring one from the count, taking it back.
public sealed partial class UiText
{
    public string Retired => L("sayım dışı", "retired");
    public string RetiredNote => L("Sayım dışı kaynakların tutanakları sandık geçmişinde ve kaynak seçilerek görülebilir; tüm kaynakların sayımına girmez.",
        "A retired source's sheets stay on each box's history and in a view that names it; the count of all sources leaves them out.");
    public string RanksTitle => L("Güven sırasını değiştir", "Change trust ranks");
    public string RanksHelp => L("Her sandık en güvenilir kaynağından sayılır (1 en güvenilir). Değişiklik tüm sandıklara hemen uygulanır; adınız ve gerekçenizle denetim kaydına yazılır.",
        "Each box is counted from its best-ranked source (1 is the most trusted). A change applies at once to every box and is written to the audit trail with your name and reason.");
    public string ApplyRanks => L("Uygula", "Apply");
    public string RanksChanged(long boxes) => L($"Güven sırası değişti: {N(boxes)} sandık artık farklı sayılıyor.", $"Ranks changed: {N(boxes)} boxes are now counted otherwise.");
    public string AddSourceTitle => L("Kaynak ekle", "Add a source");
    public string AddSourceHelp => L("Yeni kaynak hemen anahtar alıp tutanak gönderebilir; en güvenilir gönderen olduğu sandıklarda sayılır.",
        "A new source can be issued keys and send at once; it counts where it is the best-ranked sender.");
    public string SourceIdLabel => L("Kimlik (ör. ortak-stk)", "Id (e.g. partner-ngo)");
    public string SourceNameTr => L("Türkçe adı", "Name in Turkish");
    public string SourceNameEn => L("İngilizce adı (isteğe bağlı)", "Name in English (optional)");
    public string ReasonRequired => L("Gerekçe (zorunlu)", "Reason (required)");
    public string AddSource => L("Ekle", "Add");
    public string RetireTitle => L("Sayımdan çıkar / geri al", "Retire from the count / take back");
    public string RetireHelp => L("Güvenilmez bulunan bir kaynak sayımdan çıkarılır: tutanakları silinmez, sandıklar bir sonraki en güvenilir kaynaktan sayılır ve yeni tutanak gönderemez. Geri alınınca eskisi gibi sayılır.",
        "A source found unreliable is retired: nothing it sent is deleted, its boxes are counted from the next best-ranked source, and it may not send more. Taken back, it counts as before.");
    public string RetireAction => L("Sayımdan çıkar", "Retire");
    public string ReinstateAction => L("Sayıma geri al", "Take back");
    public string SourcesBusy => L("Kaynaklar şu an değiştirilemedi (veritabanı yanıt vermedi); hiçbir şey uygulanmadı. Yeniden deneyin.",
        "The sources could not be changed now (the store did not answer); nothing was applied. Try again.");
    public string SourceAdded(string name, long boxes) => L($"{name} eklendi; {N(boxes)} sandık farklı sayılıyor.", $"{name} added; {N(boxes)} boxes are counted otherwise.");
    public string SourceRetiredDone(string name, long boxes) => L($"{name} sayımdan çıkarıldı: {N(boxes)} sandık artık farklı sayılıyor.", $"{name} retired: {N(boxes)} boxes are now counted otherwise.");
    public string SourceReinstatedDone(string name, long boxes) => L($"{name} sayıma geri alındı: {N(boxes)} sandık artık farklı sayılıyor.", $"{name} taken back: {N(boxes)} boxes are now counted otherwise.");
    public string AppliesAfterRestart => L(" Bu sunucu kayıtlı olanlardan farklı kaynaklarla çalışıyor: değişiklik yeniden başlatıldığında geçerli olur.",
        " This server serves other sources than those stored: the change applies when it next starts.");

    /// <summary>A refusal of a source change in this language (the service's messages are English).</summary>
    public string SourceRefusal(FieldError error, Func<string, string> sourceName) => Language == UiLanguage.En ? error.Message : (error.Field, error.Code) switch
    {
        ("reason", _) => $"Değişikliğin gerekçesini yazın (1–{BoxOverride.MaxReason} karakter).",
        ("ranks", _) => "En az bir kaynağın yeni sırasını girin.",
        ("id", "format") => "Kaynak kimliği 2–40 küçük harf, rakam ya da tireden oluşur ve harfle başlar (ör. 'ortak-stk').",
        ("id", "taken") => "Bu kimlikte bir kaynak zaten var.",
        ("id", "full") => $"Bir seçimde en çok {Sandik.Domain.Sources.SourceCatalog.MaxSources} kaynak olabilir.",
        ("id", "fixed") => "Genel merkez düzeltmesi her zaman sayılır.",
        ("id", "unchanged") => "Kaynak zaten bu durumda.",
        ("id", "last") => "Genel merkez düzeltmesi dışında en az bir kaynak sayımda kalmalı.",
        ("id", "unknown") => "Böyle bir kaynak yok.",
        ("name.tr", _) => $"Kaynağın Türkçe adını yazın (1–{SourceEdits.MaxName} karakter).",
        ("name.en", _) => $"İngilizce ad en çok {SourceEdits.MaxName} karakter olabilir.",
        ("trustRank", _) => "Güven sırasını 1'den (en güvenilir) başlayarak girin.",
        (_, "unknown") => $"'{error.Field["ranks.".Length..]}' diye bir kaynak yok.",
        (_, "fixed") => "Genel merkez düzeltmesi her zaman ilk sıradadır.",
        (_, "range") => $"{sourceName(error.Field["ranks.".Length..])}: sıralar 1'den başlar (0 genel merkez düzeltmesinindir).",
        _ => error.Message,
    };
}
