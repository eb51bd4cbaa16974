using System.Text.Json;
using ForumHub.Api.Infrastructure;
using ForumHub.Domain.Meetings;
using Microsoft.EntityFrameworkCore;

namespace ForumHub.Api.Persistence;

/// <summary>
/// Rewrites events already stored, in place: not an append (no new sequence number, no version change), so it does
/// not go through <see cref="EventWriter"/>, but it lives beside it because it knows the same table. Only erasure on
/// request uses it, inside the caller's transaction while the meeting has no writer.
/// </summary>
public static class EventRewriter
{
    private static readonly string Joined = EventSerializer.TypeName(typeof(ParticipantJoined));
    private static readonly string Answered = EventSerializer.TypeName(typeof(QuestionAnswered));

    /// <summary>The texts of the participant's stored answers to one question.</summary>
    public static Task<List<string>> AnswersOfAsync(ForumDbContext db, Guid meetingId, Guid participantId, Question question, CancellationToken ct)
    {
        var id = participantId.ToString();
        var asked = StoredName(question);
        return db.Database.SqlQuery<string>($"""
            SELECT payload->>'text' AS "Value" FROM meeting_events
             WHERE meeting_id = {meetingId} AND type = {Answered} AND payload->>'participantId' = {id}
               AND payload->>'question' = {asked}
            """).ToListAsync(ct);
    }

    /// <summary>Gives the participant's stored participantJoined event a new name and no picture.</summary>
    public static Task RenameAsync(ForumDbContext db, Guid meetingId, Guid participantId, string newName, CancellationToken ct)
    {
        var id = participantId.ToString();
        return db.Database.ExecuteSqlInterpolatedAsync($$"""
            UPDATE meeting_events
               SET payload = jsonb_set(jsonb_set(payload, '{displayName}', to_jsonb({{newName}}::text)), '{picture}', 'null'::jsonb)
             WHERE meeting_id = {{meetingId}} AND type = {{Joined}} AND payload->>'participantId' = {{id}}
            """, ct);
    }

    /// <summary>Replaces the text (and picture) of each of the participant's stored answers to one question.</summary>
    public static Task ReplaceAnswersAsync(ForumDbContext db, Guid meetingId, Guid participantId, Question question, string text, CancellationToken ct)
    {
        var id = participantId.ToString();
        var asked = StoredName(question);
        return db.Database.ExecuteSqlInterpolatedAsync($$"""
            UPDATE meeting_events
               SET payload = jsonb_set(jsonb_set(payload, '{text}', to_jsonb({{text}}::text)), '{picture}', 'null'::jsonb)
             WHERE meeting_id = {{meetingId}} AND type = {{Answered}} AND payload->>'participantId' = {{id}}
               AND payload->>'question' = {{asked}}
            """, ct);
    }

    /// <summary>The question as stored in event payloads (e.g. "whyAreYouHere").</summary>
    private static string StoredName(Question question) => JsonSerializer.SerializeToElement(question, ForumJson.Options).GetString()!;
}
