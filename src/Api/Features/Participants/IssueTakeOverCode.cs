using System.Text.Json.Serialization;
using ForumHub.Api.Access;
using ForumHub.Api.Audit;
using ForumHub.Api.Runtime;
using MediatR;

namespace ForumHub.Api.Features.Participants;

/// <summary>
/// A one-use code with which a member without a device takes over on one (typed in the join box, or the
/// link /join/CODE). The facilitator, or the supporter who helps the member, asks for it; a new code replaces the last.
/// </summary>
public sealed record IssueTakeOverCode(Guid MemberId) : IRequest<TakeOverCodeAck>, IIdempotentRequest, IMeetingWrite
{
    public Guid CommandId { get; init; }

    [JsonIgnore]
    public Caller Caller { get; init; } = null!;

    Guid IMeetingWrite.WrittenMeetingId => Caller.MeetingId;
}

/// <summary>A <see cref="CommandAck"/> (Id = the member) plus the code, shown to the caller only, once.</summary>
public sealed record TakeOverCodeAck(long Seq, Guid? Id, string? Code);

public sealed class IssueTakeOverCodeHandler(MeetingRuntime runtime, IIdSource ids) : IRequestHandler<IssueTakeOverCode, TakeOverCodeAck>
{
    public async Task<TakeOverCodeAck> Handle(IssueTakeOverCode c, CancellationToken ct)
    {
        var ack = await IssueAsync(c, c.CommandId, ct);
        // A repeat of a command whose answer was lost: the code was never stored in clear, so give out a new one
        // (which replaces it; nobody has seen the first).
        return ack.Code is null ? await IssueAsync(c, ids.NewId(), ct) : ack;
    }

    private Task<TakeOverCodeAck> IssueAsync(IssueTakeOverCode c, Guid commandId, CancellationToken ct)
    {
        var code = TakeOverCodes.New();
        return runtime.ExecuteAsync(c.Caller.MeetingId, commandId, nameof(IssueTakeOverCode), c.Caller.ParticipantId, (meeting, now) =>
        {
            meeting.IssueTakeOverCode(c.Caller.ParticipantId, c.MemberId, TakeOverCodes.Hash(code), now);
            var result = new TakeOverCodeAck(meeting.Version, c.MemberId, code);
            return new CommandOutcome<TakeOverCodeAck>(result, Remembered: result with { Code = null },
                Audit: AuditLog.ForCommand(c.Caller, nameof(IssueTakeOverCode), c.MemberId));
        }, ct);
    }
}
