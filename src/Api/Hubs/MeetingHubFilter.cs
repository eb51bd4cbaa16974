using ForumHub.Api.Access;
using ForumHub.Api.Runtime;
using ForumHub.Domain.Rules;
using Microsoft.AspNetCore.SignalR;

namespace ForumHub.Api.Hubs;

/// <summary>
/// Runs around every hub call: checks the caller's role against HubPermissions, and turns expected failures
/// into a HubException whose message is "code: plain words" (the only text SignalR passes to clients).
/// </summary>
public sealed class MeetingHubFilter(ILogger<MeetingHubFilter> log) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext context, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var method = context.HubMethodName;
        var caller = AccessTokenAuthentication.CallerOf(context.Context.User);
        if (caller is null) throw Coded(ApiErrorCodes.Unauthenticated, "Please join the meeting again.");
        if (!HubPermissions.Allows(method, caller.Role))
        {
            log.LogWarning("Refused {Method} for {Role} {ParticipantId} in meeting {MeetingId}", method, caller.Role, caller.ParticipantId, caller.MeetingId);
            throw Coded(ApiErrorCodes.NotAllowed, "You cannot do this in your role.");
        }
        try
        {
            return await next(context);
        }
        catch (BusinessRuleBrokenException e)
        {
            // Refusals of who may act (past the role check, e.g. someone else's card) are logged too: repeated ones
            // are how someone probing what others may do shows up.
            if (e.Code is ErrorCodes.NotAllowed or ErrorCodes.NotYourMember)
                log.LogWarning("Refused {Method} ({Code}) for {Role} {ParticipantId} in meeting {MeetingId}", method, e.Code, caller.Role, caller.ParticipantId, caller.MeetingId);
            throw Coded(e.Code, e.Message);
        }
        catch (CommandException e)
        {
            throw Coded(e.Code, e.Message);
        }
        catch (Exception e) when (e is not HubException and not OperationCanceledException)
        {
            // SignalR's own "failed invoking" log is switched off (appsettings.json): refusals are expected and
            // would drown real faults. Real faults are logged here, with ids but no message text.
            log.LogError(e, "Hub method {Method} failed for participant {ParticipantId} in meeting {MeetingId}",
                method, caller.ParticipantId, caller.MeetingId);
            throw Coded("server_error", "Something went wrong on our side. It has been noted for the team.");
        }
    }

    /// <summary>
    /// A frame the hub protocol could not read (invalid JSON, nested too deep, an unknown message type, over the size
    /// limit) closes the connection; SignalR notes that only at Debug. It is logged here at Information with the
    /// connection's ids and the kind of fault, never the frame's content (it may hold anything a person typed).
    /// </summary>
    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        if (exception is InvalidDataException or System.Text.Json.JsonException or FormatException)
        {
            var caller = AccessTokenAuthentication.CallerOf(context.Context.User);
            log.LogInformation("Hub connection {ConnectionId} closed: it sent a frame the protocol cannot read ({Fault}); participant {ParticipantId} of meeting {MeetingId}",
                context.Context.ConnectionId, exception.GetType().Name, caller?.ParticipantId, caller?.MeetingId);
        }
        await next(context, exception);
    }

    public static HubException Coded(string code, string message) => new($"{code}: {message}");
}
