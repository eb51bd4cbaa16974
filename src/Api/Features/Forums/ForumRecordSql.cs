namespace ForumHub.Api.Features.Forums;

/// <summary>
/// The SQL of "My forum record" for one forum member, over the stored events (jsonb, camelCase) of the forum's closed
/// meetings they came to while they said yes to keeping a record. Rules (docs/protocol.md 5.15):
/// - a meeting counts when it is closed, the member's answer in force when it started was yes (before their first
///   answer, e.g. a newcomer added to the forum after the meeting, their first answer), and no "no" came before it closed;
/// - they came when one of its participants is linked to them (participants.forum_member_id; removed ones too: they were there);
/// - an idea is an itemProposed from them (a supporter may have typed it), on the agenda when in the meeting's last agendaAgreed;
/// - a vote is a ballot row (never the choice: secret votes stay secret, and hand counts name nobody);
/// - an action is theirs when they own it, done when its last status in its meeting, or on the forum's follow-up list, is done;
/// - a role (meetingRoleGiven, read from the stored JSON so this compiles without the roles feature) counts once per
///   meeting and role, when it was given in that meeting at all: whoever chaired half a meeting was its chair.
/// </summary>
internal static class ForumRecordSql
{
    public sealed record Row(int Meetings, DateTimeOffset? FirstMeeting, DateTimeOffset? LastMeeting, int Ideas, int IdeasOnAgenda, int Votes,
        int Actions, int ActionsDone);

    public sealed record RoleRow(string Role, int Meetings);

    private const string Mine = """
        consent AS (SELECT changed_at, keeps_record FROM forum_member_consents WHERE forum_member_id = {0}),
        ms AS (SELECT m.id, m.created_at, m.closed_at FROM forum_members fm
                 JOIN meeting_owners o ON o.forum_id = fm.forum_id JOIN meetings m ON m.id = o.meeting_id
                WHERE fm.id = {0} AND m.closed_at IS NOT NULL),
        counted AS (SELECT ms.id, ms.created_at FROM ms
                     WHERE coalesce((SELECT c.keeps_record FROM consent c WHERE c.changed_at <= ms.created_at ORDER BY c.changed_at DESC LIMIT 1),
                                    (SELECT c.keeps_record FROM consent c ORDER BY c.changed_at LIMIT 1), false)
                       AND NOT EXISTS (SELECT 1 FROM consent c WHERE c.changed_at > ms.created_at AND c.changed_at < ms.closed_at AND NOT c.keeps_record)),
        mine AS (SELECT p.id, p.meeting_id, counted.created_at FROM participants p JOIN counted ON counted.id = p.meeting_id WHERE p.forum_member_id = {0}),
        ev AS (SELECT e.meeting_id, e.seq, e.type, e.payload FROM meeting_events e WHERE e.meeting_id IN (SELECT meeting_id FROM mine))
        """;

    public static FormattableString Figures(Guid memberId) => System.Runtime.CompilerServices.FormattableStringFactory.Create(
        "WITH " + Mine + """
        ,
        ideas AS (SELECT e.meeting_id, e.payload->'itemId' AS id FROM ev e
                    JOIN mine ON mine.meeting_id = e.meeting_id AND mine.id = (e.payload->>'proposedById')::uuid WHERE e.type = 'itemProposed'),
        agreed AS (SELECT DISTINCT ON (e.meeting_id) e.meeting_id, e.payload->'itemIds' AS ids FROM ev e
                    WHERE e.type = 'agendaAgreed' ORDER BY e.meeting_id, e.seq DESC),
        actions AS (SELECT (e.payload->>'actionId')::uuid AS id,
                           (SELECT s.payload->>'status' FROM ev s WHERE s.type = 'actionStatusChanged' AND s.meeting_id = e.meeting_id
                               AND s.payload->>'actionId' = e.payload->>'actionId' ORDER BY s.seq DESC LIMIT 1) AS status
                      FROM ev e JOIN mine ON mine.meeting_id = e.meeting_id AND mine.id = (e.payload->>'ownerId')::uuid WHERE e.type = 'actionAdded')
        SELECT (SELECT count(DISTINCT meeting_id) FROM mine)::int AS "Meetings",
               (SELECT min(created_at) FROM mine) AS "FirstMeeting",
               (SELECT max(created_at) FROM mine) AS "LastMeeting",
               (SELECT count(*) FROM ideas)::int AS "Ideas",
               (SELECT count(*) FROM ideas i JOIN agreed a ON a.meeting_id = i.meeting_id WHERE a.ids @> jsonb_build_array(i.id))::int AS "IdeasOnAgenda",
               (SELECT count(*) FROM ballots b JOIN mine ON mine.id = b.member_id AND mine.meeting_id = b.meeting_id)::int AS "Votes",
               (SELECT count(*) FROM actions)::int AS "Actions",
               (SELECT count(*) FROM actions a WHERE a.status = 'done'
                   OR EXISTS (SELECT 1 FROM forum_follow_ups f WHERE f.id = a.id AND f.status = 'Done'))::int AS "ActionsDone"
        """, memberId);

    public static FormattableString Roles(Guid memberId) => System.Runtime.CompilerServices.FormattableStringFactory.Create(
        "WITH " + Mine + """

        SELECT e.payload->>'role' AS "Role", count(DISTINCT e.meeting_id)::int AS "Meetings" FROM ev e
          JOIN mine ON mine.meeting_id = e.meeting_id AND mine.id = (e.payload->>'participantId')::uuid
         WHERE e.type = 'meetingRoleGiven' GROUP BY 1
        """, memberId);
}
