using Microsoft.Playwright;
using Sandik.Server.Tests.Ui.Support;
using Shouldly;
using Xunit;

namespace Sandik.Server.Tests.Ui;

/// <summary>
/// The administration screens in a browser: the new-user form names every field, roles and audited actions are shown
/// by name in the screen's language (their ids kept beside them), and the audit trail's recorded states read as fields.
/// </summary>
public sealed class when_an_administrator_manages_users(OperationsCentre centre) : IClassFixture<OperationsCentre>
{
    [Fact]
    public async Task every_field_of_the_new_user_form_has_a_visible_label()
    {
        var (page, _) = await centre.OpenAsync("/admin/users");

        var fields = page.Locator("#new-user input, #new-user select");
        (await fields.CountAsync()).ShouldBe(3);
        var labels = await fields.EvaluateAllAsync<string[]>("fields => fields.map(f => [...f.labels].filter(l => l.offsetWidth > 0).map(l => l.innerText.trim()).join(''))");
        labels.ShouldBe(["Kullanıcı adı", "Rol", "Bölge"]);
        await Assertions.Expect(page.GetByLabel("Kullanıcı adı", new() { Exact = true })).ToHaveIdAsync("new-name");
        await Assertions.Expect(page.GetByLabel("Rol", new() { Exact = true })).ToHaveIdAsync("new-role");
        await Assertions.Expect(page.GetByLabel("Bölge", new() { Exact = true })).ToHaveIdAsync("new-scope");
    }

    [Fact]
    public async Task a_new_coordinator_is_shown_by_role_name_and_its_creation_reads_as_fields_in_the_trail()
    {
        var name = "coordinator-" + Guid.NewGuid().ToString("N")[..8];
        var (page, _) = await centre.OpenAsync("/admin/users");
        var administrator = page.Locator($"#users tr[data-user='{centre.Server.Administrator.User}'] td.role");
        await Assertions.Expect(administrator).ToHaveTextAsync("Yönetici");
        await Assertions.Expect(administrator).ToHaveAttributeAsync("title", "administrator");
        await Assertions.Expect(page.Locator($"#users tr[data-user='{centre.Server.Administrator.User}'] td.scope")).ToHaveTextAsync("Ülke geneli");

        await page.GetByLabel("Kullanıcı adı", new() { Exact = true }).FillAsync(name);
        await page.GetByLabel("Rol", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "İl koordinatörü" });
        await page.GetByLabel("Bölge", new() { Exact = true }).FillAsync("34");
        await page.ClickAsync("#create-user");

        await Assertions.Expect(page.Locator("#users-message.notice")).ToContainTextAsync(name);
        var role = page.Locator($"#users tr[data-user='{name}'] td.role");
        await Assertions.Expect(role).ToHaveTextAsync("İl koordinatörü");
        await Assertions.Expect(role).ToHaveAttributeAsync("title", "province-coordinator");
        await OperationsCentre.ShootAsync(page, "admin-users");

        var (trail, _) = await centre.OpenAsync("/admin/audit");
        var created = trail.Locator("#audit tbody tr[data-action='user.create']").Filter(new() { HasText = name }).First;
        (await created.Locator("td.action").InnerTextAsync()).ShouldBe("Kullanıcı oluşturuldu\nuser.create");
        (await created.Locator("td.after li").AllInnerTextsAsync()).ShouldBe(
            [$"Ad: {name}", "Rol: İl koordinatörü", "Bölge: 34", "İki aşamalı doğrulama: hayır", "Devre dışı: hayır"]);
        (await created.Locator("td.after ul").GetAttributeAsync("title"))!.ShouldStartWith("{\"name\":");
        await Assertions.Expect(created.Locator("td.before li")).ToHaveCountAsync(0);
        (await created.InnerTextAsync()).ShouldNotContain("{");
        await OperationsCentre.ShootAsync(trail, "admin-audit");

        var (english, _) = await centre.OpenAsync("/admin/users", language: "en");
        await Assertions.Expect(english.Locator($"#users tr[data-user='{name}'] td.role")).ToHaveTextAsync("Province coordinator");
        var (englishTrail, _) = await centre.OpenAsync("/admin/audit", language: "en");
        var createdEn = englishTrail.Locator("#audit tbody tr[data-action='user.create']").Filter(new() { HasText = name }).First;
        await Assertions.Expect(createdEn.Locator("td.action")).ToContainTextAsync("User created");
        (await createdEn.Locator("td.after li").AllInnerTextsAsync()).ShouldBe(
            [$"Name: {name}", "Role: Province coordinator", "Area: 34", "Second factor: no", "Disabled: no"]);
        await Assertions.Expect(englishTrail.Locator("h1")).ToHaveTextAsync("Audit trail");
    }
}
