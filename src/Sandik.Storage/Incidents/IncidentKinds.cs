namespace Sandik.Storage.Incidents;

/// <summary>The kinds, categories and statuses of incidents, by id (the UI names them in both languages).</summary>
public static class IncidentKinds
{
    public const string Field = "field";
    public const string Citizen = "citizen";

    public static IReadOnlyList<string> Kinds { get; } = [Field, Citizen];

    /// <summary>What observers and volunteers report from a school or a box on the day.</summary>
    public static IReadOnlyList<string> FieldCategories { get; } =
        ["observer-refused", "sheet-withheld", "count-irregularity", "pressure", "box-seal", "voter-list", "violence", "observer-needed", "other"];

    /// <summary>Headquarters asks the box's district for an (extra) observer at a box that stands out.</summary>
    public const string ObserverNeeded = "observer-needed";

    /// <summary>What citizens ask or tell the hotline.</summary>
    public static IReadOnlyList<string> CitizenCategories { get; } = ["where-to-vote", "volunteer", "irregularity", "other"];

    public static IReadOnlyList<string> CategoriesOf(string kind) => kind == Citizen ? CitizenCategories : FieldCategories;

    public static bool IsKnown(string kind, string category) => Kinds.Contains(kind) && CategoriesOf(kind).Contains(category);
}

/// <summary>How far an incident has been handled.</summary>
public static class IncidentStatus
{
    public const string Open = "open";
    public const string InProgress = "in-progress";
    public const string Resolved = "resolved";

    public static IReadOnlyList<string> All { get; } = [Open, InProgress, Resolved];
}
