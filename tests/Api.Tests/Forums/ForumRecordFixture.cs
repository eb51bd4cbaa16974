using System.Net.Http.Json;
using System.Text.Json;
using ForumHub.Api.Features.Meetings;
using ForumHub.Api.Features.Participants;
using ForumHub.Api.Tests.Infrastructure;
using ForumHub.Domain.Meetings;
using Npgsql;

namespace ForumHub.Api.Tests.Forums;

/// <summary>Meetings of a forum for "My forum record", run through the real commands, as they happen (not back-dated).</summary>
public static class ForumRecordFixture
{
    public static async Task<CreatedMeeting> StartAsync(this ForumApp app, Guid forumId, string title)
    {
        var response = await (await app.FacilitatorClientAsync()).PostAsJsonAsync("/api/meetings",
            new { commandId = Guid.NewGuid(), title, facilitatorName = "Sam", forumId }, ForumApp.Json);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<CreatedMeeting>(ForumApp.Json))!;
    }

    public static async Task<JoinedMeeting> JoinWithCardAsync(this ForumApp app, string code)
    {
        var response = await app.JoinByCardAsync(code);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JoinedMeeting>(ForumApp.Json))!;
    }

    public static Task CloseAsync(this ForumApp app, CreatedMeeting meeting) => app.SendAsync(new MoveToPhase(Phase.Closed), ForumApp.Facilitator(meeting));

    public static async Task SetConsentAsync(this HttpClient fran, Guid forumId, Guid memberId, string name, bool keepsRecord)
    {
        var response = await fran.PostAsJsonAsync($"/api/forums/{forumId}/members/{memberId}/details",
            new { displayName = name, picture = "cat", represents = "Oak House", keepsRecord }, ForumApp.Json);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }
}
