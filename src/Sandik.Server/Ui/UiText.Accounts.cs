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

// The audit trail screen.
public sealed partial class UiText
{
    public string AuditTitle => L("Denetim kaydı", "Audit trail");
    public string AuditHelp => L("Tüm elle yapılan işlemler, en yenisi önce. Kayıt değiştirilemez.", "Every manual action, newest first. The trail cannot be edited.");
    public string AuditWhen => L("Zaman", "When");
    public string AuditWho => L("Kim", "Who");
    public string AuditWhat => L("İşlem", "Action");
    public string AuditTarget => L("Hedef", "Target");
    public string AuditReason => L("Gerekçe", "Reason");
    public string AuditBefore => L("Önce", "Before");
    public string AuditAfter => L("Sonra", "After");
    public string Older => L("Daha eski", "Older");

    /// <summary>A field of a recorded state, in this language; the recorded key itself for one this version does not name (a source id, a choice).</summary>
    public string AuditFieldName(string key) => key switch
    {
        "name" => L("Ad", "Name"),
        "nameEn" => L("İngilizce ad", "English name"),
        "role" => L("Rol", "Role"),
        "scope" => L("Bölge", "Area"),
        "twoFactor" => L("İki aşamalı doğrulama", "Second factor"),
        "disabled" => L("Devre dışı", "Disabled"),
        "id" => L("Kimlik", "Id"),
        "source" => L("Kaynak", "Source"),
        "label" => L("Etiket", "Label"),
        "createdAt" => L("Oluşturulma", "Created"),
        "revokedAt" => L("İptal", "Revoked"),
        "issuedBy" => L("Veren", "Issued by"),
        "trustRank" => L("Güven sırası", "Trust rank"),
        "retired" => L("Sayım dışı", "Retired"),
        "registered" => L("Kayıtlı seçmen", "Registered"),
        "voted" => L("Oy kullanan", "Voted"),
        "valid" => L("Geçerli oy", "Valid votes"),
        "invalid" => L("Geçersiz oy", "Invalid votes"),
        "votes" => L("Oylar", "Votes"),
        _ => key,
    };

    /// <summary>A recorded value as a person reads it: a role by its name, a time in this language's format.</summary>
    public string AuditFieldValue(string key, string value) => key switch
    {
        "role" => RoleName(value),
        _ when key.EndsWith("At", StringComparison.Ordinal)
            && DateTimeOffset.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind, out var at) => DateTime(at),
        _ => value,
    };
}

// The users screen.
public sealed partial class UiText
{
    public string UsersTitle => L("Kullanıcılar", "Users");
    public string AuditShort => L("Denetim", "Audit");
    public string SignOut => L("Çıkış", "Sign out");
    public string NewUserTitle => L("Yeni kullanıcı", "New user");
    public string NewUserHelp => L("İlk parola üretilir ve burada bir kez gösterilir; yöneticiler ve koordinatörler ilk girişte doğrulama uygulaması ekler.",
        "The first password is generated and shown here once; administrators and coordinators enrol an authenticator app when they first sign in.");
    public string UserNamePlaceholder => L("kullanıcı adı", "user name");
    public string ScopePlaceholder => L("bölge (boş: tüm ülke)", "area (empty: whole country)");
    public string Create => L("Oluştur", "Create");
    public string UserColumn => L("Kullanıcı", "User");
    public string AreaColumn => L("Bölge", "Area");
    public string UserDisabled => L("devre dışı", "disabled");
    public string DisableUser => L("Devre dışı bırak", "Disable");
    public string FirstPassword => L("ilk parola", "first password");
    public string UserDisabledDone => L("devre dışı; oturumlar kapandı, anahtarlar iptal", "disabled; sessions ended, keys revoked");
}
