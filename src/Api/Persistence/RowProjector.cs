using ForumHub.Domain.Meetings;

namespace ForumHub.Api.Persistence;

/// <summary>Keeps the row tables in step with the events, inside the same transaction as the events themselves.</summary>
public static class RowProjector
{
    public static void Project(ForumDbContext db, Guid meetingId, long seq, IMeetingEvent e)
    {
        switch (e)
        {
            case ParticipantJoined j:
                db.Participants.Add(new ParticipantRow
                {
                    Id = j.ParticipantId,
                    MeetingId = meetingId,
                    DisplayName = j.DisplayName,
                    Role = j.Role.ToString(),
                    Picture = j.Picture,
                    SupportsMemberId = j.SupportsMemberId,
                    JoinedAt = j.At,
                });
                break;
            case ParticipantRemoved r:
                var removed = new ParticipantRow { Id = r.ParticipantId, DisplayName = "", Role = "" };
                db.Participants.Attach(removed);
                removed.Removed = true;
                break;
            case BallotCast b:
                db.Ballots.Add(new BallotRow
                {
                    PollId = b.PollId,
                    MemberId = b.MemberId,
                    MeetingId = meetingId,
                    OptionId = b.OptionId,
                    EnteredById = b.EnteredById,
                    Seq = seq,
                });
                break;
        }
    }
}
