using System.Globalization;

namespace Sandik.Cli.CommandLine;

/// <summary>
/// The options of one command: <c>--name value</c> pairs and bare <c>--flag</c>s. Every option a command does not
/// declare is an error, so that a typo never silently changes what runs.
/// </summary>
public sealed class Arguments
{
    private readonly Dictionary<string, string?> _values = new(StringComparer.Ordinal);

    private Arguments() { }

    /// <param name="valued">Options that take a value.</param>
    /// <param name="flags">Options that take none.</param>
    /// <exception cref="UsageException">An unknown option, a missing value, or a stray word.</exception>
    public static Arguments Parse(IReadOnlyList<string> args, IReadOnlyCollection<string> valued, IReadOnlyCollection<string> flags)
    {
        var parsed = new Arguments();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            var eq = arg.IndexOf('=');
            var name = eq > 0 ? arg[..eq] : arg;
            if (!name.StartsWith("--", StringComparison.Ordinal))
                throw new UsageException($"Unexpected '{arg}': options start with '--'.");
            if (flags.Contains(name))
            {
                if (eq > 0) throw new UsageException($"'{name}' takes no value.");
                parsed._values[name] = null;
            }
            else if (valued.Contains(name))
            {
                var value = eq > 0 ? arg[(eq + 1)..] : i + 1 < args.Count ? args[++i] : throw new UsageException($"'{name}' needs a value.");
                parsed._values[name] = value;
            }
            else
            {
                throw new UsageException($"Unknown option '{name}'.");
            }
        }
        return parsed;
    }

    public bool Has(string name) => _values.ContainsKey(name);

    public string? Get(string name) => _values.GetValueOrDefault(name);

    public string Require(string name) => Get(name) ?? throw new UsageException($"'{name}' is required.");

    /// <summary>A value that must be one of a fixed set.</summary>
    public string OneOf(string name, string fallback, params string[] allowed)
    {
        var value = Get(name) ?? fallback;
        return allowed.Contains(value) ? value : throw new UsageException($"'{name}' must be one of {string.Join(", ", allowed)}; got '{value}'.");
    }

    /// <summary>A whole number of at least <paramref name="min"/>, or <paramref name="fallback"/> when the option is absent.</summary>
    /// <exception cref="UsageException">Anything else: a sign, a fraction, a word, or a number below the minimum.</exception>
    public int Whole(string name, int fallback, int min = 1)
    {
        if (Get(name) is not { } text) return fallback;
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min
            ? value
            : throw new UsageException(min == 1
                ? $"'{name}' must be a whole number above 0; got '{text}'."
                : $"'{name}' must be a whole number of at least {min}; got '{text}'.");
    }

    /// <summary>
    /// A finite number (invariant notation: 2.5) above <paramref name="above"/>, or <paramref name="fallback"/> when
    /// the option is absent.
    /// </summary>
    /// <exception cref="UsageException">A word, NaN or infinity, or a number not above the bound.</exception>
    public double Number(string name, double fallback, double above = double.NegativeInfinity)
    {
        if (Get(name) is not { } text) return fallback;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            throw new UsageException($"'{name}' must be a number; got '{text}'.");
        return value > above ? value : throw new UsageException($"'{name}' must be more than {above.ToString(CultureInfo.InvariantCulture)}; got '{text}'.");
    }

    /// <summary>A comma-separated list, or null when the option is absent.</summary>
    public IReadOnlyList<string>? List(string name) =>
        Get(name)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
