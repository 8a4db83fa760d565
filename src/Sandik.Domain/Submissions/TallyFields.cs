namespace Sandik.Domain.Submissions;

/// <summary>Names of the count fields, as used in files, the API and validation reasons.</summary>
public static class TallyFields
{
    public const string Registered = "registered";
    public const string Voted = "voted";
    public const string Valid = "valid";
    public const string Invalid = "invalid";
    public const string Votes = "votes";
}
