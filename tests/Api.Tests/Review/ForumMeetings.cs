using System.Net.Http.Json;
using ForumHub.Api.Features.Accounts;
using ForumHub.Api.Features.Meetings;
using ForumHub.Api.Features.Participants;
using ForumHub.Api.Runtime;
using ForumHub.Api.Tests.Infrastructure;
using Npgsql;

namespace ForumHub.Api.Tests.Review;

/// <summary>Meetings of one forum, for the carry-forward review tests.</summary>
public sealed record ForumMeeting(CreatedMeeting Created, JoinedMeeting Ana, JoinedMeeting Ben, JoinedMeeting Tom)
{
    public Guid Id => Created.MeetingId;
    public Caller Facilitator => ForumApp.Facilitator(Created);
}

public static class ForumMeetings
{
    /// <summary>A new forum of the seeded administrator's organisation.</summary>
    public static async Task<Guid> FirstForumAsync(this ForumApp app)
    {
        var response = await (await app.FacilitatorClientAsync()).PostAsJsonAsync("/api/admin/forums/", new { name = "North forum " + Guid.NewGuid().ToString("N")[..6] }, ForumApp.Json);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<ForumView>(ForumApp.Json))!.Id;
    }

    /// <summary>A meeting of the forum with Ana and Ben (members) and Trustee Tom (listener), who come to every meeting.</summary>
    public static async Task<ForumMeeting> StartForumMeetingAsync(this ForumApp app, Guid? forumId, string title)
    {
        var response = await (await app.FacilitatorClientAsync()).PostAsJsonAsync("/api/meetings",
            new { commandId = Guid.NewGuid(), title, facilitatorName = "Sam", forumId }, ForumApp.Json);
        response.EnsureSuccessStatusCode();
        var created = (await response.Content.ReadFromJsonAsync<CreatedMeeting>(ForumApp.Json))!;
        return new ForumMeeting(created, await app.JoinAsync(created.JoinCode, "Ana"), await app.JoinAsync(created.JoinCode, "Ben"),
            await app.JoinAsync(created.ListenerCode, "Trustee Tom"));
    }

    /// <summary>Every row of the forum's follow-up list and its history, to prove a refused command changed nothing.</summary>
    public static async Task<string> FollowUpFingerprintAsync(this ForumApp app)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT coalesce((SELECT string_agg(t::text, '|' ORDER BY t::text) FROM forum_follow_ups t), '') || '#' ||
                   coalesce((SELECT string_agg(u::text, '|' ORDER BY u::text) FROM forum_follow_up_updates u), '')
            """, connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    public static async Task<T?> ScalarAsync<T>(this ForumApp app, string sql, params (string Name, object Value)[] args)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in args) command.Parameters.AddWithValue(name, value);
        var result = await command.ExecuteScalarAsync();
        return result is DBNull or null ? default : (T)result;
    }
}
