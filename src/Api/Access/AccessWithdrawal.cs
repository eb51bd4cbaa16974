using ForumHub.Api.Runtime;

namespace ForumHub.Api.Access;

/// <summary>
/// Withdraws a participant's access at once: no token of theirs resolves any more, and their open connections are
/// closed. Called after the removal (or erasure) is committed to PostgreSQL.
/// </summary>
public sealed class AccessWithdrawal(AccessTokens tokens, IMeetingBroadcaster broadcaster, ILogger<AccessWithdrawal> log)
{
    public void Withdraw(Guid meetingId, Guid participantId, string why)
    {
        tokens.Forget(participantId);
        var closed = broadcaster.CloseConnections(meetingId, participantId);
        log.LogInformation("Access withdrawn ({Why}) for participant {ParticipantId} in meeting {MeetingId}; {Closed} connections closed",
            why, participantId, meetingId, closed);
    }

    public void WithdrawMeeting(Guid meetingId, string why)
    {
        tokens.ForgetMeeting(meetingId);
        var closed = broadcaster.CloseMeetingConnections(meetingId);
        log.LogInformation("Access to meeting {MeetingId} withdrawn ({Why}); {Closed} connections closed", meetingId, why, closed);
    }
}
