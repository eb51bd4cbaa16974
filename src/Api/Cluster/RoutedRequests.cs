using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using ForumHub.Api.Features;
using ForumHub.Api.Infrastructure;
using ForumHub.Api.Runtime;
using ForumHub.Api.Telemetry;
using ForumHub.Domain.Meetings;
using ForumHub.Domain.Rules;
using MediatR;

namespace ForumHub.Api.Cluster;

/// <summary>
/// Turns a live command (<see cref="IMeetingWrite"/>) into a message for its meeting's grain and back. Only the types
/// found here at start-up can be named in a message; the caller travels beside the JSON because the client never sends it.
/// </summary>
public sealed class RoutedRequests
{
    private static readonly AsyncLocal<bool> InsideGrain = new();
    private readonly Dictionary<string, Route> _routes = [];

    /// <param name="Caller">The request's [JsonIgnore] Caller (filled in from the access token), if it has one.</param>
    private sealed record Route(Type Type, PropertyInfo? Caller, Func<IMediator, object, CancellationToken, Task<object?>> Send);

    public RoutedRequests()
    {
        var sendAs = typeof(RoutedRequests).GetMethod(nameof(SendAs), BindingFlags.NonPublic | BindingFlags.Static)!;
        foreach (var type in typeof(RoutedRequests).Assembly.GetTypes().Where(t => !t.IsAbstract && typeof(IMeetingWrite).IsAssignableFrom(t)))
        {
            var response = type.GetInterfaces().Single(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequest<>)).GetGenericArguments()[0];
            var send = sendAs.MakeGenericMethod(response).CreateDelegate<Func<IMediator, object, CancellationToken, Task<object?>>>();
            var caller = type.GetProperty("Caller") is { } p && p.PropertyType == typeof(Caller) && p.IsDefined(typeof(JsonIgnoreAttribute)) ? p : null;
            _routes[type.FullName!] = new Route(type, caller, send);
        }
    }

    /// <summary>True while the grain runs a request: the request then goes to its handler instead of to the grain again.</summary>
    public static bool IsInsideGrain => InsideGrain.Value;

    public RoutedCommand Wrap(IMeetingWrite request)
    {
        var caller = _routes.TryGetValue(request.GetType().FullName!, out var route) ? route.Caller?.GetValue(request) as Caller : null;
        return new(request.GetType().FullName!, JsonSerializer.SerializeToUtf8Bytes(request, request.GetType(), ForumJson.Options),
            request.WrittenMeetingId, caller?.ParticipantId ?? Guid.Empty, (int)(caller?.Role ?? default), Activity.Current?.Id);
    }

    /// <summary>Runs the request through MediatR on this node (its checks, its handler, its after-commit work).</summary>
    public async Task<RoutedReply> RunAsync(IMediator mediator, Guid grainMeetingId, RoutedCommand command)
    {
        if (!_routes.TryGetValue(command.Type, out var route) || command.MeetingId != grainMeetingId)
            return Refusal(new CommandException(ApiErrorCodes.InvalidRequest, "That request cannot be sent to a meeting."));
        var request = JsonSerializer.Deserialize(command.Body, route.Type, ForumJson.Options)!;
        route.Caller?.SetValue(request, new Caller(command.MeetingId, command.ParticipantId, (Role)command.Role));
        // The writer's work hangs under the caller's span (the hub call), across the hop to this node.
        ActivityContext.TryParse(command.TraceParent, null, out var parent);
        using var span = ForumMetrics.Traces.StartActivity($"meeting.writer {route.Type.Name}", ActivityKind.Server, parent);
        InsideGrain.Value = true;
        try
        {
            var result = await route.Send(mediator, request, CancellationToken.None);
            return new RoutedReply(JsonSerializer.SerializeToUtf8Bytes(result, ForumJson.Options));
        }
        catch (CommandException e) { return Refusal(e); }
        catch (BusinessRuleBrokenException e) { return new RoutedReply(null, RoutedFailure.Rule, e.Code, e.Message); }
        finally { InsideGrain.Value = false; }
    }

    /// <summary>The grain's answer as the handler gave it, or its refusal thrown again here.</summary>
    public static TResponse Unwrap<TResponse>(RoutedReply reply) => reply.Failure switch
    {
        RoutedFailure.None => JsonSerializer.Deserialize<TResponse>(reply.Result, ForumJson.Options)!,
        RoutedFailure.Rule => throw new BusinessRuleBrokenException(reply.Code!, reply.Message!),
        _ => throw new CommandException(reply.Code!, reply.Message!, reply.Status, reply.Retriable),
    };

    private static RoutedReply Refusal(CommandException e) => new(null, RoutedFailure.Command, e.Code, e.Message, e.HttpStatus, e.Retriable);

    private static async Task<object?> SendAs<TResponse>(IMediator mediator, object request, CancellationToken ct) =>
        await mediator.Send((IRequest<TResponse>)request, ct);
}

/// <summary>
/// Sends every live command to its meeting's grain, wherever in the cluster that is (on one node: this node). Runs after
/// the text and commandId checks, so a malformed command is refused where it arrived.
/// </summary>
public sealed class MeetingGrainRouting<TRequest, TResponse>(IGrainFactory grains, RoutedRequests routes, ILogger<RoutedRequests> log)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (request is not IMeetingWrite write || RoutedRequests.IsInsideGrain) return await next();
        RoutedReply reply;
        try
        {
            reply = await grains.GetGrain<IMeetingGrain>(write.WrittenMeetingId).Execute(routes.Wrap(write));
        }
        catch (Exception e) when (e is OrleansException or TimeoutException)
        {
            // The meeting's node went away (killed, restarting) before it answered: the command may or may not be stored.
            // The same command again (same commandId) reaches the meeting's new writer, which answers a stored one from
            // its remembered result, so it is safe to say "try again".
            log.LogWarning("Meeting {MeetingId}: its writer could not be reached ({Error})", write.WrittenMeetingId, e.GetType().Name);
            throw new CommandException(ApiErrorCodes.StorageUnavailable, "We could not reach the meeting just now. Please try again.", 503, retriable: true);
        }
        return RoutedRequests.Unwrap<TResponse>(reply);
    }
}
