using ForumHub.Domain.Meetings;

namespace ForumHub.Api.Persistence;

/// <summary>A participant's row marked removed (the row itself stays: their answers and ballots point at it).</summary>
public sealed record ParticipantRemoval(Guid ParticipantId);

/// <summary>Keeps the row tables in step with the events, inside the same transaction as the events themselves.</summary>
public static class RowProjector
{
    /// <summary>
    /// The row change an event makes besides storing the event itself: a <see cref="ParticipantRow"/> to insert, a
    /// <see cref="ParticipantRemoval"/>, a <see cref="BallotRow"/> to insert, a <see cref="TakeOverCodeRow"/> (replacing the
    /// member's last) or its <see cref="TakeOverCodeUse"/>, or null. The one place that decides it:
    /// EF (<see cref="Project"/>, for new meetings) and <see cref="EventBatch"/> (the live path) both store what it says.
    /// </summary>
    public static object? ChangeFor(Guid meetingId, long seq, IMeetingEvent e) => e switch
    {
        ParticipantJoined j => new ParticipantRow
        {
            Id = j.ParticipantId,
            MeetingId = meetingId,
            DisplayName = j.DisplayName,
            Role = j.Role.ToString(),
            Picture = j.Picture,
            SupportsMemberId = j.SupportsMemberId,
            JoinedAt = j.At,
        },
        ParticipantRemoved r => new ParticipantRemoval(r.ParticipantId),
        TakeOverCodeIssued t => new TakeOverCodeRow { ParticipantId = t.ParticipantId, CodeHash = t.CodeHash, MeetingId = meetingId, IssuedAt = t.At },
        MemberTookOver t => new TakeOverCodeUse(t.ParticipantId, t.At),
        BallotCast b => new BallotRow
        {
            PollId = b.PollId,
            MemberId = b.MemberId,
            MeetingId = meetingId,
            OptionId = b.OptionId,
            EnteredById = b.EnteredById,
            Seq = seq,
        },
        _ => null,
    };

    public static void Project(ForumDbContext db, Guid meetingId, long seq, IMeetingEvent e)
    {
        switch (ChangeFor(meetingId, seq, e))
        {
            case null:
                break;
            case ParticipantRow joined:
                db.Participants.Add(joined);
                break;
            case ParticipantRemoval removal:
                var removed = new ParticipantRow { Id = removal.ParticipantId, DisplayName = "", Role = "" };
                db.Participants.Attach(removed);
                removed.Removed = true;
                break;
            case BallotRow ballot:
                db.Ballots.Add(ballot);
                break;
            // Codes are given out live (EventBatch replaces a member's last code); a new meeting has none to replace.
            case TakeOverCodeRow code:
                db.TakeOverCodes.Add(code);
                break;
            case TakeOverCodeUse use:
                var used = new TakeOverCodeRow { ParticipantId = use.ParticipantId, CodeHash = "" };
                db.TakeOverCodes.Attach(used);
                used.UsedAt = use.At;
                break;
            case var other:
                throw new InvalidOperationException($"RowProjector has no way to store {other.GetType().Name}.");
        }
    }
}
