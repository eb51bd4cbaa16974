using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ForumHub.Api.Tests.Infrastructure;

namespace ForumHub.Api.Tests.Access;

/// <summary>
/// What the admin and account pages need beyond issue 6's endpoints: renaming a forum (and no two forums with one
/// name), the audit log filtered by person and by action, the list of actions for the filter, and "sign out
/// everywhere". Every refusal has its code and leaves PostgreSQL exactly as it was.
/// </summary>
public sealed class AdminPagesApiTests(PostgresFixture postgres) : AppTestBase(postgres)
{
    private static async Task<JsonElement> BodyOf(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>(ForumApp.Json);

    private static async Task<string?> CodeOf(HttpResponseMessage response) => (await BodyOf(response)).GetProperty("code").GetString();

    /// <summary>Sends the call, expects the refusal, and checks that no table changed.</summary>
    private async Task AssertRefusedAsync(HttpStatusCode status, string code, Func<Task<HttpResponseMessage>> call)
    {
        var before = await App.FingerprintAsync();
        var response = await call();
        Assert.Equal(status, response.StatusCode);
        Assert.Equal(code, await CodeOf(response));
        Assert.Equal(before, await App.FingerprintAsync());
    }

    private async Task<JsonElement> CreateForumAsync(HttpClient admin, string name)
    {
        var response = await admin.PostAsJsonAsync("/api/admin/forums/", new { name }, ForumApp.Json);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await BodyOf(response);
    }

    [Fact]
    public async Task An_administrator_renames_a_forum_of_their_organisation_and_it_is_audited()
    {
        var admin = await App.FacilitatorClientAsync();
        var forum = await CreateForumAsync(admin, "North forum");
        var id = forum.GetProperty("id").GetGuid();

        var renamed = await admin.PostAsJsonAsync($"/api/admin/forums/{id}/rename", new { name = "  North and East forum " }, ForumApp.Json);
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal("North and East forum", (await BodyOf(renamed)).GetProperty("name").GetString());
        var forums = await admin.GetFromJsonAsync<JsonElement>("/api/forums/", ForumApp.Json);
        Assert.Contains(forums.EnumerateArray(), f => f.GetProperty("id").GetGuid() == id && f.GetProperty("name").GetString() == "North and East forum");

        var audit = await admin.GetFromJsonAsync<JsonElement>("/api/admin/audit?action=admin.forum_renamed", ForumApp.Json);
        var entry = Assert.Single(audit.EnumerateArray());
        Assert.Equal(id.ToString(), entry.GetProperty("target").GetString());
        Assert.DoesNotContain("North", audit.GetRawText(), StringComparison.Ordinal); // ids only, never the words
    }

    [Fact]
    public async Task Bad_forum_names_and_other_organisations_forums_are_refused_with_their_codes_and_change_nothing()
    {
        var admin = await App.FacilitatorClientAsync();
        var north = (await CreateForumAsync(admin, "North forum")).GetProperty("id").GetGuid();
        await CreateForumAsync(admin, "South forum");

        await AssertRefusedAsync(HttpStatusCode.Conflict, "forum_name_taken",
            () => admin.PostAsJsonAsync($"/api/admin/forums/{north}/rename", new { name = "south FORUM" }, ForumApp.Json));
        await AssertRefusedAsync(HttpStatusCode.Conflict, "forum_name_taken",
            () => admin.PostAsJsonAsync("/api/admin/forums/", new { name = "North Forum" }, ForumApp.Json));
        await AssertRefusedAsync(HttpStatusCode.BadRequest, "text_empty",
            () => admin.PostAsJsonAsync($"/api/admin/forums/{north}/rename", new { name = "   " }, ForumApp.Json));
        await AssertRefusedAsync(HttpStatusCode.BadRequest, "text_too_long",
            () => admin.PostAsJsonAsync($"/api/admin/forums/{north}/rename", new { name = new string('n', 101) }, ForumApp.Json));
        await AssertRefusedAsync(HttpStatusCode.NotFound, "forum_not_found",
            () => admin.PostAsJsonAsync($"/api/admin/forums/{Guid.NewGuid()}/rename", new { name = "Anything" }, ForumApp.Json));
        await AssertRefusedAsync(HttpStatusCode.BadRequest, "invalid_request",
            () => admin.PostAsync($"/api/admin/forums/{north}/rename", new StringContent("{\"name\":", System.Text.Encoding.UTF8, "application/json")));

        var outsider = await App.CreateOtherOrganisationAdminAsync();
        await AssertRefusedAsync(HttpStatusCode.NotFound, "forum_not_found",
            () => outsider.Client.PostAsJsonAsync($"/api/admin/forums/{north}/rename", new { name = "Taken over" }, ForumApp.Json));
        Assert.Contains(App.Logs.Warnings(), e => e.Message.StartsWith("Refused renaming forum", StringComparison.Ordinal));

        // Renaming to its own name (in another case) is fine: it is still the only forum called that.
        var same = await admin.PostAsJsonAsync($"/api/admin/forums/{north}/rename", new { name = "NORTH forum" }, ForumApp.Json);
        Assert.Equal(HttpStatusCode.OK, same.StatusCode);
    }

    [Fact]
    public async Task The_audit_log_filters_by_person_did_it_or_had_it_done_and_by_action_and_pages_within_a_filter()
    {
        var admin = await App.FacilitatorClientAsync();
        var kit = await App.CreateAccountAsync();
        var lou = await App.CreateAccountAsync();
        foreach (var change in new[] { "disable", "enable", "disable", "enable" })
            Assert.True((await admin.PostAsync($"/api/admin/facilitators/{kit.Id}/{change}", null)).IsSuccessStatusCode);
        Assert.True((await admin.PostAsync($"/api/admin/facilitators/{lou.Id}/disable", null)).IsSuccessStatusCode);

        var aboutKit = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/audit?accountId={kit.Id}", ForumApp.Json);
        var actions = aboutKit.EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        // Newest first: what the administrator did to Kit (target) and what Kit did (account).
        Assert.Equal(["admin.facilitator_enable", "admin.facilitator_disable", "admin.facilitator_enable", "admin.facilitator_disable", "account.set_up",
            "admin.facilitator_created"], actions);
        Assert.All(aboutKit.EnumerateArray(), e => Assert.True(
            e.GetProperty("target").GetString() == kit.Id.ToString() || e.GetProperty("accountId").GetGuid() == kit.Id));

        var disables = await admin.GetFromJsonAsync<JsonElement>("/api/admin/audit?action=admin.facilitator_disable", ForumApp.Json);
        Assert.Equal(3, disables.GetArrayLength());
        var kitDisables = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/audit?action=admin.facilitator_disable&accountId={kit.Id}", ForumApp.Json);
        Assert.Equal(2, kitDisables.GetArrayLength());
        var adminGroup = await admin.GetFromJsonAsync<JsonElement>("/api/admin/audit?action=admin.", ForumApp.Json);
        Assert.All(adminGroup.EnumerateArray(), e => Assert.StartsWith("admin.", e.GetProperty("action").GetString(), StringComparison.Ordinal));
        Assert.Equal(8, adminGroup.GetArrayLength()); // bootstrap, 2 created, 5 access changes

        // Paging inside a filter: two at a time, then from the last id seen.
        var first = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/audit?accountId={kit.Id}&limit=2", ForumApp.Json);
        var last = first.EnumerateArray().Last().GetProperty("id").GetInt64();
        var next = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/audit?accountId={kit.Id}&limit=2&before={last}", ForumApp.Json);
        Assert.Equal(actions.Skip(2).Take(2), next.EnumerateArray().Select(e => e.GetProperty("action").GetString()));

        var names = await admin.GetFromJsonAsync<JsonElement>("/api/admin/audit/actions", ForumApp.Json);
        var listed = names.EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Equal(listed.Order(StringComparer.Ordinal), listed);
        Assert.Equal(listed.Distinct(), listed);
        foreach (var action in new[] { "account.set_up", "account.signed_in", "admin.facilitator_disable", "admin.facilitator_enable" })
            Assert.Contains(action, listed);

        // Another organisation sees none of it.
        var outsider = await App.CreateOtherOrganisationAdminAsync();
        Assert.Empty((await outsider.Client.GetFromJsonAsync<JsonElement>($"/api/admin/audit?accountId={kit.Id}", ForumApp.Json)).EnumerateArray());
        Assert.DoesNotContain("admin.facilitator_disable",
            (await outsider.Client.GetFromJsonAsync<JsonElement>("/api/admin/audit/actions", ForumApp.Json)).EnumerateArray().Select(e => e.GetString()));
    }

    [Theory]
    [InlineData("accountId=not-a-guid")]
    [InlineData("action=drop%20table")]
    [InlineData("action=%25")]
    [InlineData("limit=many")]
    public async Task A_malformed_audit_filter_is_a_coded_400(string query)
    {
        var response = await (await App.FacilitatorClientAsync()).GetAsync($"/api/admin/audit?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_request", await CodeOf(response));
    }

    [Fact]
    public async Task Sign_out_everywhere_ends_every_session_of_the_account_and_only_that_account()
    {
        var kit = await App.CreateAccountAsync();
        var phone = await App.SignInAsync(kit.Email, kit.Password);
        var lou = await App.CreateAccountAsync();

        var response = await kit.Client.PostAsync("/api/account/sign-out-everywhere", null);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await kit.Client.GetAsync("/api/account/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await phone.GetAsync("/api/account/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await lou.Client.GetAsync("/api/account/me")).StatusCode);

        // The password still works: a new sign-in starts a new session.
        var again = await App.SignInAsync(kit.Email, kit.Password);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/api/account/me")).StatusCode);
        var audit = await (await App.FacilitatorClientAsync()).GetFromJsonAsync<JsonElement>(
            $"/api/admin/audit?accountId={kit.Id}&action=account.signed_out_everywhere", ForumApp.Json);
        Assert.Single(audit.EnumerateArray());

        var anonymous = await App.CreateSecureClient().PostAsync("/api/account/sign-out-everywhere", null);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("unauthenticated", await CodeOf(anonymous));
    }
}
