using System.Globalization;
using Sandik.Domain;
using Sandik.Domain.Elections;
using Sandik.Domain.Reconciliation;

namespace Sandik.Server.Ui;

/// <summary>
/// Every word the operations centre shows, in Turkish and English side by side (one line per string, so a missing
/// translation cannot hide), with number, share and time formats of the language. Immutable; one instance per language.
/// </summary>
public sealed partial class UiText
{
    public static readonly UiText Turkish = new(UiLanguage.Tr);
    public static readonly UiText English = new(UiLanguage.En);

    private static readonly TimeZoneInfo Turkey = FindTurkey();

    private UiText(UiLanguage language)
    {
        Language = language;
        Culture = CultureInfo.GetCultureInfo(language == UiLanguage.En ? "en-GB" : "tr-TR");
    }

    public static UiText For(UiLanguage language) => language == UiLanguage.En ? English : Turkish;

    public UiLanguage Language { get; }

    public CultureInfo Culture { get; }

    private string L(string tr, string en) => Language == UiLanguage.En ? en : tr;

    /// <summary>A label of the data (a level, a source, an election) in this language.</summary>
    public string Of(LocalizedText text) => Language == UiLanguage.En ? text.En : text.Tr;

    /// <summary>
    /// A choice's short name in this language. The data names choices once, in Turkish; party names are the same in
    /// every language, but the column summing a box's independent candidates ("Bağımsız") is a word, not a name.
    /// </summary>
    public string ChoiceName(Choice choice) => IsIndependents(choice) ? L(choice.Name, "Independents") : choice.Name;

    /// <summary>A choice's full name (for a tooltip) in this language; the short name when the data has none.</summary>
    public string ChoiceFullName(Choice choice) =>
        IsIndependents(choice) ? L(choice.FullName ?? choice.Name, "Independent candidates (total)") : choice.FullName ?? choice.Name;

    private static bool IsIndependents(Choice choice) =>
        choice.Kind is ChoiceKind.Other or ChoiceKind.Independent && choice.Name == "Bağımsız";

    /// <summary>A whole number with the language's digit grouping: 22.959.394 / 22,959,394.</summary>
    public string N(long value) => value.ToString("N0", Culture);

    /// <summary>A share as a percentage: %49,5 / 49.5%.</summary>
    public string P(double share, int decimals = 1) => share.ToString("P" + decimals.ToString(CultureInfo.InvariantCulture), Culture);

    /// <summary>A difference in percentage points: 12,3 puan / 12.3 pts.</summary>
    public string Points(double share) => L($"{(share * 100).ToString("0.0", Culture)} puan", $"{(share * 100).ToString("0.0", Culture)} pts");

    /// <summary>Clock time in Turkey, where the night happens, whatever the server's zone.</summary>
    public string Time(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Turkey).ToString("HH:mm:ss", Culture);

    public string DateTime(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Turkey).ToString("dd.MM.yyyy HH:mm:ss", Culture);

    public string Status(BoxStatus status) => status switch
    {
        BoxStatus.SingleSource => L("Tek kaynak", "Single source"),
        BoxStatus.Confirmed => L("Doğrulandı", "Confirmed"),
        BoxStatus.Conflict => L("Çelişki", "Conflict"),
        _ => L("Gelmedi", "Not reported"),
    };

    private static TimeZoneInfo FindTurkey()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Istanbul");
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return TimeZoneInfo.CreateCustomTimeZone("TRT", TimeSpan.FromHours(3), "Türkiye", "Türkiye");
        }
    }
}
