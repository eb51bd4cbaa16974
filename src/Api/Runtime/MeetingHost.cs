using System.Collections.Concurrent;
using ForumHub.Api.Audit;
using ForumHub.Domain.Meetings;

namespace ForumHub.Api.Runtime;

/// <summary>
/// The one writer of one live meeting on this node: the aggregate in memory, the results of commands
/// already applied (for idempotent repeats), the commands waiting their turn, and a gate so that one
/// batch at a time is applied and stored.
/// </summary>
public sealed class MeetingHost(Guid meetingId)
{
    public Guid MeetingId { get; } = meetingId;
    public SemaphoreSlim Gate { get; } = new(1, 1);
    public ConcurrentQueue<QueuedCommand> Queue { get; } = new();
    /// <summary>Commands of a batch PostgreSQL refused for its data: applied again before the queue, one per transaction.</summary>
    public ConcurrentQueue<QueuedCommand> StoreAlone { get; } = new();
    public Meeting? Meeting { get; private set; }
    public Dictionary<Guid, string> AppliedCommands { get; } = [];
    public long LastUsedTicks { get; set; }
    /// <summary>The organisation that owns the meeting (null when created without accounts), for its audit entries.</summary>
    public Guid? OrganisationId { get; private set; }

    public void Load(Meeting meeting, IEnumerable<KeyValuePair<Guid, string>> applied, Guid? organisationId)
    {
        Meeting = meeting;
        OrganisationId = organisationId;
        AppliedCommands.Clear();
        foreach (var (id, result) in applied) AppliedCommands[id] = result;
    }

    /// <summary>Forget the in-memory copy (after a failed write) so the next command reloads it from PostgreSQL.</summary>
    public void Evict()
    {
        Meeting = null;
        AppliedCommands.Clear();
    }
}

/// <summary>A command waiting for its meeting's writer; whoever holds the gate applies it and completes Done.</summary>
public sealed class QueuedCommand
{
    public required Guid? CommandId { get; init; }
    public required string Command { get; init; }
    public required Guid? ActorId { get; init; }
    /// <summary>Runs the domain method; returns the caller's result, the JSON to remember, tokens and audit entry to store.</summary>
    public required Func<Meeting, DateTimeOffset, CommandDecision> Decide { get; init; }
    /// <summary>Turns a remembered result back into the caller's result type (for a repeated commandId).</summary>
    public required Func<string, object?> Recall { get; init; }
    public TaskCompletionSource<object?> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    /// <summary>When it arrived (Stopwatch ticks), for the broadcast latency metric.</summary>
    public long Received { get; } = System.Diagnostics.Stopwatch.GetTimestamp();
    /// <summary>The caller's span (the hub call): the writer's spans for this command hang under it, whoever runs the batch.</summary>
    public System.Diagnostics.ActivityContext Parent { get; } = System.Diagnostics.Activity.Current?.Context ?? default;
}

/// <summary>What a queued command decided, ready to be stored with its events.</summary>
public sealed record CommandDecision(object? Result, string Remembered, IReadOnlyList<Persistence.AccessTokenRow>? Tokens, AuditLog.Entry? Audit);
