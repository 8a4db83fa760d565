using Sandik.Storage.Incidents;
using Sandik.Storage.Tests.Support;
using Shouldly;
using Xunit;

namespace Sandik.Storage.Tests.Incidents;

/// <summary>What the incident store must do on every database; each derived class says where the database is.</summary>
public abstract class IncidentStoreBehaviour : DatabaseBehaviour
{
    private static readonly DateTimeOffset Noon = new(2015, 11, 1, 9, 0, 0, TimeSpan.Zero);

    private static readonly string[] Caferaga = ["TR", "34", "34-2", "34/Kadıköy", "34/Kadıköy/Caferağa"];
    private static readonly string[] Kizilay = ["TR", "06", "06-1", "06/Çankaya", "06/Çankaya/Kızılay"];

    private async Task<IncidentStore> OpenAsync()
    {
        var store = new IncidentStore(await ConnectionStringAsync());
        await store.InitializeAsync(Ct);
        return store;
    }

    private static Incident Report(string area, string? box = null, string kind = IncidentKinds.Field, string category = "observer-refused", string election = "e1") =>
        new(0, election, kind, category, area, box, "Müşahidimiz okula alınmadı.", "u1", "Ayşe", kind == IncidentKinds.Citizen ? "+90 555 000 00 00" : null,
            IncidentStatus.Open, null, Noon, Noon, 0);

    [Fact]
    public async Task a_report_comes_back_whole_with_an_id_and_version_one()
    {
        var store = await OpenAsync();

        var saved = await store.AddAsync(Report(Caferaga[^1], "34/Kadıköy/1001"), Caferaga, Ct);

        saved.Id.ShouldBeGreaterThan(0);
        saved.Version.ShouldBe(1);
        (await store.FindAsync("e1", saved.Id, Ct)).ShouldBe(saved);
        (await store.FindAsync("e2", saved.Id, Ct)).ShouldBeNull();
        (await store.NotesAsync(saved.Id, Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task a_list_narrows_to_any_level_of_the_areas_and_to_each_field()
    {
        var store = await OpenAsync();
        var kadikoy = await store.AddAsync(Report(Caferaga[^1], "34/Kadıköy/1001"), Caferaga, Ct);
        var ankara = await store.AddAsync(Report(Kizilay[^1]), Kizilay, Ct);
        var citizen = await store.AddAsync(Report("34", kind: IncidentKinds.Citizen, category: "where-to-vote"), ["TR", "34"], Ct);
        await store.AddAsync(Report(Caferaga[^1], election: "e2"), Caferaga, Ct);

        (await store.ListAsync(new IncidentQuery("e1"), Ct)).Select(i => i.Id).ShouldBe([citizen.Id, ankara.Id, kadikoy.Id]);
        (await store.ListAsync(new IncidentQuery("e1", Areas: ["34-2"]), Ct)).Select(i => i.Id).ShouldBe([kadikoy.Id]);
        (await store.ListAsync(new IncidentQuery("e1", Areas: ["34"]), Ct)).Select(i => i.Id).ShouldBe([citizen.Id, kadikoy.Id]);
        (await store.ListAsync(new IncidentQuery("e1", Areas: ["34/Kadıköy", "06"]), Ct)).Select(i => i.Id).ShouldBe([ankara.Id, kadikoy.Id]);
        // A code is matched whole: "3" is no prefix of "34", "34/Kad" no prefix of a district.
        (await store.ListAsync(new IncidentQuery("e1", Areas: ["3"]), Ct)).ShouldBeEmpty();
        (await store.ListAsync(new IncidentQuery("e1", Areas: ["34/Kad%"]), Ct)).ShouldBeEmpty();
        (await store.ListAsync(new IncidentQuery("e1", Kind: IncidentKinds.Citizen), Ct)).Select(i => i.Id).ShouldBe([citizen.Id]);
        (await store.ListAsync(new IncidentQuery("e1", Box: "34/Kadıköy/1001"), Ct)).Select(i => i.Id).ShouldBe([kadikoy.Id]);
        (await store.ListAsync(new IncidentQuery("e1", Category: "observer-refused", Status: IncidentStatus.Open), Ct)).Count.ShouldBe(2);
        (await store.ListAsync(new IncidentQuery("e1", Before: ankara.Id), Ct)).Select(i => i.Id).ShouldBe([kadikoy.Id]);
        (await store.ListAsync(new IncidentQuery("e1", Limit: 1), Ct)).Select(i => i.Id).ShouldBe([citizen.Id]);
    }

    [Fact]
    public async Task a_handling_step_applies_on_the_version_it_was_made_on_and_is_refused_on_an_older_one()
    {
        var store = await OpenAsync();
        var incident = await store.AddAsync(Report(Caferaga[^1]), Caferaga, Ct);

        var (taken, changed) = await store.HandleAsync("e1", incident.Id, 1,
            new IncidentNote(0, incident.Id, Noon.AddMinutes(5), "u2", "Mehmet", IncidentStatus.InProgress, "Kadıköy ilçe", "Avukat yola çıktı."), Ct);
        changed.ShouldBeTrue();
        taken!.Status.ShouldBe(IncidentStatus.InProgress);
        taken.Assignee.ShouldBe("Kadıköy ilçe");
        taken.Version.ShouldBe(2);
        taken.UpdatedAt.ShouldBe(Noon.AddMinutes(5));

        // A second handler still looking at version 1 is told, and shown the incident as it is now.
        var (current, again) = await store.HandleAsync("e1", incident.Id, 1,
            new IncidentNote(0, incident.Id, Noon.AddMinutes(6), "u3", "Zeynep", IncidentStatus.Resolved, null, "Çözüldü."), Ct);
        again.ShouldBeFalse();
        current.ShouldBe(taken);

        // A note alone keeps the status and the assignee.
        var (noted, _) = await store.HandleAsync("e1", incident.Id, 2, new IncidentNote(0, incident.Id, Noon.AddMinutes(7), "u2", "Mehmet", null, null, "Okula vardı."), Ct);
        (noted!.Status, noted.Assignee, noted.Version).ShouldBe((IncidentStatus.InProgress, "Kadıköy ilçe", 3));
        var notes = await store.NotesAsync(incident.Id, Ct);
        notes.Select(n => n.Text).ShouldBe(["Avukat yola çıktı.", "Okula vardı."]);
        notes[0].Status.ShouldBe(IncidentStatus.InProgress);
        notes[1].Status.ShouldBeNull();
        (await store.HandleAsync("e1", 999_999, 1, new IncidentNote(0, 999_999, Noon, null, "x", null, null, "x"), Ct)).Incident.ShouldBeNull();
    }
}

public sealed class SqliteIncidentStoreTests : IncidentStoreBehaviour, IDisposable
{
    private readonly SqliteFolder _folder = new("sandik-incidents-");

    protected override Task<string> ConnectionStringAsync() => Task.FromResult($"Data Source={_folder.DatabasePath}");

    public void Dispose() => _folder.Dispose();
}

public sealed class PostgresIncidentStoreTests(PostgresDatabase database) : IncidentStoreBehaviour, IClassFixture<PostgresDatabase>
{
    private readonly TestSchema _schema = database.Schema("incidents_");

    protected override Task<string> ConnectionStringAsync() => _schema.ConnectionStringAsync();
}
