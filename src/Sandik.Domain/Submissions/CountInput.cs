using System.Globalization;

namespace Sandik.Domain.Submissions;

/// <summary>
/// A count as it arrived, before validation: absent, a whole number, or text that is not one.
/// Keeping the raw text lets validation say exactly what was wrong.
/// </summary>
public readonly record struct CountInput(string? Text, long? Value)
{
    public static CountInput Missing => default;

    public bool IsMissing => Text is null && Value is null;

    public static CountInput Of(long value) => new(null, value);

    /// <summary>The count when it is one a box can hold (a whole number from 0 to <see cref="int.MaxValue"/>), else null.</summary>
    public int? Acceptable => Value is >= 0 and <= int.MaxValue ? (int)Value.Value : null;

    /// <summary>Parses invariant whole-number text; blank text is missing, anything else not a number.</summary>
    public static CountInput Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return Missing;
        return long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? new CountInput(text, value)
            : new CountInput(text, null);
    }

    public override string ToString() => Value?.ToString(CultureInfo.InvariantCulture) ?? Text ?? "";
}
