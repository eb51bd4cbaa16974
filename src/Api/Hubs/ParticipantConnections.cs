using System.Collections.Concurrent;
using ForumHub.Api.Access;
using ForumHub.Api.Runtime;
using Microsoft.AspNetCore.SignalR;

namespace ForumHub.Api.Hubs;

/// <summary>
/// The open hub connections of each participant on this node (every connection of a meeting lands on the node
/// that owns it), so removing or erasing someone can close all their devices at once.
/// </summary>
public sealed class ParticipantConnections
{
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<string, (Guid MeetingId, HubCallerContext Context)>> _byParticipant = new();

    public void Add(Caller caller, HubCallerContext context) =>
        _byParticipant.GetOrAdd(caller.ParticipantId, _ => new())[context.ConnectionId] = (caller.MeetingId, context);

    public void Remove(Guid participantId, string connectionId)
    {
        if (!_byParticipant.TryGetValue(participantId, out var connections)) return;
        connections.TryRemove(connectionId, out _);
        if (connections.IsEmpty) _byParticipant.TryRemove(new KeyValuePair<Guid, ConcurrentDictionary<string, (Guid, HubCallerContext)>>(participantId, connections));
    }

    /// <summary>The meetings this node holds connections of.</summary>
    public IEnumerable<Guid> Meetings() => _byParticipant.Values.SelectMany(c => c.Values.Select(v => v.MeetingId)).Distinct();

    public bool HoldsMeeting(Guid meetingId) => _byParticipant.Values.Any(c => c.Values.Any(v => v.MeetingId == meetingId));

    /// <summary>Closes every connection of this node (it is shutting down): the clients reconnect, through the load balancer, to another node.</summary>
    public int AbortAll()
    {
        var closed = 0;
        foreach (var participantId in _byParticipant.Keys) closed += Abort(participantId);
        return closed;
    }

    public int CountFor(Guid participantId) => _byParticipant.TryGetValue(participantId, out var c) ? c.Count : 0;

    /// <summary>Closes every open connection of the participant; returns how many there were.</summary>
    public int Abort(Guid participantId)
    {
        if (!_byParticipant.TryRemove(participantId, out var connections)) return 0;
        foreach (var (_, (_, context)) in connections) context.Abort();
        return connections.Count;
    }

    /// <summary>Closes every open connection to a meeting (its stored data was deleted).</summary>
    public int AbortMeeting(Guid meetingId)
    {
        var closed = 0;
        foreach (var (participantId, connections) in _byParticipant)
            if (connections.Values.Any(c => c.MeetingId == meetingId)) closed += Abort(participantId);
        return closed;
    }
}

/// <summary>
/// Tracks each connection under its participant, and refuses (and closes) connections and calls of a participant
/// whose access was withdrawn while the connection stayed open.
/// </summary>
public sealed class ConnectionTrackingFilter(ParticipantConnections connections, AccessTokens tokens, ILogger<ConnectionTrackingFilter> log) : IHubFilter
{
    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        var caller = AccessTokenAuthentication.CallerOf(context.Context.User);
        if (caller is null || tokens.IsWithdrawn(caller.ParticipantId))
        {
            log.LogWarning("Refused a hub connection of withdrawn participant {ParticipantId}", caller?.ParticipantId);
            context.Context.Abort();
            return;
        }
        connections.Add(caller, context.Context);
        await next(context);
    }

    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        if (AccessTokenAuthentication.CallerOf(context.Context.User) is { } caller) connections.Remove(caller.ParticipantId, context.Context.ConnectionId);
        await next(context, exception);
    }

    public ValueTask<object?> InvokeMethodAsync(HubInvocationContext context, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        if (AccessTokenAuthentication.CallerOf(context.Context.User) is { } caller && tokens.IsWithdrawn(caller.ParticipantId))
        {
            log.LogWarning("Refused {Method} for withdrawn participant {ParticipantId} in meeting {MeetingId}",
                context.HubMethodName, caller.ParticipantId, caller.MeetingId);
            context.Context.Abort();
            throw MeetingHubFilter.Coded(ApiErrorCodes.Unauthenticated, "You are no longer in this meeting.");
        }
        return next(context);
    }
}
