using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using ForumHub.Api.Infrastructure;
using ForumHub.Api.Runtime;

namespace ForumHub.Api.Access;

/// <summary>Limits on wrong guesses from one address ("AttemptLimits:Codes" and "AttemptLimits:SignIns" sections).</summary>
public sealed class AttemptLimitOptions
{
    /// <summary>Wrong guesses within the window that cost nothing (people mistype).</summary>
    public int FreeFailures { get; set; } = 10;
    /// <summary>Wrong guesses within the window after which every try from the address is refused until they age out.</summary>
    public int MaxFailures { get; set; } = 30;
    public int WindowMinutes { get; set; } = 15;
    /// <summary>Each wrong guess over the free ones adds this much wait before the next answer, up to MaxDelayMs.</summary>
    public int DelayStepMs { get; set; } = 250;
    public int MaxDelayMs { get; set; } = 3000;
}

/// <summary>
/// Counts wrong guesses (join codes, passwords) per address in a sliding window: the first few are free, then each
/// answer to that address is slowed, then every try from it is refused. Other addresses are not affected, so the
/// right code from another device still works. IPv6 addresses count per /64, the block one household gets.
/// </summary>
public sealed class AttemptGuard(string purpose, AttemptLimitOptions options, TimeProvider clock, ILogger log)
{
    private const int MaxTrackedAddresses = 100_000;
    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _failures = new();

    public string Purpose { get; } = purpose;
    private TimeSpan Window => TimeSpan.FromMinutes(options.WindowMinutes);

    /// <summary>How long until the address may try again, or null when it may try now.</summary>
    public TimeSpan? BlockedFor(string address)
    {
        if (!_failures.TryGetValue(address, out var failures)) return null;
        lock (failures)
        {
            var now = clock.GetUtcNow();
            Prune(failures, now);
            if (failures.Count < options.MaxFailures) return null;
            // Blocked until enough failures leave the window to bring the count under the maximum.
            var unblocksAt = failures.ElementAt(failures.Count - options.MaxFailures) + Window;
            return unblocksAt > now ? unblocksAt - now : null;
        }
    }

    /// <summary>The wait before answering this address (zero while it is within its free guesses).</summary>
    public TimeSpan DelayFor(string address)
    {
        if (!_failures.TryGetValue(address, out var failures)) return TimeSpan.Zero;
        lock (failures)
        {
            Prune(failures, clock.GetUtcNow());
            var over = failures.Count - options.FreeFailures;
            return over <= 0 ? TimeSpan.Zero : TimeSpan.FromMilliseconds(Math.Min((long)over * options.DelayStepMs, options.MaxDelayMs));
        }
    }

    public void RecordFailure(string address)
    {
        if (_failures.Count >= MaxTrackedAddresses) Sweep();
        var failures = _failures.GetOrAdd(address, _ => new Queue<DateTimeOffset>());
        lock (failures)
        {
            var now = clock.GetUtcNow();
            Prune(failures, now);
            failures.Enqueue(now);
            while (failures.Count > options.MaxFailures) failures.Dequeue();
            if (failures.Count == options.FreeFailures + 1 || failures.Count == options.MaxFailures)
                log.LogWarning("{Purpose}: {Count} wrong guesses from {Address} within {Minutes} minutes", Purpose, failures.Count, address, options.WindowMinutes);
        }
    }

    private void Prune(Queue<DateTimeOffset> failures, DateTimeOffset now)
    {
        while (failures.Count > 0 && failures.Peek() <= now - Window) failures.Dequeue();
    }

    private void Sweep()
    {
        var now = clock.GetUtcNow();
        foreach (var (address, failures) in _failures)
        {
            lock (failures)
            {
                Prune(failures, now);
                if (failures.Count == 0) _failures.TryRemove(address, out _);
            }
        }
    }

    /// <summary>The address a guess counts against: IPv4 as is, IPv6 by its /64 prefix.</summary>
    public static string AddressOf(HttpContext http)
    {
        var ip = http.Connection.RemoteIpAddress;
        if (ip is null) return "unknown";
        if (ip.IsIPv4MappedToIPv6) ip = ip.MapToIPv4();
        if (ip.AddressFamily != AddressFamily.InterNetworkV6) return ip.ToString();
        var bytes = ip.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    /// <summary>Refuses (429 with Retry-After) or slows a request from an address with too many recent wrong guesses.</summary>
    public async Task<IResult?> CheckAsync(HttpContext http, string code, string message)
    {
        var address = AddressOf(http);
        if (BlockedFor(address) is { } wait)
        {
            log.LogWarning("{Purpose}: refused a try from {Address} for {Seconds} s after too many wrong guesses", Purpose, address, (int)wait.TotalSeconds);
            http.RequestServices.GetService<Telemetry.ForumMetrics>()?.RateLimited("attempts", code);
            http.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return Problems.Problem(StatusCodes.Status429TooManyRequests, code, message, retriable: true);
        }
        var delay = DelayFor(address);
        if (delay > TimeSpan.Zero) await Task.Delay(delay, clock, http.RequestAborted);
        return null;
    }
}

/// <summary>The two guards: join codes, and facilitator sign-ins (on top of each account's own lockout).</summary>
public sealed class AttemptGuards(IConfiguration configuration, TimeProvider clock, ILoggerFactory logs)
{
    public AttemptGuard Codes { get; } = new("Join codes", Options(configuration, "Codes"), clock, logs.CreateLogger<AttemptGuard>());
    public AttemptGuard SignIns { get; } = new("Sign-ins", Options(configuration, "SignIns"), clock, logs.CreateLogger<AttemptGuard>());

    private static AttemptLimitOptions Options(IConfiguration configuration, string name) =>
        configuration.GetSection($"AttemptLimits:{name}").Get<AttemptLimitOptions>() ?? new AttemptLimitOptions();

    public const string TooManyWrongCodes = "too_many_wrong_codes";

    /// <summary>Endpoint filter for the join endpoints (inside Problems.Filter): wrong codes count against the address.</summary>
    public static async ValueTask<object?> JoinCodeFilter(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var guard = context.HttpContext.RequestServices.GetRequiredService<AttemptGuards>().Codes;
        if (await guard.CheckAsync(context.HttpContext, TooManyWrongCodes,
                "Too many codes that did not work came from here. Please wait a while, then ask the facilitator for the code.") is { } refused)
            return refused;
        try
        {
            return await next(context);
        }
        catch (CommandException e) when (e.Code == ApiErrorCodes.CodeUnknown)
        {
            guard.RecordFailure(AttemptGuard.AddressOf(context.HttpContext));
            throw;
        }
    }
}
