namespace Sandik.Domain.Geography;

public enum BoxAddResult
{
    Added,
    /// <summary>A box with the same code is already in the registry.</summary>
    DuplicateBox,
    /// <summary>An area on the box's path already exists under another parent.</summary>
    ConflictingArea,
}
