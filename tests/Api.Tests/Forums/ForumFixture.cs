using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ForumHub.Api.Features.Meetings;
using ForumHub.Api.Tests.Infrastructure;
using ForumHub.Domain.Meetings;
using Npgsql;

namespace ForumHub.Api.Tests.Forums;

/// <summary>A forum of the seeded organisation and meetings held in it, dated as the test says.</summary>
public sealed class ForumFixture(ForumApp app, Guid forumId)
{
    public Guid ForumId { get; } = forumId;

    public static async Task<ForumFixture> CreateAsync(ForumApp app, string name = "Riverside forum")
    {
        var admin = await app.FacilitatorClientAsync();
        var response = await admin.PostAsJsonAsync("/api/admin/forums/", new { name = name + " " + Guid.NewGuid().ToString("N")[..6] }, ForumApp.Json);
        response.EnsureSuccessStatusCode();
        return new ForumFixture(app, (await response.Content.ReadFromJsonAsync<JsonElement>(ForumApp.Json)).GetProperty("id").GetGuid());
    }

    public async Task<CreatedMeeting> MeetingAsync(string title, DateTimeOffset heldAt)
    {
        var admin = await app.FacilitatorClientAsync();
        var response = await admin.PostAsJsonAsync("/api/meetings",
            new { commandId = Guid.NewGuid(), title, facilitatorName = "Sam", forumId = ForumId }, ForumApp.Json);
        response.EnsureSuccessStatusCode();
        var meeting = (await response.Content.ReadFromJsonAsync<CreatedMeeting>(ForumApp.Json))!;
        // The app's clock is the real one: the meeting row is dated as if it had been held on heldAt.
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var date = new NpgsqlCommand("UPDATE meetings SET created_at = @at WHERE id = @id", connection);
        date.Parameters.AddWithValue("at", heldAt);
        date.Parameters.AddWithValue("id", meeting.MeetingId);
        await date.ExecuteNonQueryAsync();
        return meeting;
    }

    public HttpClient Token(string token)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Closes the meeting and saves a draft of its minutes; publishes it when asked.</summary>
    public async Task MinutesAsync(CreatedMeeting meeting, bool publish)
    {
        await app.SendAsync(new MoveToPhase(Phase.Closed), ForumApp.Facilitator(meeting));
        var facilitator = Token(meeting.FacilitatorToken!);
        var draft = await facilitator.PostAsJsonAsync($"/api/meetings/{meeting.MeetingId}/minutes/drafts", new { }, ForumApp.Json);
        Assert.True(draft.IsSuccessStatusCode, await draft.Content.ReadAsStringAsync());
        if (!publish) return;
        var published = await facilitator.PostAsJsonAsync($"/api/meetings/{meeting.MeetingId}/minutes/publish", new { version = 1 }, ForumApp.Json);
        Assert.True(published.IsSuccessStatusCode, await published.Content.ReadAsStringAsync());
    }
}
