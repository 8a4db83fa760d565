namespace Sandik.Server.Ui;

// The public results page's strings.
public sealed partial class UiText
{
    public string PublicTitle => L("Sonuçlar", "Results");
    public string PublicNation => L("Türkiye geneli", "The whole country");
    public string LanguageChoice => L("Dil", "Language");
    public string PublicCounted(long counted, long total, double share) =>
        L($"{N(counted)} / {N(total)} sandık açıldı ({P(share)})", $"{N(counted)} of {N(total)} boxes counted ({P(share)})");
    public string PublicReloads => L("sayfa 30 saniyede bir yenilenir", "the page reloads every 30 seconds");
    public string PublicNote => L(
        "Sandık sonuç tutanaklarından, tüm kaynaklar güven sırasıyla uzlaştırılarak. Resmî sonuçlar Yüksek Seçim Kurulunca ilan edilir.",
        "From the boxes' count sheets, every source reconciled by trust. The official results are announced by the Supreme Election Council.");

    public string PublicRequestInvite => L("Bir sorun mu var, gönüllü mü olmak istiyorsunuz? Bize yazın.", "A problem to report, or want to volunteer? Write to us.");
    public string PublicRequestTitle => L("Başvuru", "Write to us");
    public string PublicRequestHelp => L("Sandığınızı soramadıysanız, bir usulsüzlük gördüyseniz ya da gönüllü olmak istiyorsanız yazın; il örgütümüz size dönsün.",
        "Ask where you vote, report an irregularity you saw, or offer to volunteer; our province organisation calls you back.");
    public string PublicRequestNoProvince => L("(il seçin)", "(choose a province)");
    public string PublicRequestText => L("Mesajınız", "Your message");
    public string PublicRequestName => L("Adınız (isteğe bağlı)", "Your name (optional)");
    public string PublicRequestContact => L("Telefon ya da e-posta (size dönmemiz için)", "Phone or e-mail (for us to call back)");
    public string PublicRequestSend => L("Gönder", "Send");
    public string PublicRequestSaved(long id) => L($"Başvurunuz alındı. Numarası: {N(id)}. Bizi ararsanız bu numarayı söyleyin.",
        $"Your request is in. Its number: {N(id)}. Quote it if you call us.");
    public string PublicRequestAnother => L("Yeni başvuru", "Another request");
    public string PublicRequestPrivacy => L("Adınız ve iletişim bilginiz yalnız size dönecek görevlilere gösterilir.",
        "Your name and contact are shown only to the staff who call you back.");
}
