namespace Sandik.Server.Identity;

/// <summary>Something a request or a screen needs the user to be allowed to do.</summary>
public enum Permission
{
    /// <summary>No one is asked anything (sign-in forms, static files, the ingest API, which checks its own keys).</summary>
    Anyone,

    /// <summary>Any signed-in user (the election's definition, the live channel, the page shell).</summary>
    SignedIn,

    /// <summary>Counted results of areas: totals, maps, exports.</summary>
    ReadResults,

    /// <summary>Single ballot boxes and the conflicts worklist.</summary>
    ReadBoxes,

    /// <summary>Ingest counters and the API description.</summary>
    ReadOperations,

    /// <summary>The reporter of a submission, which may be a volunteer's phone number, unmasked.</summary>
    SeeReporter,

    /// <summary>Replacing a box's counted tally with headquarters' own.</summary>
    OverrideTally,

    /// <summary>Entering a count sheet read over the phone, as the call centre's source.</summary>
    EnterPhonedTally,

    /// <summary>Reporting an incident from the field or a citizen's request taken by phone, inside the user's scope.</summary>
    ReportIncident,

    /// <summary>Handling incidents: notes, status, who deals with it.</summary>
    HandleIncidents,

    ManageSources,
    ManageUsers,
    ManageKeys,
    ReadAudit,
}
