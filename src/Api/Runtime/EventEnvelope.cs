using ForumHub.Api.Persistence;
using ForumHub.Domain.Meetings;

namespace ForumHub.Api.Runtime;

/// <summary>What clients receive for each event: its per-meeting sequence number, type, time and public data.</summary>
public sealed record EventEnvelope(long Seq, string Type, DateTimeOffset At, object Data)
{
    public static EventEnvelope From(Meeting meeting, long seq, IMeetingEvent e, DateTimeOffset at) =>
        From(pollId => meeting.FindPoll(pollId)?.Secret == true, seq, e, at);

    public static EventEnvelope From(Func<Guid, bool> isSecretPoll, long seq, IMeetingEvent e, DateTimeOffset at) =>
        new(seq, EventSerializer.TypeName(e.GetType()), at, PublicData(isSecretPoll, e));

    /// <summary>
    /// In a secret poll nobody may learn how someone voted, not even from the live feed: the ballot shows
    /// only that the member voted. The result appears with PollClosed. A take-over code's hash never leaves the
    /// server either (a 7-character code is found from its hash by trying every code): clients learn only that a code
    /// was given.
    /// </summary>
    private static object PublicData(Func<Guid, bool> isSecretPoll, IMeetingEvent e) => e switch
    {
        BallotCast b when isSecretPoll(b.PollId) => new BallotCast(b.PollId, b.MemberId, b.EnteredById, SecretOption),
        TakeOverCodeIssued t => new PublicTakeOverCodeIssued(t.ParticipantId, t.IssuedById, t.At),
        _ => e,
    };

    /// <summary>takeOverCodeIssued as clients see it: without the code's hash.</summary>
    public sealed record PublicTakeOverCodeIssued(Guid ParticipantId, Guid IssuedById, DateTimeOffset At);

    /// <summary>Stands in for the chosen option of a secret ballot.</summary>
    public const string SecretOption = "secret";
}
