using System.Diagnostics;

namespace ForumHub.Api.Tests.Infrastructure;

/// <summary>
/// Waits for something another thread makes true (a pushed event, a log line written after the response): checks
/// the condition every few milliseconds and returns as soon as it holds, so a test never sleeps longer than it must
/// and never passes by having slept long enough. Fails with <c>what</c> when the time is up.
/// </summary>
public static class Eventually
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(10);

    public static async Task HoldsAsync(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        await FindAsync(() => condition() ? true : (bool?)null, what, timeout);
    }

    /// <summary>Returns the first non-null value <paramref name="probe"/> gives.</summary>
    public static async Task<T> FindAsync<T>(Func<T?> probe, string what, TimeSpan? timeout = null)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (probe() is { } found) return found;
            if (clock.Elapsed > (timeout ?? DefaultTimeout)) throw new Xunit.Sdk.XunitException($"Waited {clock.Elapsed.TotalSeconds:0.0} s for {what}.");
            await Task.Delay(Interval);
        }
    }
}
