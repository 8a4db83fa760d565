using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Sandik.Server.Ui;

/// <summary>A CSV file to download: UTF-8 with a byte-order mark, so that spreadsheet programs read Turkish letters right.</summary>
public static class CsvDownload
{
    public static FileContentHttpResult Of(string text, string fileName)
    {
        var preamble = Encoding.UTF8.Preamble;
        var bytes = new byte[preamble.Length + Encoding.UTF8.GetByteCount(text)];
        preamble.CopyTo(bytes);
        Encoding.UTF8.GetBytes(text, bytes.AsSpan(preamble.Length));
        return TypedResults.File(bytes, "text/csv; charset=utf-8", fileName);
    }
}
