namespace Sandik.Server.Ui;

/// <summary>The languages of the operations centre: Turkish (the default) and English.</summary>
public enum UiLanguage
{
    Tr,
    En,
}

public static class UiLanguages
{
    /// <summary>The cookie that keeps a browser's choice between visits.</summary>
    public const string Cookie = "sandik-lang";

    /// <summary>Reads "tr", "en", "en-GB"…; Turkish unless English is asked for.</summary>
    public static UiLanguage Parse(string? text) =>
        text is not null && text.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? UiLanguage.En : UiLanguage.Tr;

    public static string Code(this UiLanguage language) => language == UiLanguage.En ? "en" : "tr";
}
