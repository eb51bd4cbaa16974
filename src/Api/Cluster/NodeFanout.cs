using ForumHub.Api.Hubs;

namespace ForumHub.Api.Cluster;

/// <summary>
/// This node's subscription to the meetings it holds connections of, when their grain is on another node: it subscribes
/// when a connection joins, and renews every few seconds (which also finds a grain that moved after a node died).
/// </summary>
public sealed class NodeFanout(
    IGrainFactory grains, ClusterBroadcaster broadcaster, ParticipantConnections connections, MeetingSubscribers subscribers,
    ClusterSettings settings, ILocalSiloDetails silo, IHostApplicationLifetime lifetime, ILogger<NodeFanout> log) : BackgroundService, IMeetingFanout
{
    public static readonly TimeSpan RenewEvery = TimeSpan.FromSeconds(5);
    private IMeetingFanout? _reference;

    public Task Deliver(FanoutMessage message)
    {
        broadcaster.DeliverLocally(message);
        return Task.CompletedTask;
    }

    /// <summary>Called when a connection joins a meeting, before its snapshot is read: later events then reach it.</summary>
    public async Task JoinedAsync(Guid meetingId)
    {
        if (settings.Redis is null || subscribers.IsWrittenHere(meetingId)) return;
        try { await SubscribeAsync(meetingId); }
        catch (Exception e)
        {
            // The connection still works; it catches up from its last sequence number when the next event shows a gap.
            log.LogWarning("Meeting {MeetingId}: subscribing to its writer failed ({Error})", meetingId, e.GetType().Name);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (settings.Redis is null) return;
        await Task.Delay(Timeout.Infinite, lifetime.ApplicationStarted).ContinueWith(_ => { }, TaskScheduler.Default);
        using var timer = new PeriodicTimer(RenewEvery);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var renewing = connections.Meetings().Where(id => !subscribers.IsWrittenHere(id)).Select(async id =>
            {
                try { await SubscribeAsync(id); }
                catch (Exception e) { log.LogDebug("Meeting {MeetingId}: renewing the subscription failed ({Error})", id, e.GetType().Name); }
            });
            await Task.WhenAll(renewing);
        }
    }

    private Task SubscribeAsync(Guid meetingId)
    {
        _reference ??= grains.CreateObjectReference<IMeetingFanout>(this);
        return grains.GetGrain<IMeetingGrain>(meetingId).Subscribe(settings.NodeName, silo.SiloAddress, _reference);
    }
}
