using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ForumHub.Api.Telemetry;

/// <summary>
/// ForumHub's own instruments (meter "ForumHub") and its ActivitySource (also "ForumHub"). The names, units and
/// labels are documented in docs/metrics.md; the scrape endpoint and the trace exporter are set up in TelemetrySetup.
/// Recording costs almost nothing while nobody listens (metrics off, no trace exporter).
/// </summary>
public sealed class ForumMetrics
{
    public const string Name = "ForumHub";

    /// <summary>Spans: "hub {Method}" around a hub call, "meeting.decide {Command}" and "meeting.store" inside the writer.</summary>
    public static readonly ActivitySource Traces = new(Name);

    private readonly Counter<long> _commands;
    private readonly Histogram<double> _commandDuration;
    private readonly Histogram<double> _broadcastDuration;
    private readonly Counter<long> _refused;
    private readonly Counter<long> _postgresErrors;
    private readonly Counter<long> _rateLimited;

    public ForumMetrics(IMeterFactory meters, LiveConnections live)
    {
        var meter = meters.Create(Name);
        _commands = meter.CreateCounter<long>("forumhub.commands", "{call}",
            "Hub calls answered, by method and outcome (ok, refused, error).");
        _commandDuration = meter.CreateHistogram<double>("forumhub.command.duration", "s",
            "From a hub call's arrival to its answer (the acknowledgement), by method.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LatencyBuckets });
        _broadcastDuration = meter.CreateHistogram<double>("forumhub.broadcast.duration", "s",
            "From a command's arrival to its events being written to every connection of the meeting.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LatencyBuckets });
        _refused = meter.CreateCounter<long>("forumhub.commands.refused", "{call}",
            "Hub calls refused, by method and error code (not_allowed, rate_limited, poll_closed, ...).");
        _postgresErrors = meter.CreateCounter<long>("forumhub.postgres.errors", "{error}",
            "PostgreSQL failures seen by the meeting runtime, by operation and exception type.");
        _rateLimited = meter.CreateCounter<long>("forumhub.rate_limited", "{call}",
            "Calls refused by a rate limit: kind hub (per connection or participant) or http (join, create).");
        meter.CreateObservableGauge("forumhub.meetings.live", live.LiveMeetings, "{meeting}",
            "Meetings with at least one open hub connection on this node.");
        meter.CreateObservableGauge("forumhub.connections", live.ByRole, "{connection}",
            "Open hub connections on this node, by role.");
    }

    /// <summary>5 ms to 10 s: acknowledgements are typically 5-20 ms; a slow PostgreSQL shows in the upper buckets.</summary>
    private static readonly double[] LatencyBuckets = [0.001, 0.0025, 0.005, 0.0075, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    public void HubCall(string method, string outcome, double seconds)
    {
        var methodTag = new KeyValuePair<string, object?>("method", method);
        _commands.Add(1, methodTag, new("outcome", outcome));
        _commandDuration.Record(seconds, methodTag);
    }

    public void Refused(string method, string code) => _refused.Add(1, new("method", method), new("code", code));

    public void Broadcast(double seconds) => _broadcastDuration.Record(seconds);

    /// <summary>False while nobody collects metrics: the runtime then skips the per-command wait for the send.</summary>
    public bool BroadcastEnabled => _broadcastDuration.Enabled;

    public void PostgresError(string operation, Exception e) =>
        _postgresErrors.Add(1, new("operation", operation), new("error", e.GetBaseException().GetType().Name));

    public void RateLimited(string kind, string what) => _rateLimited.Add(1, new("kind", kind), new("policy", what));
}
