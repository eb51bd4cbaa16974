using ForumHub.Api.Access;
using ForumHub.Api.Infrastructure;
using ForumHub.Api.Runtime;
using ForumHub.Api.Telemetry;
using Microsoft.AspNetCore.SignalR;

namespace ForumHub.Api.Hubs;

/// <summary>
/// Limits hub invocations per connection and per participant (over all their devices). The HTTP rate limiter
/// never sees hub calls, which all travel over one WebSocket. A refused call gets the retriable code rate_limited.
/// </summary>
public sealed class HubRateLimitFilter(RateLimitOptions options, TimeProvider clock, ILogger<HubRateLimitFilter> log, ForumMetrics metrics) : IHubFilter
{
    private readonly CallBuckets<string> _perConnection = new(options.HubCallsPerSecondPerConnection, clock);
    private readonly CallBuckets<Guid> _perParticipant = new(options.HubCallsPerSecondPerParticipant, clock);

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext context, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var participant = AccessTokenAuthentication.CallerOf(context.Context.User)?.ParticipantId ?? Guid.Empty;
        // Both are asked every time (no short cut), so a refused connection still spends its participant's allowance too.
        var connectionAllowed = _perConnection.TryTake(context.Context.ConnectionId);
        var participantAllowed = _perParticipant.TryTake(participant);
        if (!connectionAllowed || !participantAllowed)
        {
            log.LogWarning("Rate limited {Method} for participant {ParticipantId}", context.HubMethodName, participant);
            metrics.RateLimited("hub", connectionAllowed ? "participant" : "connection");
            throw MeetingHubFilter.Coded(ApiErrorCodes.RateLimited, "That was a lot at once. Please wait a moment and try again.");
        }
        return await next(context);
    }

    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        _perConnection.Forget(context.Context.ConnectionId);
        await next(context, exception);
    }

    /// <summary>Drops participants' buckets that are full again (RateLimitSweeper calls it every minute).</summary>
    public int PruneIdle() => _perConnection.PruneFull() + _perParticipant.PruneFull();
}

/// <summary>Once a minute, forgets the call allowance of everyone who has not called for a while (their bucket is full again).</summary>
public sealed class HubRateLimitSweeper(HubRateLimitFilter limits) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1));
        while (await timer.WaitForNextTickAsync(stoppingToken)) limits.PruneIdle();
    }
}
