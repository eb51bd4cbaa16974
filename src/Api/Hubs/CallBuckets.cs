using System.Collections.Concurrent;

namespace ForumHub.Api.Hubs;

/// <summary>
/// One token bucket per key (a connection, a participant), refilled from the clock when the key next asks rather
/// than by a timer. PartitionedRateLimiter walks every partition ten times a second to refill it: with two
/// thousand connections and as many participants that walk cost more CPU than the hub calls it limits
/// (docs/benchmarks.md). A bucket holds at most Burst calls and gains PerSecond a second; a full bucket is
/// the same as no bucket, so full ones are dropped when pruned and nothing about a key is kept for long.
/// </summary>
public sealed class CallBuckets<TKey>(int perSecond, TimeProvider clock) where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, Bucket> _buckets = new();

    public int PerSecond { get; } = perSecond;
    public int Burst { get; } = perSecond * 2;
    public int Count => _buckets.Count;

    /// <summary>Takes one call from the key's bucket; false when it is empty (the call is refused, nothing else changes).</summary>
    public bool TryTake(TKey key)
    {
        var now = clock.GetTimestamp();
        var bucket = _buckets.GetOrAdd(key, static (_, state) => new Bucket(state.Burst, state.now), (Burst, now));
        lock (bucket)
        {
            Refill(bucket, now);
            if (bucket.Tokens < 1) return false;
            bucket.Tokens -= 1;
            return true;
        }
    }

    /// <summary>Forgets a key at once (its connection closed).</summary>
    public void Forget(TKey key) => _buckets.TryRemove(key, out _);

    /// <summary>Drops every bucket that has filled up again; returns how many. A key that asks again starts full, as before.</summary>
    public int PruneFull()
    {
        var now = clock.GetTimestamp();
        var dropped = 0;
        foreach (var (key, bucket) in _buckets)
        {
            bool full;
            lock (bucket)
            {
                Refill(bucket, now);
                full = bucket.Tokens >= Burst;
            }
            if (full && _buckets.TryRemove(new KeyValuePair<TKey, Bucket>(key, bucket))) dropped++;
        }
        return dropped;
    }

    private void Refill(Bucket bucket, long now)
    {
        var seconds = clock.GetElapsedTime(bucket.RefilledAt, now).TotalSeconds;
        if (seconds <= 0) return;
        bucket.Tokens = Math.Min(Burst, bucket.Tokens + seconds * PerSecond);
        bucket.RefilledAt = now;
    }

    private sealed class Bucket(double tokens, long refilledAt)
    {
        public double Tokens = tokens;
        public long RefilledAt = refilledAt;
    }
}
