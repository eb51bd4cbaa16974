using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ForumHub.Api.Tests.Infrastructure;

namespace ForumHub.Api.Tests.Forums;

/// <summary>Forums, their members and meetings over HTTP, as the web app does it.</summary>
public static class ForumHelpers
{
    public static async Task<Guid> CreateForumAsync(this ForumApp app, string name = "North forum")
    {
        var admin = await app.FacilitatorClientAsync();
        var response = await admin.PostAsJsonAsync("/api/admin/forums/", new { name = name + " " + Guid.NewGuid().ToString("N")[..6] }, ForumApp.Json);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(ForumApp.Json)).GetProperty("id").GetGuid();
    }

    public static Task<HttpResponseMessage> AddMemberAsync(this HttpClient client, Guid forumId, object body) =>
        client.PostAsJsonAsync($"/api/forums/{forumId}/members/", body, ForumApp.Json);

    /// <summary>Adds a member who said yes to keeping their record; answers (member id, card code).</summary>
    public static async Task<(Guid Id, string Code)> AddMemberOkAsync(this HttpClient client, Guid forumId, string name, string kind = "member",
        bool keepsRecord = true)
    {
        var response = await client.AddMemberAsync(forumId, new { kind, displayName = name, picture = "cat", represents = "Oak House", keepsRecord });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(ForumApp.Json);
        return (body.GetProperty("member").GetProperty("id").GetGuid(), body.GetProperty("card").GetProperty("code").GetString()!);
    }

    public static async Task<JsonElement> ForumPageAsync(this HttpClient client, Guid forumId)
    {
        var response = await client.GetAsync($"/api/forums/{forumId}/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(ForumApp.Json);
    }

    /// <summary>Starts a live meeting of the forum; answers its meetingId, facilitator token and join code.</summary>
    public static async Task<(Guid MeetingId, string FacilitatorToken, string JoinCode)> StartForumMeetingAsync(this HttpClient client, Guid forumId)
    {
        var response = await client.PostAsJsonAsync("/api/meetings", new { commandId = Guid.NewGuid(), title = "Forum meeting", facilitatorName = "Fran", forumId },
            ForumApp.Json);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(ForumApp.Json);
        return (body.GetProperty("meetingId").GetGuid(), body.GetProperty("facilitatorToken").GetString()!, body.GetProperty("joinCode").GetString()!);
    }

    public static Task<HttpResponseMessage> JoinByCardAsync(this ForumApp app, string code, Guid? commandId = null) =>
        app.CreateClient().PostAsJsonAsync("/api/forum-cards/join", new { commandId = commandId ?? Guid.NewGuid(), code }, ForumApp.Json);

    public static HttpClient WithToken(this ForumApp app, string token)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    public static async Task<string?> CodeOf(HttpResponseMessage response)
    {
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(ForumApp.Json);
        return body.TryGetProperty("code", out var code) ? code.GetString() : null;
    }
}
