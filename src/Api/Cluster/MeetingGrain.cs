using ForumHub.Api.Hubs;
using ForumHub.Api.Runtime;
using MediatR;
using Orleans.Concurrency;
using Orleans.Placement;
using Orleans.Runtime.Placement;

namespace ForumHub.Api.Cluster;

/// <summary>
/// One live meeting in the cluster. It holds no state of its own: it makes this node the meeting's writer, so the node's
/// <see cref="MeetingRuntime"/> (its queue, group commit and version check) applies the commands. Reentrant on purpose:
/// the commands of a room voting at once wait in the runtime's queue together and are stored in one transaction.
/// </summary>
[Reentrant]
[PreferLocalPlacement] // the node its first caller is on: with meeting affinity at the load balancer, its connections' node
public sealed class MeetingGrain(
    IServiceScopeFactory scopes, RoutedRequests routes, MeetingRuntime runtime, MeetingSubscribers subscribers,
    ClusterBroadcaster broadcaster, ParticipantConnections connections, ClusterSettings settings, IHostApplicationLifetime lifetime,
    ILogger<MeetingGrain> log) : Grain, IMeetingGrain
{
    private bool _moving;

    private Guid MeetingId => this.GetPrimaryKey();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        subscribers.Activated(MeetingId);
        // Another node may have written since this node last held the meeting: a stale copy would be refused by the
        // version check anyway, but dropping it now saves the commands of the first batch a refusal and a retry.
        await runtime.DropIfStaleAsync(MeetingId, cancellationToken);
        log.LogDebug("Meeting {MeetingId} is now written on node {Node}", MeetingId, settings.NodeName);
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        subscribers.Deactivated(MeetingId);
        return Task.CompletedTask;
    }

    public async Task<RoutedReply> Execute(RoutedCommand command)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await routes.RunAsync(scope.ServiceProvider.GetRequiredService<IMediator>(), MeetingId, command);
    }

    public Task Subscribe(string node, SiloAddress silo, IMeetingFanout fanout)
    {
        if (node == settings.NodeName) return Task.CompletedTask;
        subscribers.Subscribe(MeetingId, node, fanout);
        // The first write (a join over HTTP, which carries no meeting id for the load balancer) may have placed the grain
        // on a node that holds none of the meeting's connections: move to the node that does, once nothing is running,
        // so commands and events stay on one node. A meeting whose connections are on several nodes stays put.
        // Not while this node stops: its connections are closed on purpose, and stopping deactivates the grain anyway
        // (its next call activates it on the caller's node).
        if (!_moving && !lifetime.ApplicationStopping.IsCancellationRequested && !connections.HoldsMeeting(MeetingId))
        {
            _moving = true;
            log.LogInformation("Meeting {MeetingId} moves from node {Node} to node {Target}, where its connections are", MeetingId, settings.NodeName, node);
            RequestContext.Set(IPlacementDirector.PlacementHintKey, silo);
            this.MigrateOnIdle();
        }
        return Task.CompletedTask;
    }

    public Task Relay(string fromNode, FanoutMessage message)
    {
        broadcaster.DeliverLocally(message);
        broadcaster.SendToSubscribers(message, except: fromNode);
        return Task.CompletedTask;
    }
}
