using System.Text.Json.Serialization;
using ForumHub.Api.Audit;
using ForumHub.Api.Runtime;
using ForumHub.Domain.Meetings;
using MediatR;

namespace ForumHub.Api.Features;

/// <summary>The answer to every live command: the meeting's sequence number after it, and the id of anything it created.</summary>
public sealed record CommandAck(long Seq, Guid? Id);

/// <summary>
/// A command from a participant of a live meeting. The client sends the fields and a fresh CommandId; the hub
/// fills in Caller from the access token, so a client can never choose whose name it acts in.
/// </summary>
public abstract record MeetingCommand : IRequest<CommandAck>
{
    public Guid CommandId { get; init; }

    [JsonIgnore]
    public Caller Caller { get; init; } = null!;
}

/// <summary>Runs a command through the meeting's single writer; Decide holds the use case's only real line of work.</summary>
public abstract class MeetingCommandHandler<TCommand>(MeetingRuntime runtime) : IRequestHandler<TCommand, CommandAck>
    where TCommand : MeetingCommand
{
    public Task<CommandAck> Handle(TCommand command, CancellationToken cancellationToken)
    {
        if (command.CommandId == Guid.Empty)
            throw new CommandException(ApiErrorCodes.CommandIdRequired, "Each command needs a new commandId (a UUID made by the client).");
        return runtime.ExecuteAsync(command.Caller.MeetingId, command.CommandId, typeof(TCommand).Name, command.Caller.ParticipantId,
            (meeting, now) =>
            {
                var createdId = Decide(meeting, command, now);
                return new CommandOutcome<CommandAck>(new CommandAck(meeting.Version, createdId),
                    Audit: AuditLog.ForCommand(command.Caller, typeof(TCommand).Name, createdId));
            },
            cancellationToken);
    }

    /// <summary>Calls the one domain method; returns the id of what it created, if anything.</summary>
    protected abstract Guid? Decide(Meeting meeting, TCommand command, DateTimeOffset now);

    /// <summary>A choice the client must send (JSON would otherwise quietly default it to the first value).</summary>
    protected static T Required<T>(T? value, string field) where T : struct =>
        value ?? throw new CommandException(ApiErrorCodes.InvalidRequest, $"Please choose the {field}. It is missing.");
}
