using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ForumHub.Api.Tests.Infrastructure;

namespace ForumHub.Api.Tests.Forums;

/// <summary>Issue 14: a forum's standing members and listeners, managed by its organisation's facilitators.</summary>
public sealed class ForumMembersTests(PostgresFixture postgres) : AppTestBase(postgres)
{
    [Fact]
    public async Task A_facilitator_adds_members_and_listeners_and_bad_input_changes_nothing()
    {
        var forumId = await App.CreateForumAsync();
        var fran = (await App.CreateAccountAsync()).Client;
        var (ana, code) = await fran.AddMemberOkAsync(forumId, "Ana");
        Assert.Equal(10, code.Length);
        var trustee = await fran.AddMemberAsync(forumId, new { kind = "listener", displayName = "Tom", picture = "owl", roleWords = "Trustee", represents = "ignored" });
        Assert.Equal(HttpStatusCode.Created, trustee.StatusCode);
        var other = (await App.CreateOtherOrganisationAdminAsync()).Client;
        var before = await App.FingerprintAsync();

        async Task Refused(object body, HttpStatusCode status, string code)
        {
            var response = await fran.AddMemberAsync(forumId, body);
            Assert.Equal((status, code), (response.StatusCode, await ForumHelpers.CodeOf(response)));
        }
        await Refused(new { displayName = "  ", keepsRecord = true }, HttpStatusCode.BadRequest, "text_empty");
        await Refused(new { displayName = new string('a', 41), keepsRecord = true }, HttpStatusCode.BadRequest, "text_too_long");
        await Refused(new { displayName = "Ben", represents = new string('r', 101), keepsRecord = true }, HttpStatusCode.BadRequest, "text_too_long");
        await Refused(new { displayName = "Ben" }, HttpStatusCode.BadRequest, "consent_missing");
        await Refused(new { kind = "chair", displayName = "Ben", keepsRecord = true }, HttpStatusCode.BadRequest, "forum_member_kind_invalid");
        await Refused(new { displayName = " ANA ", keepsRecord = false }, HttpStatusCode.Conflict, "forum_member_name_taken");
        var unknown = await fran.AddMemberAsync(Guid.NewGuid(), new { displayName = "Ben", keepsRecord = true });
        Assert.Equal((HttpStatusCode.NotFound, "forum_not_found"), (unknown.StatusCode, await ForumHelpers.CodeOf(unknown)));
        // Another organisation's facilitator cannot see or change this forum: it is "not found" for them.
        var theirs = await other.AddMemberAsync(forumId, new { displayName = "Ben", keepsRecord = true });
        Assert.Equal((HttpStatusCode.NotFound, "forum_not_found"), (theirs.StatusCode, await ForumHelpers.CodeOf(theirs)));
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/forums/{forumId}/")).StatusCode);
        // Without signing in: 401; with a meeting token: still 401 (accounts only).
        Assert.Equal(HttpStatusCode.Unauthorized, (await App.CreateClient().GetAsync($"/api/forums/{forumId}/")).StatusCode);
        var wrongMember = await fran.PostAsJsonAsync($"/api/forums/{forumId}/members/{Guid.NewGuid()}/details", new { displayName = "X", keepsRecord = true }, ForumApp.Json);
        Assert.Equal((HttpStatusCode.NotFound, "forum_member_not_found"), (wrongMember.StatusCode, await ForumHelpers.CodeOf(wrongMember)));
        Assert.Equal(before, await App.FingerprintAsync());

        var page = await fran.ForumPageAsync(forumId);
        var member = Assert.Single(page.GetProperty("members").EnumerateArray());
        Assert.Equal(("Ana", "cat", "Oak House", true, true), (member.GetProperty("displayName").GetString(), member.GetProperty("picture").GetString(),
            member.GetProperty("represents").GetString(), member.GetProperty("keepsRecord").GetBoolean(), member.GetProperty("hasCard").GetBoolean()));
        var listener = Assert.Single(page.GetProperty("listeners").EnumerateArray());
        Assert.Equal(("Tom", "Trustee", JsonValueKind.Null), (listener.GetProperty("displayName").GetString(), listener.GetProperty("roleWords").GetString(),
            listener.GetProperty("represents").ValueKind));
        // The card's code is never stored, only its hash.
        Assert.DoesNotContain(code, await App.AllTextAsync(), StringComparison.Ordinal);

        // Consent withdrawn: stored and shown, the member stays.
        var changed = await fran.PostAsJsonAsync($"/api/forums/{forumId}/members/{ana}/details",
            new { displayName = "Ana B", picture = "dog", represents = "Oak House", keepsRecord = false }, ForumApp.Json);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var view = await changed.Content.ReadFromJsonAsync<JsonElement>(ForumApp.Json);
        Assert.Equal(("Ana B", false), (view.GetProperty("displayName").GetString(), view.GetProperty("keepsRecord").GetBoolean()));
    }

    [Fact]
    public async Task A_member_is_exported_and_erased_with_their_links_to_meetings()
    {
        var forumId = await App.CreateForumAsync();
        var fran = (await App.CreateAccountAsync()).Client;
        var (ana, code) = await fran.AddMemberOkAsync(forumId, "Anastasia");
        var meeting = await fran.StartForumMeetingAsync(forumId);
        Assert.Equal(HttpStatusCode.OK, (await App.JoinByCardAsync(code)).StatusCode);

        var export = await fran.GetFromJsonAsync<JsonElement>($"/api/forums/{forumId}/members/{ana}/export", ForumApp.Json);
        Assert.Equal("Anastasia", export.GetProperty("person").GetProperty("displayName").GetString());
        Assert.Equal(meeting.MeetingId, Assert.Single(export.GetProperty("meetingsCameTo").EnumerateArray()).GetProperty("meetingId").GetGuid());
        Assert.False(export.GetProperty("person").TryGetProperty("cardCodeHash", out _));

        var other = (await App.CreateOtherOrganisationAdminAsync()).Client;
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"/api/forums/{forumId}/members/{ana}/erase", null)).StatusCode);
        var erased = await fran.PostAsync($"/api/forums/{forumId}/members/{ana}/erase", null);
        Assert.Equal(HttpStatusCode.OK, erased.StatusCode);
        Assert.Equal(1, (await erased.Content.ReadFromJsonAsync<JsonElement>(ForumApp.Json)).GetProperty("meetingsUnlinked").GetInt32());
        Assert.Empty((await fran.ForumPageAsync(forumId)).GetProperty("members").EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await fran.GetAsync($"/api/forums/{forumId}/members/{ana}/export")).StatusCode);
        // The card no longer works.
        Assert.Equal(HttpStatusCode.NotFound, (await App.JoinByCardAsync(code)).StatusCode);
    }
}
