using System.Net;
using System.Threading.RateLimiting;
using ForumHub.Api.Runtime;
using Microsoft.AspNetCore.RateLimiting;

namespace ForumHub.Api.Infrastructure;

/// <summary>Limits from configuration ("RateLimits" section); the defaults suit a forum of up to ~100 people on one venue Wi-Fi.</summary>
public sealed class RateLimitOptions
{
    /// <summary>Hub calls per second for one connection (burst twice that).</summary>
    public int HubCallsPerSecondPerConnection { get; set; } = 10;
    /// <summary>Hub calls per second for one participant over all their devices (burst twice that).</summary>
    public int HubCallsPerSecondPerParticipant { get; set; } = 15;
    /// <summary>Joins per minute from one address: a whole forum may share the venue's one public address.</summary>
    public int JoinsPerMinutePerAddress { get; set; } = 120;
    public int CreatesPerMinutePerAddress { get; set; } = 10;
}

public static class RateLimits
{
    public const string JoinPolicy = "join";
    public const string CreatePolicy = "create";

    /// <summary>The HTTP rate limiter for join and create; hub calls are limited in HubRateLimitFilter, which it cannot see.</summary>
    public static IServiceCollection AddForumRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection("RateLimits").Get<RateLimitOptions>() ?? new RateLimitOptions();
        services.AddSingleton(options);
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = async (context, ct) =>
            {
                context.HttpContext.RequestServices.GetRequiredService<Telemetry.ForumMetrics>()
                    .RateLimited("http", context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName ?? "unknown");
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                await Problems.Problem(StatusCodes.Status429TooManyRequests, ApiErrorCodes.RateLimited,
                    "Too many tries from here. Please wait a minute and try again.", retriable: true).ExecuteAsync(context.HttpContext);
            };
            limiter.AddPolicy(JoinPolicy, http => PerAddress(http, options.JoinsPerMinutePerAddress));
            limiter.AddPolicy(CreatePolicy, http => PerAddress(http, options.CreatesPerMinutePerAddress));
        });
        return services;
    }

    private static RateLimitPartition<string> PerAddress(HttpContext http, int perMinute) =>
        RateLimitPartition.GetTokenBucketLimiter(http.Connection.RemoteIpAddress?.ToString() ?? IPAddress.None.ToString(), _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = perMinute,
            TokensPerPeriod = perMinute,
            ReplenishmentPeriod = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
}
