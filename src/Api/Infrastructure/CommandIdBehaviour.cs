using ForumHub.Api.Features;
using ForumHub.Api.Runtime;
using MediatR;

namespace ForumHub.Api.Infrastructure;

/// <summary>
/// The one commandId check: a request that carries a client-made commandId (<see cref="IIdempotentRequest"/>: every
/// live command, joining, creating a meeting, a take-over code) is refused with 400 command_id_required when it is
/// missing or all-zero, after the text check and before its handler reads or writes anything. Without it a repeat
/// could not be told from a new command.
/// </summary>
public sealed class CommandIdBehaviour<TRequest, TResponse> : IPipelineBehavior<TRequest, TResponse>
{
    public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next) =>
        request is IIdempotentRequest { CommandId: var id } && id == Guid.Empty
            ? throw new CommandException(ApiErrorCodes.CommandIdRequired, "Each command needs a new commandId (a UUID made by the client).")
            : next();
}
