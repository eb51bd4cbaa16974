using System.Text.Json.Serialization;
using ForumHub.Api.Audit;
using ForumHub.Api.Runtime;
using ForumHub.Domain.Meetings;
using MediatR;

namespace ForumHub.Api.Features;

/// <summary>The answer to every live command: the meeting's sequence number after it, and the id of anything it created.</summary>
public sealed record CommandAck(long Seq, Guid? Id);

/// <summary>
/// A request the client sends with a fresh commandId of its own, so that sending it again (its answer was lost) is
/// answered rather than applied twice. CommandIdBehaviour refuses an empty one before the handler runs.
/// </summary>
public interface IIdempotentRequest
{
    Guid CommandId { get; }
}

/// <summary>
/// A request that changes one live meeting: it runs where the meeting's writer is (its grain, Cluster/MeetingGrainRouting),
/// on whichever node it arrived. A [JsonIgnore] Caller travels beside the request's JSON.
/// </summary>
public interface IMeetingWrite
{
    Guid WrittenMeetingId { get; }
}

/// <summary>
/// A command from a participant of a live meeting. The client sends the fields and a fresh CommandId; the hub
/// fills in Caller from the access token, so a client can never choose whose name it acts in.
/// </summary>
public abstract record MeetingCommand : IRequest<CommandAck>, IIdempotentRequest, IMeetingWrite
{
    public Guid CommandId { get; init; }

    [JsonIgnore]
    public Caller Caller { get; init; } = null!;

    Guid IMeetingWrite.WrittenMeetingId => Caller.MeetingId;
}

/// <summary>
/// The one path of a live command: through the meeting's single writer, with the time and a fresh id for anything it
/// creates, and (for a facilitator) its audit entry committed with its events. A use case only says what to Decide;
/// the commandId check runs before it (CommandIdBehaviour) and work after the commit in request post-processors.
/// </summary>
public abstract class MeetingCommandHandler<TCommand>(MeetingRuntime runtime, IIdSource ids) : IRequestHandler<TCommand, CommandAck>
    where TCommand : MeetingCommand
{
    public Task<CommandAck> Handle(TCommand command, CancellationToken cancellationToken) =>
        runtime.ExecuteAsync(command.Caller.MeetingId, command.CommandId, typeof(TCommand).Name, command.Caller.ParticipantId,
            (meeting, now) =>
            {
                var createdId = Decide(meeting, command, now, ids.NewId());
                return new CommandOutcome<CommandAck>(new CommandAck(meeting.Version, createdId),
                    Audit: AuditLog.ForCommand(command.Caller, typeof(TCommand).Name, createdId));
            },
            cancellationToken);

    /// <summary>Calls the one domain method; returns the id of what it created, if anything.</summary>
    /// <param name="newId">The id for what the command creates, if it creates anything (unused otherwise).</param>
    protected abstract Guid? Decide(Meeting meeting, TCommand command, DateTimeOffset now, Guid newId);

    /// <summary>A choice the client must send (JSON would otherwise quietly default it to the first value).</summary>
    protected static T Required<T>(T? value, string field) where T : struct =>
        value ?? throw new CommandException(ApiErrorCodes.InvalidRequest, $"Please choose the {field}. It is missing.");
}
