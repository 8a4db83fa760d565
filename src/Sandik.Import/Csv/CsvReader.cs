using System.Text;

namespace Sandik.Import.Csv;

/// <summary>
/// A small, allocation-light reader of delimited text (RFC 4180 quoting: fields in double quotes, "" for a quote,
/// line breaks inside quotes). Tracks the line number of the record it returns, for error messages.
/// Not thread-safe.
/// </summary>
public sealed class CsvReader(TextReader reader, char delimiter = ',')
{
    private readonly StringBuilder _field = new();
    private int _nextLine = 1;

    /// <summary>Line number (1-based) where the last record read starts.</summary>
    public int Line { get; private set; }

    /// <summary>Reads the next record into <paramref name="fields"/>; false at the end of the input.</summary>
    /// <exception cref="FormatException">A quoted field is not closed before the end of the input.</exception>
    public bool Read(List<string> fields)
    {
        fields.Clear();
        var c = reader.Read();
        if (c < 0) return false;
        Line = _nextLine;
        _field.Clear();
        var quoted = false;
        var wasQuoted = false;
        while (true)
        {
            if (quoted)
            {
                if (c < 0) throw new FormatException($"line {Line}: a quoted field is not closed.");
                if (c == '"')
                {
                    if (reader.Peek() == '"') { reader.Read(); _field.Append('"'); }
                    else quoted = false;
                }
                else
                {
                    if (c == '\n') _nextLine++;
                    _field.Append((char)c);
                }
            }
            else if (c == '"' && _field.Length == 0 && !wasQuoted)
            {
                quoted = wasQuoted = true;
            }
            else if (c == delimiter)
            {
                fields.Add(_field.ToString());
                _field.Clear();
                wasQuoted = false;
            }
            else if (c is '\n' or '\r' or < 0)
            {
                if (c == '\r' && reader.Peek() == '\n') reader.Read();
                if (c >= 0) _nextLine++;
                fields.Add(_field.ToString());
                return true;
            }
            else
            {
                _field.Append((char)c);
            }
            c = reader.Read();
        }
    }
}
