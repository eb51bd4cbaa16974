using System.Diagnostics;
using ForumHub.Api.Audit;
using ForumHub.Api.Persistence;
using ForumHub.Api.Telemetry;
using ForumHub.Domain.Meetings;

namespace ForumHub.Api.Runtime;

public sealed partial class MeetingRuntime
{
    /// <summary>Largest number of commands stored in one transaction.</summary>
    private const int MaxBatch = 256;

    /// <summary>
    /// Puts the command in its meeting's queue, then takes turns at the gate until someone (often this caller)
    /// has applied it. Whoever holds the gate applies everything queued so far as one batch.
    /// </summary>
    private async Task RunAsync(Guid meetingId, QueuedCommand work)
    {
        var host = _hosts.GetOrAdd(meetingId, id => new MeetingHost(id));
        host.Queue.Enqueue(work);
        while (!work.Done.Task.IsCompleted)
        {
            // No cancellation here: once queued, the command is applied or refused, never left half-known.
            await host.Gate.WaitAsync();
            var held = host;
            try
            {
                if (work.Done.Task.IsCompleted) break;
                if (!_hosts.TryGetValue(meetingId, out var current) || !ReferenceEquals(current, host))
                {
                    // The host was dropped (idle sweep, erasure): hand everything still queued to the current one.
                    host = _hosts.GetOrAdd(meetingId, id => new MeetingHost(id));
                    while (held.StoreAlone.TryDequeue(out var alone)) host.StoreAlone.Enqueue(alone);
                    while (held.Queue.TryDequeue(out var orphan)) host.Queue.Enqueue(orphan);
                    continue;
                }
                await ApplyBatchAsync(host);
            }
            finally
            {
                held.LastUsedTicks = Environment.TickCount64;
                held.Gate.Release();
            }
        }
    }

    private sealed record Applied(QueuedCommand Work, MeetingStore.PendingWrite Write, object? Result, long FromVersion);

    /// <summary>Applies every queued command in order, stores their events in one transaction, then answers and broadcasts.</summary>
    private async Task ApplyBatchAsync(MeetingHost host)
    {
        Meeting meeting;
        try { meeting = await EnsureLoadedAsync(host, CancellationToken.None); }
        catch (Exception e)
        {
            FailAll(host, e);
            return;
        }

        var fromVersion = meeting.Version;
        var applied = new List<Applied>();
        var repeats = new List<(QueuedCommand Work, string Json, bool OfThisBatch)>();
        var inBatch = new Dictionary<Guid, string>();
        // After a batch was refused for its data, its commands are stored one per transaction, so that only the command
        // PostgreSQL refuses is told so; the others are stored as if nothing had happened.
        var limit = host.StoreAlone.IsEmpty ? MaxBatch : 1;
        while (applied.Count < limit && (host.StoreAlone.TryDequeue(out var work) || host.Queue.TryDequeue(out work)))
        {
            if (work.CommandId is { } id && host.AppliedCommands.TryGetValue(id, out var earlier))
            {
                repeats.Add((work, earlier, false));
                continue;
            }
            if (work.CommandId is { } sameId && inBatch.TryGetValue(sameId, out var original))
            {
                repeats.Add((work, original, true)); // answered only once the original is safely stored
                continue;
            }
            var before = meeting.Version;
            var now = clock.GetUtcNow();
            using var decideSpan = ForumMetrics.Traces.StartActivity($"meeting.decide {work.Command}", ActivityKind.Internal, work.Parent);
            try
            {
                var (result, remembered, tokens, audit) = work.Decide(meeting, now);
                var events = meeting.DequeueUncommitted();
                if (events.Count == 0)
                {
                    work.Done.TrySetResult(result);
                    continue;
                }
                applied.Add(new Applied(work, new MeetingStore.PendingWrite(events, work.CommandId, work.ActorId, remembered, now, tokens,
                    audit is null ? null : AuditLog.RowOf(audit with { OrganisationId = host.OrganisationId }, now)), result, before));
                if (work.CommandId is { } applyId) inBatch[applyId] = remembered;
            }
            catch (Exception e)
            {
                decideSpan?.SetStatus(ActivityStatusCode.Error, e.GetType().Name);
                work.Done.TrySetException(e); // a refused command changed nothing
            }
        }

        if (applied.Count > 0 && await StoreAsync(host, meeting, fromVersion, applied) is { } error)
        {
            var again = error.Code == ApiErrorCodes.StorageRefused && applied.Count > 1;
            foreach (var a in applied)
                if (again) host.StoreAlone.Enqueue(a.Work);
                else a.Work.Done.TrySetException(error); // commands queued meanwhile wait for the next batch
            foreach (var (work, json, ofThisBatch) in repeats)
                if (!ofThisBatch) Answer(work, json);
                else if (again) host.StoreAlone.Enqueue(work);
                else work.Done.TrySetException(error);
            return;
        }
        if (applied.Count > 0 && log.IsEnabled(LogLevel.Debug))
            log.LogDebug("Meeting {MeetingId} stored {Commands} commands as sequence {FromSeq} to {Seq}",
                meeting.Id, applied.Count, fromVersion + 1, meeting.Version);
        foreach (var a in applied)
        {
            if (a.Work.CommandId is { } id) host.AppliedCommands[id] = a.Write.ResultJson;
            Broadcast(meeting, a.FromVersion, a.Write.Events, a.Write.At, a.Work.Received);
            a.Work.Done.TrySetResult(a.Result);
        }
        foreach (var (work, json, _) in repeats) Answer(work, json);
    }

    /// <summary>Stores the batch; on failure returns the error for its commands, with the in-memory meeting dropped.</summary>
    private async Task<CommandException?> StoreAsync(MeetingHost host, Meeting meeting, long fromVersion, List<Applied> applied)
    {
        // One transaction for the batch: its span hangs under the first command's call and links the others'.
        using var span = ForumMetrics.Traces.StartActivity("meeting.store", ActivityKind.Internal, applied[0].Work.Parent,
            links: applied.Skip(1).Where(a => a.Work.Parent != default).Select(a => new ActivityLink(a.Work.Parent)));
        span?.SetTag("forumhub.commands", applied.Count);
        try
        {
            // Shared with other meetings' batches that are ready at the same moment: one transaction, one flush.
            await commits.AppendAsync(meeting, fromVersion, applied.Select(a => a.Write).ToList());
            return null;
        }
        catch (StoreException e)
        {
            span?.SetStatus(ActivityStatusCode.Error, e.GetType().Name);
            // The in-memory meeting already moved on; drop it so the next command reloads the committed truth.
            host.Evict();
            return Translate(e, meeting.Id, fromVersion);
        }
    }

    private static void Answer(QueuedCommand work, string json)
    {
        try { work.Done.TrySetResult(work.Recall(json)); }
        catch (Exception e) { work.Done.TrySetException(e); }
    }

    private static void FailAll(MeetingHost host, Exception error)
    {
        while (host.StoreAlone.TryDequeue(out var work)) work.Done.TrySetException(error);
        while (host.Queue.TryDequeue(out var work)) work.Done.TrySetException(error);
    }

    /// <summary>
    /// Sends the events to the meeting in sequence order without waiting for the sends to finish. Waiting would let one
    /// connection that cannot take more (a phone that vanished while the server keeps its stateful-reconnect buffer,
    /// about 100 KB, for up to 15 s) hold up this meeting's writer and everyone's events
    /// (tests/e2e/reliability/vanished-phone.test.mjs). A client that misses events catches up from its last seq.
    /// </summary>
    private void Broadcast(Meeting meeting, long fromVersion, IReadOnlyList<IMeetingEvent> events, DateTimeOffset at, long received)
    {
        var envelopes = new EventEnvelope[events.Count];
        for (var i = 0; i < events.Count; i++) envelopes[i] = EventEnvelope.From(meeting, fromVersion + 1 + i, events[i], at);
        var last = broadcaster.Publish(meeting.Id, envelopes);
        // Broadcast latency: arrival of the command -> its last event written to every connection (each writes in order).
        if (!metrics.BroadcastEnabled) return;
        if (last.IsCompletedSuccessfully) metrics.Broadcast(Stopwatch.GetElapsedTime(received).TotalSeconds);
        else _ = last.ContinueWith(static (_, state) =>
        {
            var (metrics, received) = ((ForumMetrics, long))state!;
            metrics.Broadcast(Stopwatch.GetElapsedTime(received).TotalSeconds);
        }, (metrics, received), CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
    }
}
