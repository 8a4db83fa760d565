using System.Globalization;
using Sandik.Domain.Submissions;

namespace Sandik.Storage.Tests.Support;

/// <summary>
/// Log entries as one line of text each, so that whole logs compare with readable differences (records hold lists,
/// which compare by reference).
/// </summary>
internal static class LogText
{
    public static string Of(LoggedSubmission e) => string.Join(" | ",
        e.Sequence.ToString(CultureInfo.InvariantCulture),
        e.ReceivedAt.ToString("O", CultureInfo.InvariantCulture),
        e.SourceId, e.Reporter ?? "-", e.RaceId, e.BoxCode, e.ClientSubmissionId ?? "-", e.Evidence ?? "-",
        e.Tally?.ToString() ?? "no tally",
        string.Join("; ", e.Errors.Select(x => $"{x.Field}/{x.Code}/{x.Message}")),
        e.RejectedPayload ?? "-");

    public static List<string> Of(IEnumerable<LoggedSubmission> entries) => [.. entries.Select(Of)];
}
