using ForumHub.Api.Access;
using ForumHub.Api.Audit;
using ForumHub.Api.Runtime;
using ForumHub.Domain.Meetings;
using MediatR.Pipeline;

namespace ForumHub.Api.Features.Participants;

/// <summary>
/// The facilitator removes someone. Once the removal is committed their access stops at once: their tokens no
/// longer resolve and every open connection of theirs is closed (ParticipantConnections).
/// </summary>
public sealed record RemoveParticipant(Guid ParticipantId) : MeetingCommand;

public sealed class RemoveParticipantHandler(MeetingRuntime runtime, IIdSource ids) : MeetingCommandHandler<RemoveParticipant>(runtime, ids)
{
    protected override Guid? Decide(Meeting meeting, RemoveParticipant c, DateTimeOffset now, Guid newId)
    {
        meeting.Remove(c.Caller.ParticipantId, c.ParticipantId);
        return c.ParticipantId;
    }
}

/// <summary>
/// Runs once the removal is committed, and again for a repeat of it (withdrawing twice is harmless): never for a
/// refused removal, whose person keeps their access.
/// </summary>
public sealed class WithdrawRemovedParticipantAccess(AccessWithdrawal access) : IRequestPostProcessor<RemoveParticipant, CommandAck>
{
    public Task Process(RemoveParticipant request, CommandAck response)
    {
        access.Withdraw(request.Caller.MeetingId, request.ParticipantId, "removed by the facilitator");
        return Task.CompletedTask;
    }
}
