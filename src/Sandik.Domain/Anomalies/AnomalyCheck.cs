namespace Sandik.Domain.Anomalies;

/// <summary>The per-box checks. Their ids (<see cref="AnomalyChecks.Id"/>) are stable: filters, files and the UI use them.</summary>
public enum AnomalyCheck
{
    /// <summary>The sheet does not add up: votes vs valid, valid + invalid vs voters, registered vs the voter list.</summary>
    Arithmetic,
    /// <summary>More voters than registered, beyond what officials on duty explain.</summary>
    Register,
    /// <summary>Turnout far from the box's peers.</summary>
    Turnout,
    /// <summary>Invalid-vote share far from the box's peers.</summary>
    InvalidShare,
    /// <summary>A choice's share of the valid votes far from its peers.</summary>
    ChoiceShare,
    /// <summary>Change since the prior election far from the local change.</summary>
    Swing,
    /// <summary>The departures from the peers line up with a manipulation pattern (extra ballots, a flip...).</summary>
    Pattern,
    /// <summary>Sources disagree on the box.</summary>
    Sources,
    /// <summary>Round counts: every sizeable count a multiple of 10 (or of 5).</summary>
    Digits,
    /// <summary>The same counts as another box of the district.</summary>
    Duplicate,
    /// <summary>Two digits of a count, or two neighbouring columns, swapped back would make the box look like its peers.</summary>
    Transcription,
}

public static class AnomalyChecks
{
    public static readonly AnomalyCheck[] All = Enum.GetValues<AnomalyCheck>();

    /// <summary>The check's stable id, e.g. <c>arithmetic</c>, <c>invalid-share</c>.</summary>
    public static string Id(this AnomalyCheck check) => check switch
    {
        AnomalyCheck.Arithmetic => "arithmetic",
        AnomalyCheck.Register => "register",
        AnomalyCheck.Turnout => "turnout",
        AnomalyCheck.InvalidShare => "invalid-share",
        AnomalyCheck.ChoiceShare => "choice-share",
        AnomalyCheck.Swing => "swing",
        AnomalyCheck.Pattern => "pattern",
        AnomalyCheck.Sources => "sources",
        AnomalyCheck.Digits => "digits",
        AnomalyCheck.Duplicate => "duplicate",
        AnomalyCheck.Transcription => "transcription",
        _ => throw new ArgumentOutOfRangeException(nameof(check)),
    };

    public static bool TryParse(string id, out AnomalyCheck check)
    {
        foreach (var c in All)
        {
            if (string.Equals(c.Id(), id, StringComparison.OrdinalIgnoreCase))
            {
                check = c;
                return true;
            }
        }
        check = default;
        return false;
    }
}
