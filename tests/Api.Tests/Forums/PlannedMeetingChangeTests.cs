using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ForumHub.Api.Tests.Infrastructure;

namespace ForumHub.Api.Tests.Forums;

/// <summary>A facilitator changes or cancels a planned meeting; bad input and other organisations change nothing.</summary>
public sealed class PlannedMeetingChangeTests(PostgresFixture postgres) : AppTestBase(postgres)
{
    [Fact]
    public async Task A_facilitator_changes_a_planned_meeting_and_cancels_another_and_a_started_one_is_left_alone()
    {
        var forumId = await App.CreateForumAsync();
        var fran = (await App.CreateAccountAsync()).Client;
        var when = DateTimeOffset.UtcNow.AddDays(7);
        var created = await fran.PostAsJsonAsync($"/api/forums/{forumId}/planned/", new { startsAt = when, place = "Town hall", about = "Buses", invitationPublic = false }, ForumApp.Json);
        var plan = await created.Content.ReadFromJsonAsync<JsonElement>(ForumApp.Json);
        var (id, key) = (plan.GetProperty("id").GetGuid(), plan.GetProperty("invitationKey").GetString()!);
        Task<HttpResponseMessage> Change(HttpClient client, Guid plannedId, object body) =>
            client.PostAsJsonAsync($"/api/forums/{forumId}/planned/{plannedId}/details", body, ForumApp.Json);

        // Refused: each with its code, and nothing changes.
        var other = (await App.CreateOtherOrganisationAdminAsync()).Client;
        var before = await App.FingerprintAsync();
        foreach (var (client, plannedId, body, status, code) in new (HttpClient, Guid, object, HttpStatusCode, string)[]
        {
            (fran, id, new { startsAt = when, place = " ", about = "Buses" }, HttpStatusCode.BadRequest, "text_empty"),
            (fran, id, new { startsAt = when, place = "Town hall", about = new string('a', 301) }, HttpStatusCode.BadRequest, "text_too_long"),
            (fran, id, new { startsAt = when.AddDays(-30), place = "Town hall", about = "Buses" }, HttpStatusCode.BadRequest, "date_invalid"),
            (fran, id, new { place = "Town hall", about = "Buses" }, HttpStatusCode.BadRequest, "date_invalid"),
            (fran, Guid.NewGuid(), new { startsAt = when, place = "Town hall", about = "Buses" }, HttpStatusCode.NotFound, "planned_meeting_not_found"),
            (other, id, new { startsAt = when, place = "Town hall", about = "Buses" }, HttpStatusCode.NotFound, "forum_not_found"),
        })
        {
            var refused = await Change(client, plannedId, body);
            Assert.Equal((status, code), (refused.StatusCode, await ForumHelpers.CodeOf(refused)));
        }
        var notFound = await fran.PostAsync($"/api/forums/{forumId}/planned/{Guid.NewGuid()}/cancel", null);
        Assert.Equal((HttpStatusCode.NotFound, "planned_meeting_not_found"), (notFound.StatusCode, await ForumHelpers.CodeOf(notFound)));
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"/api/forums/{forumId}/planned/{id}/cancel", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await App.CreateClient().PostAsync($"/api/forums/{forumId}/planned/{id}/cancel", null)).StatusCode);
        Assert.Equal(before, await App.FingerprintAsync());

        // Changed: another day and room, now public; the same link shows it to anyone.
        var later = when.AddDays(1);
        var changed = await Change(fran, id, new { startsAt = later, place = "Library", about = "Buses and trains", invitationPublic = true });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var invitation = await App.CreateClient().GetFromJsonAsync<JsonElement>($"/api/invitations/{key}", ForumApp.Json);
        Assert.Equal(("Library", "Buses and trains"), (invitation.GetProperty("place").GetString(), invitation.GetProperty("about").GetString()));
        Assert.Equal(later.ToUnixTimeSeconds(), invitation.GetProperty("startsAt").GetDateTimeOffset().ToUnixTimeSeconds());

        // Cancelled: gone from the forum page, and its link finds nothing.
        var cancelled = await fran.PostAsync($"/api/forums/{forumId}/planned/{id}/cancel", null);
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Empty((await fran.ForumPageAsync(forumId)).GetProperty("plannedMeetings").EnumerateArray());
        var gone = await App.CreateClient().GetAsync($"/api/invitations/{key}");
        Assert.Equal((HttpStatusCode.NotFound, "invitation_not_found"), (gone.StatusCode, await ForumHelpers.CodeOf(gone)));

        // Started: it is a live meeting now, changed and ended there.
        var next = await (await fran.PostAsJsonAsync($"/api/forums/{forumId}/planned/", new { startsAt = when, place = "Town hall", about = "Trains" }, ForumApp.Json))
            .Content.ReadFromJsonAsync<JsonElement>(ForumApp.Json);
        var nextId = next.GetProperty("id").GetGuid();
        await fran.PostAsJsonAsync($"/api/forums/{forumId}/planned/{nextId}/start", new { commandId = Guid.NewGuid() }, ForumApp.Json);
        var startedChange = await Change(fran, nextId, new { startsAt = when, place = "Library", about = "Trains" });
        Assert.Equal((HttpStatusCode.Conflict, "already_started"), (startedChange.StatusCode, await ForumHelpers.CodeOf(startedChange)));
        var startedCancel = await fran.PostAsync($"/api/forums/{forumId}/planned/{nextId}/cancel", null);
        Assert.Equal((HttpStatusCode.Conflict, "already_started"), (startedCancel.StatusCode, await ForumHelpers.CodeOf(startedCancel)));
    }
}
