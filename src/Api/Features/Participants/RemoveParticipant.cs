using ForumHub.Api.Access;
using ForumHub.Api.Audit;
using ForumHub.Api.Runtime;
using MediatR;

namespace ForumHub.Api.Features.Participants;

/// <summary>
/// The facilitator removes someone. Once the removal is committed their access stops at once: their tokens no
/// longer resolve and every open connection of theirs is closed (ParticipantConnections).
/// </summary>
public sealed record RemoveParticipant(Guid ParticipantId) : MeetingCommand;

public sealed class RemoveParticipantHandler(MeetingRuntime runtime, AccessWithdrawal access) : IRequestHandler<RemoveParticipant, CommandAck>
{
    public async Task<CommandAck> Handle(RemoveParticipant c, CancellationToken ct)
    {
        if (c.CommandId == Guid.Empty)
            throw new CommandException(ApiErrorCodes.CommandIdRequired, "Each command needs a new commandId (a UUID made by the client).");
        var ack = await runtime.ExecuteAsync(c.Caller.MeetingId, c.CommandId, nameof(RemoveParticipant), c.Caller.ParticipantId,
            (meeting, _) =>
            {
                meeting.Remove(c.Caller.ParticipantId, c.ParticipantId);
                return new CommandOutcome<CommandAck>(new CommandAck(meeting.Version, c.ParticipantId),
                    Audit: AuditLog.ForCommand(c.Caller, nameof(RemoveParticipant), c.ParticipantId));
            }, ct);
        access.Withdraw(c.Caller.MeetingId, c.ParticipantId, "removed by the facilitator");
        return ack;
    }
}
