using System.Globalization;
using System.Text;

namespace Sandik.Server.Ui;

/// <summary>
/// Finds place names the way people type them: case, accents and the Turkish letters folded to plain Latin
/// (<c>kadikoy</c> finds Kadıköy, <c>sanliurfa</c> finds Şanlıurfa), whatever the keyboard.
/// </summary>
public static class NameSearch
{
    public static bool Matches(string name, string typed) =>
        Fold(name).Contains(Fold(typed), StringComparison.Ordinal);

    public static string Fold(string text)
    {
        var folded = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            folded.Append(c switch
            {
                'ı' or 'I' => 'i',
                _ => char.ToLowerInvariant(c),
            });
        }
        return folded.ToString();
    }
}
