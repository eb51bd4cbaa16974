using ForumHub.Api.Infrastructure;
using ForumHub.Domain.Meetings;
using Npgsql;
using NpgsqlTypes;
using static ForumHub.Api.Persistence.EventWriter;

namespace ForumHub.Api.Persistence;

/// <summary>
/// Keeps a forum's follow-up list (forum_follow_ups) in step with the events, in the same batch as the events: when a
/// meeting of a forum closes, what it leaves open joins the list; the review of a later meeting updates it; an action
/// marked done after its meeting closed leaves it. A meeting without a forum adds nothing (the INSERT finds no forum).
/// </summary>
public static class FollowUpWriter
{
    private const string InsertFollowUp = """
        INSERT INTO forum_follow_ups (id, forum_id, meeting_id, kind, text, picture, about, said, owner_id, owner_name, owner_picture,
            owner_role, you_said, said_on, status, drop_reason, note, agenda_meeting_id, agenda_item_id, opened_at, updated_at, closed_at)
        SELECT $1, o.forum_id, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 'NotYet', NULL, NULL, NULL, NULL, $14, $14, NULL
          FROM meeting_owners o WHERE o.meeting_id = $2 AND o.forum_id IS NOT NULL
        ON CONFLICT (id) DO NOTHING
        """;
    private const string SetStatus = """
        UPDATE forum_follow_ups SET status = $2, drop_reason = $3, note = COALESCE($4, note), updated_at = $5,
               closed_at = CASE WHEN $2 IN ('Done', 'Dropped') THEN $5 ELSE NULL END
         WHERE id = $1
        """;
    // The row may be gone (its meeting's data deleted); the event must still be stored, so no foreign key failure.
    private const string InsertUpdate = """
        INSERT INTO forum_follow_up_updates (meeting_id, seq, follow_up_id, status, note, reason, at)
        SELECT $1, $2, $3, $4, $5, $6, $7 WHERE EXISTS (SELECT 1 FROM forum_follow_ups WHERE id = $3)
        """;
    private const string PutOnAgenda = "UPDATE forum_follow_ups SET agenda_meeting_id = $2, agenda_item_id = $3, updated_at = $4 WHERE id = $1";

    public static void Add(NpgsqlBatch batch, Meeting meeting, long seq, IMeetingEvent e, DateTimeOffset at)
    {
        switch (e)
        {
            case PhaseChanged { To: Phase.Closed }:
                foreach (var f in LeftOpen(meeting))
                    EventWriter.Add(batch, InsertFollowUp, Uuid(f.FollowUpId), Uuid(meeting.Id), Text(f.Kind.ToString()), Text(f.Text), Text(f.Picture),
                        Text(f.About), Text(f.Said), Uuid(f.OwnerId), Text(f.OwnerName), Text(f.OwnerPicture), Text(f.OwnerRole?.ToString()),
                        Bool(f.YouSaid), Date(f.SaidOn), Instant(at));
                break;
            case FollowUpStatusSet s:
                EventWriter.Add(batch, SetStatus, Uuid(s.FollowUpId), Text(s.Status.ToString()), Text(s.Reason), Text(s.Note), Instant(s.At));
                EventWriter.Add(batch, InsertUpdate, Uuid(meeting.Id), Bigint(seq), Uuid(s.FollowUpId), Text(s.Status.ToString()), Text(s.Note),
                    Text(s.Reason), Instant(s.At));
                break;
            case FollowUpPutOnAgenda p:
                EventWriter.Add(batch, PutOnAgenda, Uuid(p.FollowUpId), Uuid(meeting.Id), Uuid(p.ItemId), Instant(at));
                break;
            case ActionStatusChanged a:
                var status = a.Status switch { ActionStatus.Done => FollowUpStatus.Done, ActionStatus.Dropped => FollowUpStatus.Dropped, _ => FollowUpStatus.NotYet };
                EventWriter.Add(batch, SetStatus, Uuid(a.ActionId), Text(status.ToString()), Text(null), Text(null), Instant(at));
                break;
        }
    }

    /// <summary>
    /// What a closing meeting leaves for the forum: items carried forward, actions still open, and listeners' responses
    /// no action answers yet (an action from a response carries the response's words in Said).
    /// </summary>
    public static IEnumerable<ReviewEntry> LeftOpen(Meeting m)
    {
        var on = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(m.CreatedAt, UkTime).DateTime); // the day the forum met, in the UK
        string? TitleOf(Guid? itemId) => itemId is { } id ? m.FindItem(id)?.Title : null;
        ReviewEntry Entry(Guid id, FollowUpKind kind, string text, string? picture, string? about, string? said, Guid ownerId, bool youSaid)
        {
            var owner = m.FindParticipant(ownerId);
            return new ReviewEntry(id, kind, text, picture, about, said, ownerId, owner?.DisplayName, owner?.Picture, owner?.Role,
                youSaid || owner?.Role == Role.Listener, m.Id, on, FollowUpStatus.NotYet, null);
        }
        foreach (var item in m.Items.Where(i => i.Status == ItemStatus.CarriedForward))
            yield return Entry(item.Id, FollowUpKind.Item, item.Title, item.Picture, null, null, item.ProposedById, false);
        foreach (var action in m.Actions.Where(a => a.Status == ActionStatus.Open))
        {
            var response = m.Responses.FirstOrDefault(r => r.Id == action.FromResponseId);
            yield return Entry(action.Id, FollowUpKind.Action, action.What, null, TitleOf(action.ItemId ?? response?.ItemId), response?.Text,
                action.OwnerId, response is not null);
        }
        foreach (var response in m.Responses.Where(r => !m.Actions.Any(a => a.FromResponseId == r.Id)))
            yield return Entry(response.Id, FollowUpKind.Response, response.Text, null, TitleOf(response.ItemId), null, response.ListenerId, true);
    }

    private static TimeZoneInfo UkTime => EasyReadDates.UkTime;

    private static NpgsqlParameter Bool(bool value) => new() { NpgsqlDbType = NpgsqlDbType.Boolean, Value = value };
    private static NpgsqlParameter Date(DateOnly value) => new() { NpgsqlDbType = NpgsqlDbType.Date, Value = value };
}
