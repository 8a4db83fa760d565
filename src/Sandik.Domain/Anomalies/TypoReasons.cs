using Sandik.Domain.Elections;

namespace Sandik.Domain.Anomalies;

/// <summary>Puts a <see cref="TypoFit"/> into words: which count looks mistyped, what it likely was, and how much the
/// repair brings the box back to its peers (the distance in spreads, before and after).</summary>
internal static class TypoReasons
{
    public static AnomalyReason Write(TypoFit t, Race race, double surprise)
    {
        var name = race.Choices[t.Choice].Name;
        var distance = ($"{Number(t.Before, Wording.En)} → {Number(t.After, Wording.En)}", $"{Number(t.Before, Wording.Tr)} → {Number(t.After, Wording.Tr)}");
        if (t.Kind == TypoKind.Digits)
        {
            return new AnomalyReason("transcription.digits", AnomalyCheck.Transcription, surprise, new LocalizedText(
                $"{name} oyu {t.Written}: iki rakamı yer değiştirmiş {t.Repaired} gibi duruyor; {t.Repaired} olsaydı sandık benzerlerine uyardı (benzerlerinden uzaklığı {distance.Item2} standart sapma).",
                $"{Wording.Possessive(name)} {t.Written} looks like {t.Repaired} with two digits swapped: at {t.Repaired} the box would look like its peers (distance from them {distance.Item1} spreads)."),
                t.Written, t.Repaired, t.Z, Math.Abs(t.Repaired - t.Written));
        }
        var other = race.Choices[t.Other].Name;
        return new AnomalyReason("transcription.columns", AnomalyCheck.Transcription, surprise, new LocalizedText(
            $"{name} ({t.Written}) ve {other} ({t.Repaired}) oyları yan yana sütunlarda yer değiştirmiş gibi duruyor; tersi olsaydı sandık benzerlerine uyardı (benzerlerinden uzaklığı {distance.Item2} standart sapma).",
            $"{Wording.Possessive(name)} {t.Written} and {Wording.Possessive(other)} {t.Repaired} look swapped between neighbouring columns: the other way round the box would look like its peers (distance from them {distance.Item1} spreads)."),
            t.Written, t.Repaired, t.Z, Math.Abs(t.Repaired - t.Written));
    }

    private static string Number(double x, System.Globalization.CultureInfo culture) => x.ToString("0.0", culture);
}
