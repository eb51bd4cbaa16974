namespace ForumHub.Api.Features.Forums;

/// <summary>
/// The SQL of "Is co-production happening?", over the stored events (jsonb, camelCase, as EventSerializer writes
/// them) of the forum's meetings held in the period. A person's role is their row in participants (kept after
/// erasure and removal). Definitions, also in docs/protocol.md 5.13:
/// - an item is proposed by whoever it is from (ProposedById): a member's idea typed by a supporter is the member's;
/// - the agenda is a meeting's last agreed agenda;
/// - an action is done when its last status is "done";
/// - a listener asked (InviteListener) has answered when they responded after being asked; the time is to their first response.
/// </summary>
internal static class CoProductionSql
{
    public sealed record Row(
        int Meetings, int MeetingsWithoutRecords, int ItemsProposed, int ItemsProposedByMembers, int AgendaItems, int AgendaItemsFromMembers,
        int Actions, int ActionsOwnedByMembers, int MemberActionsDone, int ListenersAsked, int ListenersAnswered, double? MedianMinutesToAnswer);

    public sealed record StepRow(string Level, int Decisions);

    private const string Meetings = """
        ms AS (SELECT m.id FROM meeting_owners o JOIN meetings m ON m.id = o.meeting_id
                WHERE o.forum_id = {0} AND (m.created_at AT TIME ZONE 'Europe/London')::date BETWEEN {1} AND {2}),
        ev AS (SELECT e.meeting_id, e.seq, e.type, e.payload, e.occurred_at FROM meeting_events e JOIN ms ON ms.id = e.meeting_id)
        """;

    public static FormattableString Figures(Guid forumId, DateOnly from, DateOnly to) => System.Runtime.CompilerServices.FormattableStringFactory.Create(
        "WITH " + Meetings + """
        ,
        people AS (SELECT p.id, p.role FROM participants p JOIN ms ON ms.id = p.meeting_id),
        items AS (SELECT e.meeting_id, (e.payload->>'itemId')::uuid AS id, pp.role FROM ev e
                    LEFT JOIN people pp ON pp.id = (e.payload->>'proposedById')::uuid WHERE e.type = 'itemProposed'),
        agreed AS (SELECT DISTINCT ON (e.meeting_id) e.meeting_id, e.payload->'itemIds' AS ids FROM ev e
                    WHERE e.type = 'agendaAgreed' ORDER BY e.meeting_id, e.seq DESC),
        agenda AS (SELECT a.meeting_id, x::uuid AS id FROM agreed a, jsonb_array_elements_text(a.ids) x),
        actions AS (SELECT pp.role,
                           (SELECT s.payload->>'status' FROM ev s WHERE s.type = 'actionStatusChanged' AND s.meeting_id = e.meeting_id
                               AND s.payload->>'actionId' = e.payload->>'actionId' ORDER BY s.seq DESC LIMIT 1) AS status
                      FROM ev e LEFT JOIN people pp ON pp.id = (e.payload->>'ownerId')::uuid WHERE e.type = 'actionAdded'),
        asked AS (SELECT e.occurred_at AS asked_at,
                         (SELECT min(r.occurred_at) FROM ev r WHERE r.type = 'listenerResponded' AND r.meeting_id = e.meeting_id
                             AND r.payload->>'listenerId' = e.payload->>'listenerId' AND r.seq > e.seq) AS answered_at
                    FROM ev e WHERE e.type = 'listenerInvited')
        SELECT (SELECT count(*) FROM ms)::int AS "Meetings",
               (SELECT count(*) FROM ms JOIN meeting_data_deletions d ON d.meeting_id = ms.id)::int AS "MeetingsWithoutRecords",
               (SELECT count(*) FROM items)::int AS "ItemsProposed",
               (SELECT count(*) FROM items WHERE role = 'Member')::int AS "ItemsProposedByMembers",
               (SELECT count(*) FROM agenda)::int AS "AgendaItems",
               (SELECT count(*) FROM agenda a JOIN items i ON i.meeting_id = a.meeting_id AND i.id = a.id WHERE i.role = 'Member')::int
                   AS "AgendaItemsFromMembers",
               (SELECT count(*) FROM actions)::int AS "Actions",
               (SELECT count(*) FROM actions WHERE role = 'Member')::int AS "ActionsOwnedByMembers",
               (SELECT count(*) FROM actions WHERE role = 'Member' AND status = 'done')::int AS "MemberActionsDone",
               (SELECT count(*) FROM asked)::int AS "ListenersAsked",
               (SELECT count(answered_at) FROM asked)::int AS "ListenersAnswered",
               (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM answered_at - asked_at) / 60)
                  FROM asked WHERE answered_at IS NOT NULL)::double precision AS "MedianMinutesToAnswer"
        """, forumId, from, to);

    public static FormattableString Steps(Guid forumId, DateOnly from, DateOnly to) => System.Runtime.CompilerServices.FormattableStringFactory.Create(
        "WITH " + Meetings + """

        SELECT e.payload->>'level' AS "Level", count(*)::int AS "Decisions" FROM ev e WHERE e.type = 'decisionRecorded' GROUP BY 1
        """, forumId, from, to);
}
