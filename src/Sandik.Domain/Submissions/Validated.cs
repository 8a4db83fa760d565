namespace Sandik.Domain.Submissions;

/// <summary>The outcome of validating input: a value, or every reason it was rejected (never both).</summary>
public sealed class Validated<T> where T : class
{
    private Validated(T? value, IReadOnlyList<FieldError> errors)
    {
        Value = value;
        Errors = errors;
    }

    public T? Value { get; }
    public IReadOnlyList<FieldError> Errors { get; }
    public bool IsValid => Value is not null;

    public static Validated<T> Valid(T value) => new(value, []);

    public static Validated<T> Invalid(IReadOnlyList<FieldError> errors) =>
        errors.Count == 0 ? throw new ArgumentException("A rejection needs at least one reason.", nameof(errors)) : new(null, errors);
}
