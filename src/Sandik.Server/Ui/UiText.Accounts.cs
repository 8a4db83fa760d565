using Sandik.Server.Audit;
using Sandik.Server.Identity;

namespace Sandik.Server.Ui;

// The administration screens' words: roles, audited actions, the new-user form.
public sealed partial class UiText
{
    /// <summary>A role's name in this language; the id itself for a role this version does not know.</summary>
    public string RoleName(string role) => role switch
    {
        Roles.Administrator => L("Yönetici", "Administrator"),
        Roles.HqAnalyst => L("Genel merkez analisti", "HQ analyst"),
        Roles.ProvinceCoordinator => L("İl koordinatörü", "Province coordinator"),
        Roles.DistrictCoordinator => L("İlçe koordinatörü", "District coordinator"),
        Roles.CallCentre => L("Çağrı merkezi", "Call centre"),
        Roles.DataEntry => L("Veri girişi", "Data entry"),
        Roles.Viewer => L("İzleyici", "Viewer"),
        _ => role,
    };

    /// <summary>What an audited action did, in this language; the id itself for an action this version does not know.</summary>
    public string AuditAction(string action) => action switch
    {
        AuditActions.BoxOverride => L("Sandığın sayılan tutanağı düzeltildi", "Box tally overridden"),
        AuditActions.SourceRanks => L("Kaynakların güven sırası değişti", "Source trust ranks changed"),
        AuditActions.SourceAdd => L("Kaynak eklendi", "Source added"),
        AuditActions.SourceRetire => L("Kaynak sayımdan çıkarıldı", "Source retired from the count"),
        AuditActions.SourceReinstate => L("Kaynak sayıma geri alındı", "Source taken back into the count"),
        AuditActions.UserCreate => L("Kullanıcı oluşturuldu", "User created"),
        AuditActions.UserChange => L("Kullanıcının rolü ya da bölgesi değişti", "User's role or area changed"),
        AuditActions.UserDisable => L("Kullanıcı devre dışı bırakıldı", "User disabled"),
        AuditActions.UserEnrolSecondFactor => L("Doğrulama uygulaması eklendi", "Authenticator enrolled"),
        AuditActions.UserResetSecondFactor => L("Doğrulama uygulaması sıfırlandı", "Authenticator reset"),
        AuditActions.KeyIssue => L("API anahtarı verildi", "API key issued"),
        AuditActions.KeyRevoke => L("API anahtarı iptal edildi", "API key revoked"),
        _ => action,
    };

    public string Yes => L("evet", "yes");
    public string No => L("hayır", "no");
    public string UserNameLabel => L("Kullanıcı adı", "User name");
    public string RoleLabel => L("Rol", "Role");
    public string ScopeLabel => L("Bölge", "Area");
    public string ScopeHint => L("bölge kodu, ör. 34 ya da 34/Kadıköy (boş: tüm ülke)", "area code, e.g. 34 or 34/Kadıköy (empty: whole country)");
}
