using System.Diagnostics;
using ForumHub.Api.Access;
using Microsoft.AspNetCore.SignalR;

namespace ForumHub.Api.Telemetry;

/// <summary>
/// The outermost hub filter: counts connections by role, and times, counts and traces every hub call, including
/// those the inner filters refuse (rate limits, roles). The refusal's code is the prefix of the HubException's
/// message ("code: plain words", MeetingHubFilter.Coded).
/// </summary>
public sealed class TelemetryHubFilter(ForumMetrics metrics, LiveConnections live) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext context, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var method = context.HubMethodName;
        var started = Stopwatch.GetTimestamp();
        // Each call is its own trace: under the WebSocket request's span, a whole meeting would be one endless trace.
        var connection = Activity.Current;
        Activity.Current = null;
        using var span = ForumMetrics.Traces.StartActivity($"hub {method}", ActivityKind.Server, parentContext: default,
            links: connection is null ? null : [new ActivityLink(connection.Context)]);
        span?.SetTag("rpc.system", "signalr");
        span?.SetTag("rpc.method", method);
        var outcome = "error";
        try
        {
            var result = await next(context);
            outcome = "ok";
            return result;
        }
        catch (HubException e)
        {
            var code = CodeOf(e.Message);
            outcome = code == "server_error" ? "error" : "refused";
            if (outcome == "refused") metrics.Refused(method, code);
            span?.SetTag("forumhub.code", code);
            span?.SetStatus(outcome == "refused" ? ActivityStatusCode.Unset : ActivityStatusCode.Error, code);
            throw;
        }
        finally
        {
            metrics.HubCall(method, outcome, Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
    }

    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        await next(context);
        // Counted once the inner filters let it in (a withdrawn participant's connection is aborted, then closed).
        if (AccessTokenAuthentication.CallerOf(context.Context.User) is { } caller)
            live.Opened(context.Context.ConnectionId, caller.MeetingId, caller.Role);
    }

    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        live.Closed(context.Context.ConnectionId);
        await next(context, exception);
    }

    /// <summary>"poll_closed: The vote has ended." -> "poll_closed"; a message without a code counts as "unknown".</summary>
    internal static string CodeOf(string message)
    {
        var colon = message.IndexOf(':');
        var code = colon > 0 ? message[..colon] : "";
        return code.Length is > 0 and <= 40 && code.All(c => c is (>= 'a' and <= 'z') or '_') ? code : "unknown";
    }
}
