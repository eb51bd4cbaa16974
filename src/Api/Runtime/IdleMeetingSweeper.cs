namespace ForumHub.Api.Runtime;

/// <summary>Keeps memory flat on a long-running node: meetings idle for 30 minutes leave memory (not the database).</summary>
public sealed class IdleMeetingSweeper(MeetingRuntime runtime, ILogger<IdleMeetingSweeper> log) : BackgroundService
{
    private static readonly TimeSpan Idle = TimeSpan.FromMinutes(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var evicted = runtime.EvictIdle(Idle);
            if (evicted > 0) log.LogInformation("Unloaded {Count} idle meetings; {Loaded} still loaded", evicted, runtime.LoadedMeetings);
        }
    }
}
