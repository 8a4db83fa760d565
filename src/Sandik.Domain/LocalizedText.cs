namespace Sandik.Domain;

/// <summary>A label in the two languages Sandik speaks: Turkish (the default) and English.</summary>
public sealed record LocalizedText(string Tr, string En)
{
    /// <summary>The same text in both languages, for names that are not translated (places, parties).</summary>
    public static LocalizedText Same(string text) => new(text, text);

    /// <summary>The text for a culture name such as "tr", "en-GB"; Turkish unless English is asked for.</summary>
    public string For(string? culture) =>
        culture is not null && culture.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? En : Tr;

    public override string ToString() => Tr;
}
