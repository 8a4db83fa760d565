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
}
