using Sandik.Storage.Incidents;

namespace Sandik.Server.Ui;

// The incidents screens' strings.
public sealed partial class UiText
{
    public string NavIncidents => L("Olaylar", "Incidents");
    public string IncidentsTitle => L("Sahadan olaylar ve vatandaş başvuruları", "Field incidents and citizens' requests");
    public string IncidentsIntro => L(
        "Müşahitlerin ve gönüllülerin sandıktan bildirdikleri ile çağrı merkezine gelen vatandaş başvuruları. Liste her 5 saniyede yenilenir.",
        "What observers and volunteers report from the boxes, and what citizens ask the call centre. The list refreshes every 5 seconds.");
    public string ReportTitle => L("Olay bildir", "Report an incident");
    public string KindLabel => L("Tür", "Kind");
    public string CategoryLabel => L("Konu", "Category");
    public string BoxCodeLabel => L("Sandık kodu (varsa)", "Box code (if any)");
    public string AreaCodeLabel => L("Yoksa bölge kodu (il, ilçe, mahalle)", "Otherwise an area code (province, district, neighbourhood)");
    public string WhatHappened => L("Ne oldu?", "What happened?");
    public string ContactLabel => L("Geri dönüş için telefon veya adres (vatandaş)", "Phone or address to call back (citizen)");
    public string SendReport => L("Kaydet", "Save");
    public string ReportSaved(long id) => L($"Kaydedildi: olay #{N(id)}.", $"Saved: incident #{N(id)}.");
    public string AllKinds => L("Tüm türler", "All kinds");
    public string AllStatuses => L("Tüm durumlar", "All statuses");
    public string NoIncidents => L("Bu süzgeçle eşleşen olay yok.", "No incident matches these filters.");
    public string IncidentsShown(int shown) => L($"En yeniden başlayarak {N(shown)} kayıt.", $"{N(shown)} records, newest first.");
    public string When => L("Zaman", "When");
    public string Where => L("Yer", "Where");
    public string ReportedBy => L("Bildiren", "Reported by");
    public string AssigneeLabel => L("İlgilenen", "Handled by");
    public string IncidentTitle(long id) => L($"Olay #{N(id)}", $"Incident #{N(id)}");
    public string NoSuchIncident => L("Böyle bir olay yok ya da yetki alanınızın dışında.", "There is no such incident, or it lies outside your scope.");
    public string HandlingTitle => L("İşlem geçmişi", "Handling");
    public string NoHandling => L("Henüz işlem yok.", "Nothing done yet.");
    public string HandleTitle => L("İşlem ekle", "Add a step");
    public string NoteLabel => L("Not", "Note");
    public string KeepStatus => L("Durum aynı kalsın", "Keep the status");
    public string SaveStep => L("Kaydet", "Save");
    public string StepSaved => L("İşlem kaydedildi.", "Step saved.");
    public string StaleIncident => L("Olay siz bakarken değişti; güncel hali gösteriliyor. İşleminizi yeniden girin.",
        "The incident changed while you were looking; it is shown as it is now. Enter your step again.");
    public string BackToIncidents => L("Olaylara dön", "Back to incidents");
    public string ReportAtBox => L("Bu sandıkta olay bildir", "Report an incident at this box");
    public string IncidentsOfBox(string box) => L($"Yalnız {box} sandığının kayıtları", $"Only the records of box {box}");
    public string Contact => L("İletişim", "Contact");
    public string WhyItStandsOut => L("Neden dikkat çekiyor", "Why it stands out");
    public string FlaggedMark => L("İşaretli: tüm sandıkların en şüpheli %1'i içinde", "Flagged: among the most suspicious 1% of all boxes");
    public string NotFlaggedMark => L("İşaretli değil", "Not flagged");
    public string AskObserver => L("Bu sandığa müşahit gönderilsin", "Ask for an observer at this box");
    public string ObserverAsked(long id) => L($"İstek kaydedildi: olay #{N(id)}", $"Request saved: incident #{N(id)}");
    public string ObserverRequestText(double score, IEnumerable<string> reasons) =>
        L($"Şüpheli sandık (puan {score.ToString("0.0", Culture)}): ", $"Suspicious box (score {score.ToString("0.0", Culture)}): ") + string.Join(" ", reasons);

    public string Kind(string kind) => kind switch
    {
        IncidentKinds.Citizen => L("Vatandaş başvurusu", "Citizen's request"),
        _ => L("Saha olayı", "Field incident"),
    };

    public string Category(string category) => category switch
    {
        "observer-refused" => L("Müşahit içeri alınmadı", "Observer turned away"),
        "sheet-withheld" => L("Tutanak verilmedi", "Count sheet withheld"),
        "count-irregularity" => L("Sayımda usulsüzlük", "Irregular count"),
        "pressure" => L("Seçmene baskı", "Pressure on voters"),
        "box-seal" => L("Sandık mührü", "Box seal"),
        "voter-list" => L("Seçmen listesi", "Voter list"),
        "violence" => L("Şiddet", "Violence"),
        "observer-needed" => L("Ek müşahit gerekli", "Observer needed"),
        "where-to-vote" => L("Nerede oy kullanacağım", "Where do I vote"),
        "volunteer" => L("Gönüllü olmak istiyor", "Wants to volunteer"),
        "irregularity" => L("Usulsüzlük ihbarı", "Reports an irregularity"),
        _ => L("Diğer", "Other"),
    };

    public string IncidentStatusName(string status) => status switch
    {
        IncidentStatus.InProgress => L("İlgileniliyor", "In progress"),
        IncidentStatus.Resolved => L("Çözüldü", "Resolved"),
        _ => L("Açık", "Open"),
    };

    /// <summary>A refusal of the incident desk in this language, by the field and code it names.</summary>
    public string IncidentError(string field, string code, string english) => (field, code) switch
    {
        ("box", "unknown") => L("Böyle bir sandık yok.", english),
        ("box", "forbidden") => L("Bu sandık yetki alanınızın dışında.", english),
        ("box", "required") => L("Sandığı ya da, tek sandığı ilgilendirmiyorsa, bölgeyi yazın.", english),
        ("area", "unknown") => L("Böyle bir bölge yok.", english),
        ("area", "forbidden") => L("Bu bölge yetki alanınızın dışında.", english),
        ("text", "required") => L("Ne olduğunu yazın.", english),
        ("text", "too_long") or ("note", "too_long") => L($"Metin en çok {N(Sandik.Server.Incidents.IncidentDesk.MaxText)} karakter olabilir.", english),
        ("note", "required") => L("Bir not, yeni bir durum ya da ilgilenen yazın.", english),
        ("category", _) => L("Bir konu seçin.", english),
        (_, "too_long") => L($"En çok {N(Sandik.Server.Incidents.IncidentDesk.MaxShort)} karakter olabilir.", english),
        (_, "forbidden") => L("Bunu yapmaya yetkiniz yok.", english),
        (_, "too_many") => L("Bu adresten kısa sürede çok fazla başvuru geldi; bir dakika sonra yeniden gönderin.", english),
        _ => english,
    };
}
