using ForumHub.Api.Hubs;

namespace ForumHub.Api.Tests;

/// <summary>The hub's per-connection and per-participant call allowance (CallBuckets), on a clock the test moves.</summary>
public sealed class CallBucketsTests
{
    private sealed class ManualClock : TimeProvider
    {
        public long Ticks { get; set; } = 1_000_000;
        public override long TimestampFrequency => TimeSpan.TicksPerSecond;
        public override long GetTimestamp() => Ticks;
        public void Advance(TimeSpan by) => Ticks += by.Ticks;
    }

    private static int Taken(CallBuckets<string> buckets, string key, int tries) =>
        Enumerable.Range(0, tries).Count(_ => buckets.TryTake(key));

    [Fact]
    public void A_new_key_gets_a_burst_of_twice_the_rate_then_is_refused()
    {
        var buckets = new CallBuckets<string>(5, new ManualClock());
        Assert.Equal(10, Taken(buckets, "a", 25));
        Assert.False(buckets.TryTake("a"));
        Assert.Equal(10, Taken(buckets, "b", 25)); // another key has its own allowance
    }

    [Fact]
    public void The_allowance_comes_back_at_the_rate_and_never_above_the_burst()
    {
        var clock = new ManualClock();
        var buckets = new CallBuckets<string>(5, clock);
        Taken(buckets, "a", 10);
        clock.Advance(TimeSpan.FromMilliseconds(200));
        Assert.Equal(1, Taken(buckets, "a", 5)); // 0.2 s x 5 a second
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(5, Taken(buckets, "a", 20));
        clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(10, Taken(buckets, "a", 20));
    }

    [Fact]
    public void Over_any_stretch_of_time_no_more_than_the_burst_plus_the_rate_is_allowed()
    {
        var clock = new ManualClock();
        var buckets = new CallBuckets<string>(10, clock);
        var allowed = 0;
        for (var ms = 0; ms < 5_000; ms += 7)
        {
            allowed += Taken(buckets, "flood", 3);
            clock.Advance(TimeSpan.FromMilliseconds(7));
        }
        Assert.InRange(allowed, 20 + 10 * 5 - 1, 20 + 10 * 5 + 1);
    }

    [Fact]
    public void Pruning_drops_only_buckets_that_are_full_again_and_a_pruned_key_starts_full()
    {
        var clock = new ManualClock();
        var buckets = new CallBuckets<string>(5, clock);
        Taken(buckets, "busy", 10);
        Taken(buckets, "earlier", 10);
        clock.Advance(TimeSpan.FromSeconds(2.5)); // "earlier" and "busy" both full again after 2 s
        Taken(buckets, "busy", 10);
        Assert.Equal(1, buckets.PruneFull());
        Assert.Equal(1, buckets.Count);
        Assert.False(buckets.TryTake("busy")); // still empty: it was not forgotten
        Assert.Equal(10, Taken(buckets, "earlier", 20));
        buckets.Forget("earlier");
        Assert.Equal(1, buckets.Count);
    }
}
