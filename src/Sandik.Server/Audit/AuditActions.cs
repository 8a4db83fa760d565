namespace Sandik.Server.Audit;

/// <summary>The names of audited actions, as they appear in the trail.</summary>
public static class AuditActions
{
    public const string BoxOverride = "box.override";
    public const string SourceRanks = "sources.ranks";
    public const string SourceAdd = "sources.add";
    public const string SourceRetire = "sources.retire";
    public const string SourceReinstate = "sources.reinstate";
    public const string UserCreate = "user.create";
    public const string UserChange = "user.change";
    public const string UserDisable = "user.disable";
    public const string UserEnrolSecondFactor = "user.two-factor-enrolled";
    public const string UserResetSecondFactor = "user.two-factor-reset";
    public const string KeyIssue = "key.issue";
    public const string KeyRevoke = "key.revoke";
}
