using System.Threading.RateLimiting;
using ForumHub.Api.Access;
using ForumHub.Api.Infrastructure;
using ForumHub.Api.Runtime;
using Microsoft.AspNetCore.SignalR;

namespace ForumHub.Api.Hubs;

/// <summary>
/// Limits hub invocations per connection and per participant (over all their devices). The HTTP rate limiter
/// never sees hub calls, which all travel over one WebSocket. A refused call gets the retriable code rate_limited.
/// </summary>
public sealed class HubRateLimitFilter : IHubFilter, IDisposable
{
    private readonly PartitionedRateLimiter<string> _perConnection;
    private readonly PartitionedRateLimiter<Guid> _perParticipant;
    private readonly ILogger<HubRateLimitFilter> _log;

    public HubRateLimitFilter(RateLimitOptions options, ILogger<HubRateLimitFilter> log)
    {
        _log = log;
        _perConnection = PartitionedRateLimiter.Create<string, string>(id =>
            RateLimitPartition.GetTokenBucketLimiter(id, _ => Bucket(options.HubCallsPerSecondPerConnection)));
        _perParticipant = PartitionedRateLimiter.Create<Guid, Guid>(id =>
            RateLimitPartition.GetTokenBucketLimiter(id, _ => Bucket(options.HubCallsPerSecondPerParticipant)));
    }

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext context, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        using var connectionLease = _perConnection.AttemptAcquire(context.Context.ConnectionId);
        var participant = AccessTokenAuthentication.CallerOf(context.Context.User)?.ParticipantId ?? Guid.Empty;
        using var participantLease = _perParticipant.AttemptAcquire(participant);
        if (!connectionLease.IsAcquired || !participantLease.IsAcquired)
        {
            _log.LogWarning("Rate limited {Method} for participant {ParticipantId}", context.HubMethodName, participant);
            throw MeetingHubFilter.Coded(ApiErrorCodes.RateLimited, "That was a lot at once. Please wait a moment and try again.");
        }
        return await next(context);
    }

    private static TokenBucketRateLimiterOptions Bucket(int perSecond) => new()
    {
        TokenLimit = perSecond * 2,
        TokensPerPeriod = perSecond,
        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    public void Dispose()
    {
        _perConnection.Dispose();
        _perParticipant.Dispose();
    }
}
