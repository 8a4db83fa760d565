namespace Sandik.Domain.Submissions;

/// <summary>Why one field of a submission was rejected.</summary>
/// <param name="Field">The field: <c>box</c>, <c>voted</c>, <c>votes.chp</c>...</param>
/// <param name="Code">A stable machine code (see <see cref="ErrorCodes"/>).</param>
/// <param name="Message">A sentence for people.</param>
public sealed record FieldError(string Field, string Code, string Message);
