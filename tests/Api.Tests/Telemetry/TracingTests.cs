using System.Collections.Concurrent;
using System.Diagnostics;
using ForumHub.Api.Telemetry;
using ForumHub.Api.Tests.Infrastructure;

namespace ForumHub.Api.Tests.Telemetry;

/// <summary>
/// Issue 12: a hub command is one trace, hub call -> domain decision -> PostgreSQL write -> Npgsql's own spans, over a
/// real WebSocket and real PostgreSQL. Listens to the ActivitySources directly, as an OpenTelemetry tracer would.
/// </summary>
[Collection(RunsAloneCollection.Name)] // the listener hears every test's spans: others' hub calls would be counted here
public sealed class TracingTests(PostgresFixture postgres) : AppTestBase(postgres)
{
    private readonly ConcurrentBag<Activity> _spans = [];
    private ActivityListener _listener = null!;

    public override Task InitializeAsync()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is ForumMetrics.Name or "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _spans.Add,
        };
        ActivitySource.AddActivityListener(_listener);
        return base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        _listener.Dispose();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task A_hub_command_is_one_trace_from_the_call_through_the_domain_to_PostgreSQL()
    {
        var s = await MeetingScenario.StartAsync(App);
        await using var ana = await HubWire.ConnectAsync(App, s.Ana.Token);
        var answered = await ana.InvokeAsync("AnswerQuestion", new { commandId = Guid.NewGuid(), question = "whyAreYouHere", text = "To speak up" });
        Assert.True(answered.Ok, answered.ToString());

        var hub = Assert.Single(_spans, a => a.DisplayName == "hub AnswerQuestion");
        Assert.Equal(ActivityKind.Server, hub.Kind);
        Assert.Equal(default, hub.ParentSpanId); // its own trace, not the WebSocket request's
        var trace = _spans.Where(a => a.TraceId == hub.TraceId).ToList();
        // The hop to the meeting's writer (its grain, on this node or another) is a span of its own under the hub call.
        var writer = Assert.Single(trace, a => a.DisplayName == "meeting.writer AnswerQuestion");
        Assert.Equal(hub.SpanId, writer.ParentSpanId);
        var decide = Assert.Single(trace, a => a.DisplayName == "meeting.decide AnswerQuestion");
        Assert.Equal(writer.SpanId, decide.ParentSpanId);
        var store = Assert.Single(trace, a => a.DisplayName == "meeting.store");
        Assert.Equal(writer.SpanId, store.ParentSpanId);
        Assert.Contains(trace, a => a.Source.Name == "Npgsql" && a.ParentSpanId == store.SpanId);

        var refused = await ana.InvokeAsync("MoveToPhase", new { commandId = Guid.NewGuid(), phase = "agenda" });
        Assert.Equal("not_allowed", refused.Code);
        var refusedSpan = Assert.Single(_spans, a => a.DisplayName == "hub MoveToPhase");
        Assert.Equal("not_allowed", refusedSpan.GetTagItem("forumhub.code"));
    }
}
