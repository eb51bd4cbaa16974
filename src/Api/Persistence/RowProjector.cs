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
    /// member's last) or its <see cref="TakeOverCodeUse"/>, or null. <see cref="EventWriter"/> stores what it says.
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
            ForumMemberId = j.ForumMemberId,
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
}
