using System.Text.RegularExpressions;
using Sandik.Domain;
using Sandik.Domain.Submissions;
using Sandik.Domain.Sources;
using Sandik.Storage;

namespace Sandik.Server.Audit;

/// <summary>
/// One change of an election's source catalogue: what it is called in the audit trail, what was wrong with it before
/// any catalogue was read, how it changes a catalogue (or why it cannot), and what the trail records of the catalogue
/// before and after it.
/// </summary>
public sealed record SourceEdit(string Action, IReadOnlyList<FieldError> Refused, Func<SourceCatalog, SourceEdit.Result> Apply, Func<SourceCatalog, object?> Describe)
{
    public sealed record Result(SourceCatalog? Next, IReadOnlyList<FieldError> Errors);
}

/// <summary>
/// The changes administrators make to a source catalogue — new ranks, a source added, one retired or taken back — and
/// writing one to the store, for the server (<see cref="SourceAdministration"/>) and the command line alike. The
/// override source stays above every other and can be neither re-ranked nor retired.
/// </summary>
public static partial class SourceEdits
{
    /// <summary>Writes tried before two changes racing through two servers give up (each retry reads the other's change first).</summary>
    private const int Attempts = 5;

    public const int MaxName = 100;

    /// <summary>New trust ranks for some sources (the others keep theirs).</summary>
    public static SourceEdit Ranks(IReadOnlyDictionary<string, int>? ranks) => new(AuditActions.SourceRanks,
        ranks is { Count: > 0 } ? [] : [new FieldError("ranks", "required", "Give the new rank of at least one source.")],
        catalog =>
        {
            var errors = new List<FieldError>();
            foreach (var (id, rank) in ranks!)
            {
                if (catalog.IndexOf(id) < 0) errors.Add(new FieldError($"ranks.{id}", "unknown", $"There is no source '{id}'."));
                else if (id == OverrideSource.Id) errors.Add(new FieldError($"ranks.{id}", "fixed", "The override source always ranks first."));
                else if (rank < 1) errors.Add(new FieldError($"ranks.{id}", "range", "Ranks start at 1 (the override source holds 0)."));
            }
            return new(errors.Count > 0 ? null : catalog.WithRanks(ranks), errors);
        },
        catalog => catalog.Sources.ToDictionary(s => s.Id, s => (object)s.TrustRank));

    /// <summary>A new source: it can be issued keys and send at once, and counts where it is the best-ranked sender.</summary>
    /// <param name="id">Lower-case letters, digits and hyphens, starting with a letter (2–40 characters): what keys and files name it by.</param>
    /// <param name="nameEn">Its English name; the Turkish one when absent.</param>
    public static SourceEdit Add(string? id, string? nameTr, string? nameEn, int? trustRank)
    {
        var errors = new List<FieldError>();
        id = id?.Trim() ?? "";
        nameTr = nameTr?.Trim();
        nameEn = nameEn?.Trim();
        if (!SourceId().IsMatch(id))
            errors.Add(new FieldError("id", "format", "A source id is 2 to 40 lower-case letters, digits or hyphens, starting with a letter (e.g. 'partner-ngo')."));
        if (string.IsNullOrEmpty(nameTr) || nameTr.Length > MaxName)
            errors.Add(new FieldError("name.tr", "required", $"Give the source's Turkish name (1 to {MaxName} characters)."));
        if (nameEn is { Length: > MaxName }) errors.Add(new FieldError("name.en", "too_long", $"The English name holds at most {MaxName} characters."));
        if (trustRank is not >= 1) errors.Add(new FieldError("trustRank", "range", "Give the source's trust rank, from 1 (the most trusted)."));
        var added = errors.Count > 0 ? null : new Source(id, new LocalizedText(nameTr!, string.IsNullOrEmpty(nameEn) ? nameTr! : nameEn), trustRank!.Value);
        return new(AuditActions.SourceAdd, errors, catalog =>
        {
            if (catalog.IndexOf(id) >= 0) return new(null, [new FieldError("id", "taken", $"There is a source '{id}' already.")]);
            if (catalog.Count >= SourceCatalog.MaxSources)
                return new(null, [new FieldError("id", "full", $"An election holds at most {SourceCatalog.MaxSources} sources.")]);
            return new(catalog.WithSource(added!), []);
        }, catalog => Describe(catalog, id));
    }

    /// <summary>
    /// Takes a source out of the count (<paramref name="retired"/>) or back into it. Out of it, its copies stay on every
    /// box's history and in a view that names it, the count of all sources leaves them out, and it may not send more.
    /// </summary>
    public static SourceEdit Retire(string id, bool retired) => new(retired ? AuditActions.SourceRetire : AuditActions.SourceReinstate, [], catalog =>
    {
        if (catalog.Find(id) is not { } source) return new(null, [new FieldError("id", "unknown", $"There is no source '{id}'.")]);
        if (id == OverrideSource.Id) return new(null, [new FieldError("id", "fixed", "The override source always counts.")]);
        if (source.Retired == retired)
            return new(null, [new FieldError("id", "unchanged", retired ? $"Source '{id}' is retired already." : $"Source '{id}' counts already.")]);
        var next = catalog.WithRetired(id, retired);
        if (retired && next.Sources.All(s => s.Retired || s.Id == OverrideSource.Id))
            return new(null, [new FieldError("id", "last", "At least one source besides the override must stay in the count.")]);
        return new(next, []);
    }, catalog => Describe(catalog, id));

    private static Dictionary<string, object>? Describe(SourceCatalog catalog, string id) => catalog.Find(id) is { } s
        ? new() { ["id"] = s.Id, ["name"] = s.Name.Tr, ["nameEn"] = s.Name.En, ["trustRank"] = s.TrustRank, ["retired"] = s.Retired }
        : null;

    /// <summary>The reason every change needs, trimmed, or the refusal.</summary>
    public static FieldError? CheckReason(ref string? reason)
    {
        reason = reason?.Trim();
        return string.IsNullOrEmpty(reason) || reason.Length > BoxOverride.MaxReason
            ? new FieldError("reason", "required", $"Say why the sources change (1 to {BoxOverride.MaxReason} characters).")
            : null;
    }

    /// <summary>
    /// Applies an edit to the stored catalogue, conditional on the revision read and retried on a newer one, so that
    /// two changes made at once through two servers (or a server and the command line) are both kept.
    /// </summary>
    /// <returns>The catalogue before and the one stored (with its revision), or why the edit was refused.</returns>
    public static async Task<(StoredSources? Before, StoredSources? After, IReadOnlyList<FieldError> Errors)> SaveAsync(IElectionStore store,
        string electionId, SourceEdit edit, CancellationToken ct)
    {
        if (edit.Refused.Count > 0) return (null, null, edit.Refused);
        for (var attempt = 1; ; attempt++)
        {
            var stored = await store.LoadSourcesAsync(electionId, ct)
                ?? throw new InvalidOperationException($"The store no longer holds election '{electionId}'.");
            var result = edit.Apply(stored.Catalog);
            if (result.Next is not { } next) return (stored, null, result.Errors);
            if (await store.SaveSourcesAsync(electionId, next, stored.Revision, ct)) return (stored, new StoredSources(next, stored.Revision + 1), []);
            if (attempt == Attempts)
                throw new InvalidOperationException($"The sources of election '{electionId}' kept changing under {Attempts} attempts to change them.");
        }
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{1,39}$")]
    private static partial Regex SourceId();
}
