using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ForumHub.Api.Tests.Infrastructure;

namespace ForumHub.Api.Tests.Forums;

/// <summary>Issue 14: the forum's next meeting is planned, invited to (public only by choice) and started.</summary>
public sealed class PlannedMeetingTests(PostgresFixture postgres) : AppTestBase(postgres)
{
    private static Task<HttpResponseMessage> PlanAsync(HttpClient client, Guid forumId, object body) =>
        client.PostAsJsonAsync($"/api/forums/{forumId}/planned/", body, ForumApp.Json);

    [Fact]
    public async Task A_facilitator_plans_the_next_meeting_and_starts_it_when_the_day_comes()
    {
        var forumId = await App.CreateForumAsync();
        var fran = (await App.CreateAccountAsync()).Client;
        var (_, code) = await fran.AddMemberOkAsync(forumId, "Ana");
        var when = DateTimeOffset.UtcNow.AddDays(7);
        var other = (await App.CreateOtherOrganisationAdminAsync()).Client;
        var before = await App.FingerprintAsync();
        foreach (var (body, expected) in new (object, string)[]
        {
            (new { startsAt = when, place = " ", about = "Buses" }, "text_empty"),
            (new { startsAt = when, place = "Town hall", about = new string('a', 301) }, "text_too_long"),
            (new { place = "Town hall", about = "Buses" }, "date_invalid"),
            (new { startsAt = when.AddDays(-30), place = "Town hall", about = "Buses" }, "date_invalid"),
        })
        {
            var refused = await PlanAsync(fran, forumId, body);
            Assert.Equal((HttpStatusCode.BadRequest, expected), (refused.StatusCode, await ForumHelpers.CodeOf(refused)));
        }
        Assert.Equal(HttpStatusCode.NotFound, (await PlanAsync(other, forumId,
            new { startsAt = when, place = "Town hall", about = "Buses" })).StatusCode);
        Assert.Equal(before, await App.FingerprintAsync());

        var planned = await PlanAsync(fran, forumId, new { startsAt = when, place = "Town hall, room 2", about = "Buses and trains", invitationPublic = false });
        Assert.Equal(HttpStatusCode.Created, planned.StatusCode);
        var plan = await planned.Content.ReadFromJsonAsync<JsonElement>(ForumApp.Json);
        var plannedId = plan.GetProperty("id").GetGuid();
        var page = await fran.ForumPageAsync(forumId);
        Assert.Equal("Buses and trains", Assert.Single(page.GetProperty("plannedMeetings").EnumerateArray()).GetProperty("about").GetString());

        var start = await fran.PostAsJsonAsync($"/api/forums/{forumId}/planned/{plannedId}/start", new { commandId = Guid.NewGuid() }, ForumApp.Json);
        Assert.Equal(HttpStatusCode.OK, start.StatusCode);
        var meetingId = (await start.Content.ReadFromJsonAsync<JsonElement>(ForumApp.Json)).GetProperty("meetingId").GetGuid();
        Assert.Equal("Buses and trains", (await App.SnapshotAsync(meetingId)).Title);
        page = await fran.ForumPageAsync(forumId);
        Assert.Empty(page.GetProperty("plannedMeetings").EnumerateArray());
        Assert.Equal(meetingId, Assert.Single(page.GetProperty("liveMeetings").EnumerateArray()).GetProperty("meetingId").GetGuid());
        // It is the forum's meeting: Ana's card joins it.
        var joined = await App.JoinByCardAsync(code);
        Assert.Equal(meetingId, (await joined.Content.ReadFromJsonAsync<JsonElement>(ForumApp.Json)).GetProperty("meetingId").GetGuid());

        var again = await fran.PostAsJsonAsync($"/api/forums/{forumId}/planned/{plannedId}/start", new { commandId = Guid.NewGuid() }, ForumApp.Json);
        Assert.Equal((HttpStatusCode.Conflict, "already_started"), (again.StatusCode, await ForumHelpers.CodeOf(again)));
        var unknown = await fran.PostAsJsonAsync($"/api/forums/{forumId}/planned/{Guid.NewGuid()}/start", new { commandId = Guid.NewGuid() }, ForumApp.Json);
        Assert.Equal((HttpStatusCode.NotFound, "planned_meeting_not_found"), (unknown.StatusCode, await ForumHelpers.CodeOf(unknown)));
    }

    [Fact]
    public async Task The_invitation_is_public_only_if_the_facilitator_chooses_and_never_names_people_to_the_public()
    {
        var forumId = await App.CreateForumAsync();
        var fran = (await App.CreateAccountAsync()).Client;
        var (_, code) = await fran.AddMemberOkAsync(forumId, "Ana");
        async Task<string> Plan(bool isPublic, string place) =>
            (await (await PlanAsync(fran, forumId, new { startsAt = DateTimeOffset.UtcNow.AddDays(3), place, about = "Buses", invitationPublic = isPublic }))
                .Content.ReadFromJsonAsync<JsonElement>(ForumApp.Json)).GetProperty("invitationKey").GetString()!;
        var privateKey = await Plan(false, "Town hall");
        var publicKey = await Plan(true, "https://video.example.org/north");
        var anyone = App.CreateClient();

        var hidden = await anyone.GetAsync($"/api/invitations/{privateKey}");
        Assert.Equal((HttpStatusCode.NotFound, "invitation_not_found"), (hidden.StatusCode, await ForumHelpers.CodeOf(hidden)));
        Assert.Equal(HttpStatusCode.NotFound, (await (await App.CreateOtherOrganisationAdminAsync()).Client.GetAsync($"/api/invitations/{privateKey}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anyone.GetAsync("/api/invitations/not-a-key")).StatusCode);

        var insider = await fran.GetFromJsonAsync<JsonElement>($"/api/invitations/{privateKey}", ForumApp.Json);
        Assert.Equal(("Town hall", false), (insider.GetProperty("place").GetString(), insider.GetProperty("isVideoLink").GetBoolean()));
        Assert.Equal("Ana", Assert.Single(insider.GetProperty("people").EnumerateArray()).GetProperty("displayName").GetString());

        var open = await anyone.GetFromJsonAsync<JsonElement>($"/api/invitations/{publicKey}", ForumApp.Json);
        Assert.True(open.GetProperty("isVideoLink").GetBoolean());
        Assert.Empty(open.GetProperty("people").EnumerateArray());

        // A card holder reads their forum's next invitation, private or not, with the people.
        var byCard = await anyone.PostAsJsonAsync("/api/forum-cards/invitation", new { code }, ForumApp.Json);
        Assert.Equal(HttpStatusCode.OK, byCard.StatusCode);
        var invitation = await byCard.Content.ReadFromJsonAsync<JsonElement>(ForumApp.Json);
        Assert.Equal("Town hall", invitation.GetProperty("place").GetString());
        Assert.Single(invitation.GetProperty("people").EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await anyone.PostAsJsonAsync("/api/forum-cards/invitation", new { code = "AAAAAAAAAA" }, ForumApp.Json)).StatusCode);
    }
}
