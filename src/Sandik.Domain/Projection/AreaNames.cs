using System.Globalization;
using System.Text;

namespace Sandik.Domain.Projection;

/// <summary>
/// A forgiving key for area codes, so that the same neighbourhood meets across files that spell it differently
/// ("6/Bala/Abazlı" and "6/BALA/ABAZLI MAH."): Turkish letters folded to plain capitals, the words for
/// "neighbourhood" and "village" dropped, and everything but letters, digits and the separators removed.
/// </summary>
internal static class AreaNames
{
    private static readonly CultureInfo Turkish = CultureInfo.GetCultureInfo("tr-TR");
    private static readonly string[] Suffixes = ["MAHALLESI", "MAHALLE", "MAH", "KOYU", "KOY", "BELDESI"];

    public static string Key(string code)
    {
        var parts = code.Split('/');
        for (var i = 0; i < parts.Length; i++) parts[i] = Part(parts[i]);
        return string.Join('/', parts);
    }

    private static string Part(string text)
    {
        var upper = text.ToUpper(Turkish);
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in upper + " ")
        {
            var folded = Fold(c);
            if (char.IsLetterOrDigit(folded)) word.Append(folded);
            else if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }
        while (words.Count > 1 && Suffixes.Contains(words[^1])) words.RemoveAt(words.Count - 1);
        return string.Concat(words);
    }

    private static char Fold(char c) => c switch
    {
        'İ' or 'I' or 'ı' => 'I',
        'Ş' => 'S',
        'Ğ' => 'G',
        'Ü' => 'U',
        'Ö' => 'O',
        'Ç' => 'C',
        'Â' => 'A',
        'Î' => 'I',
        'Û' => 'U',
        _ => c,
    };
}
