using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ForumHub.Api.Tests.Infrastructure;

namespace ForumHub.Api.Tests.Access;

/// <summary>The walk's calls for the forum endpoints (issue 14): each gets a fresh forum of the seeded organisation.</summary>
public sealed partial class EndpointTableWalkTests
{
    private sealed record ForumFixture(Guid ForumId, Guid MemberId, string CardCode, Guid PlannedId, string InvitationKey);

    private static bool IsForumRoute(string pattern) =>
        pattern.StartsWith("/api/forums/{forumId:guid}", StringComparison.Ordinal) || pattern.StartsWith("/api/forum-cards", StringComparison.Ordinal)
        || pattern.StartsWith("/api/invitations", StringComparison.Ordinal) || pattern.Contains("/forum-members", StringComparison.Ordinal);

    private async Task<ForumFixture> ForumFixtureAsync(bool openMeeting)
    {
        var admin = await App.FacilitatorClientAsync();
        var forum = await admin.PostAsJsonAsync("/api/admin/forums/", new { name = $"Forum {Guid.NewGuid():N}" }, ForumApp.Json);
        var forumId = (await forum.Content.ReadFromJsonAsync<JsonElement>(ForumApp.Json)).GetProperty("id").GetGuid();
        var member = await (await admin.PostAsJsonAsync($"/api/forums/{forumId}/members/", new { displayName = "Wanda", keepsRecord = true }, ForumApp.Json))
            .Content.ReadFromJsonAsync<JsonElement>(ForumApp.Json);
        var planned = await (await admin.PostAsJsonAsync($"/api/forums/{forumId}/planned/",
                new { startsAt = DateTimeOffset.UtcNow.AddDays(1), place = "Hall", about = "Walking", invitationPublic = true }, ForumApp.Json))
            .Content.ReadFromJsonAsync<JsonElement>(ForumApp.Json);
        if (openMeeting)
            (await admin.PostAsJsonAsync("/api/meetings/", new { commandId = Guid.NewGuid(), title = "Walk", facilitatorName = "Fay", forumId }, ForumApp.Json))
                .EnsureSuccessStatusCode();
        return new ForumFixture(forumId, member.GetProperty("member").GetProperty("id").GetGuid(), member.GetProperty("card").GetProperty("code").GetString()!,
            planned.GetProperty("id").GetGuid(), planned.GetProperty("invitationKey").GetString()!);
    }

    /// <summary>Path, body and "works" for a forum endpoint; the meeting's list of forum members is walked at its door.</summary>
    private async Task<(string Path, object? Body, Func<HttpResponseMessage, bool>? Works)> ForumRecipeAsync(string operation, string pattern, string path)
    {
        var fixture = await ForumFixtureAsync(openMeeting: operation == "POST /api/forum-cards/join");
        path = path.Replace("{forumId:guid}", fixture.ForumId.ToString()).Replace("{memberId:guid}", fixture.MemberId.ToString())
            .Replace("{plannedId:guid}", fixture.PlannedId.ToString()).Replace("{key}", fixture.InvitationKey);
        Func<HttpResponseMessage, bool> door = r => r.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden) || !IsAccessCode(r);
        return operation switch
        {
            "POST /api/forums/{forumId:guid}/members/" => (path, new { displayName = "Walter", keepsRecord = true }, null),
            "POST /api/forums/{forumId:guid}/members/{memberId:guid}/details" => (path, new { displayName = "Wendy", keepsRecord = false }, null),
            "POST /api/forums/{forumId:guid}/planned/" => (path, new { startsAt = DateTimeOffset.UtcNow.AddDays(2), place = "Hall", about = "More" }, null),
            "POST /api/forums/{forumId:guid}/planned/{plannedId:guid}/start" => (path, new { commandId = Guid.NewGuid() }, null),
            "POST /api/forums/{forumId:guid}/planned/{plannedId:guid}/details" => (path, new { startsAt = DateTimeOffset.UtcNow.AddDays(3), place = "Hall", about = "Running" }, null),
            "POST /api/forum-cards/join" => (path, new { commandId = Guid.NewGuid(), code = fixture.CardCode }, null),
            "GET /api/forums/{forumId:guid}/search" => (path + "?q=bus", null, null), // a search needs words
            "POST /api/forum-cards/invitation" => (path, new { code = fixture.CardCode }, null),
            "POST /api/forum-cards/record" => (path, new { code = fixture.CardCode }, null),
            // The scenario's meeting is not a forum's: past the door these answer not_a_forum_meeting / participant_not_found.
            "POST /api/forums/{forumId:guid}/members/from-meeting" => (path, new { meetingId = Scenario.Id, participantId = Scenario.Ana.ParticipantId, keepsRecord = true }, door),
            _ when pattern.Contains("/forum-members", StringComparison.Ordinal) => (path.Replace("{memberId:guid}", Guid.NewGuid().ToString()),
                new { commandId = Guid.NewGuid() }, door),
            _ => (path, null, null),
        };
    }
}
