using System.Collections.Concurrent;
using ForumHub.Api.Audit;
using ForumHub.Api.Persistence;
using ForumHub.Api.Telemetry;
using ForumHub.Domain.Meetings;

namespace ForumHub.Api.Runtime;

/// <summary>
/// What a command decided: its result for the caller, any access tokens to store with its events, the
/// result to remember for repeats when it differs (a token is handed out once and never stored in clear), and
/// the audit entry to commit in the same transaction (facilitator commands: the log then holds exactly the commands
/// that were stored; the runtime adds the meeting's organisation).
/// </summary>
public sealed record CommandOutcome<T>(T Result, IReadOnlyList<AccessTokenRow>? Tokens = null, T? Remembered = default, AuditLog.Entry? Audit = null);

/// <summary>
/// Applies commands to live meetings, one at a time per meeting: check the rules in memory, write events to
/// PostgreSQL in one transaction (<see cref="MeetingStore"/>), and only then acknowledge and broadcast them in
/// sequence order (<see cref="IMeetingBroadcaster"/>).
/// </summary>
public sealed partial class MeetingRuntime(
    IServiceScopeFactory scopes, GroupCommit commits, IMeetingBroadcaster broadcaster, TimeProvider clock, ILogger<MeetingRuntime> log, ForumMetrics metrics)
{
    private readonly ConcurrentDictionary<Guid, MeetingHost> _hosts = new();

    /// <summary>
    /// Queues a command for the meeting's writer and waits for its answer. Commands that arrive while a batch is
    /// being stored are applied and stored together in the next transaction (group commit), so a room voting at
    /// once costs a few transactions rather than one each; each still gets its own result or refusal.
    /// </summary>
    /// <param name="command">The command's name, stored with its result: a commandId reused for another command is refused.</param>
    /// <param name="actorId">Who sends it, stored with its result: another person repeating the commandId is refused too.</param>
    public async Task<T> ExecuteAsync<T>(Guid meetingId, Guid? commandId, string command, Guid? actorId,
        Func<Meeting, DateTimeOffset, CommandOutcome<T>> decide, CancellationToken ct)
    {
        var work = new QueuedCommand
        {
            CommandId = commandId,
            Command = command,
            ActorId = actorId,
            Decide = (meeting, now) =>
            {
                var outcome = decide(meeting, now); // throws BusinessRuleBrokenException before any change
                return new CommandDecision(outcome.Result, AppliedResult.Write(command, outcome.Remembered ?? outcome.Result, actorId), outcome.Tokens, outcome.Audit);
            },
            Recall = json => AppliedResult.Read<T>(json, command, actorId), // another person's commandId: duplicate_command_id
        };
        await RunAsync(meetingId, work);
        return (T)(await work.Done.Task)!;
    }

    /// <summary>
    /// Reads the meeting consistently (no command is half-applied while reading). If another node wrote since
    /// this node loaded it (a takeover, or a read on a node that is not the writer), it reloads first.
    /// </summary>
    public async Task<T> ReadAsync<T>(Guid meetingId, Func<Meeting, T> read, CancellationToken ct)
    {
        var host = await AcquireAsync(meetingId, ct);
        try
        {
            if (await IsStaleAsync(host, ct)) host.Evict();
            return read(await EnsureLoadedAsync(host, ct));
        }
        catch (Exception e) when (IsStorageFailure(e))
        {
            throw StorageUnavailable(e, meetingId, "reading");
        }
        finally { host.Gate.Release(); }
    }

    /// <summary>
    /// Drops this node's copy of the meeting if another node wrote since it was loaded (the meeting's writer moved here
    /// again); the next command reloads it.
    /// </summary>
    public async Task DropIfStaleAsync(Guid meetingId, CancellationToken ct)
    {
        if (!_hosts.TryGetValue(meetingId, out var host)) return;
        await host.Gate.WaitAsync(ct);
        try
        {
            if (await IsStaleAsync(host, ct)) host.Evict();
        }
        catch (Exception e) when (IsStorageFailure(e))
        {
            host.Evict(); // cannot tell: reload on the next command
        }
        finally { host.Gate.Release(); }
    }

    /// <summary>True when the host holds a copy and another node wrote the meeting since it was loaded.</summary>
    private async Task<bool> IsStaleAsync(MeetingHost host, CancellationToken ct)
    {
        if (host.Meeting is not { } loaded) return false;
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MeetingStore>().StoredVersionAsync(host.MeetingId, ct) > loaded.Version;
    }

    /// <summary>
    /// Stores a new meeting (its first events appended at version 0, like any other append) and makes this node its writer.
    /// </summary>
    /// <param name="owners">Who owns the meeting: none, or one row stored in the same transaction.</param>
    public async Task<T> CreateAsync<T>(MeetingRow row, Meeting meeting, Guid commandId, string command, IReadOnlyList<AccessTokenRow> tokens,
        T result, T remembered, CancellationToken ct, IReadOnlyList<MeetingOwnerRow>? owners = null)
    {
        var owner = owners?.SingleOrDefault();
        var first = new MeetingStore.PendingWrite(meeting.DequeueUncommitted(), commandId, null, AppliedResult.Write(command, remembered),
            meeting.CreatedAt, tokens);
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<MeetingStore>();
        try
        {
            await store.CreateAsync(row, owner, meeting, first, ct);
        }
        catch (StoreException e)
        {
            throw Translate(e, meeting.Id, 0);
        }
        var host = _hosts.GetOrAdd(meeting.Id, id => new MeetingHost(id));
        await host.Gate.WaitAsync(ct);
        try { host.Load(meeting, [new(commandId, first.ResultJson)], owner?.OrganisationId); }
        finally { host.Gate.Release(); }
        log.LogInformation("Meeting {MeetingId} created at sequence {Seq}", meeting.Id, meeting.Version);
        return result;
    }

    /// <summary>
    /// Runs work that rewrites or deletes a meeting's stored data (erasure, retention) while no command can run on it,
    /// then drops the in-memory copy so the next command or read reloads what PostgreSQL now holds.
    /// </summary>
    public async Task ExclusiveAsync(Guid meetingId, Func<CancellationToken, Task> work, CancellationToken ct)
    {
        var host = await AcquireAsync(meetingId, ct);
        try
        {
            await work(ct);
        }
        finally
        {
            host.Evict();
            _hosts.TryRemove(meetingId, out _);
            host.Gate.Release();
        }
    }

    /// <summary>The stored result of a command applied earlier, on any meeting (for repeats of create).</summary>
    public async Task<T?> FindAppliedAsync<T>(Guid commandId, string command, CancellationToken ct) where T : class
    {
        await using var scope = scopes.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<MeetingStore>().AppliedResultsAsync(commandId, ct);
        if (stored.Count == 0) return null;
        return AppliedResult.Read<T>(stored.FirstOrDefault(json => AppliedResult.CommandOf(json) == command) ?? stored[0], command);
    }

    /// <summary>Drops meetings nobody used for a while; they reload from PostgreSQL if anyone comes back.</summary>
    public int EvictIdle(TimeSpan idleFor)
    {
        var evicted = 0;
        var cutoff = Environment.TickCount64 - (long)idleFor.TotalMilliseconds;
        foreach (var (id, host) in _hosts)
        {
            if (host.LastUsedTicks > cutoff || !host.Queue.IsEmpty || !host.StoreAlone.IsEmpty || !host.Gate.Wait(0)) continue;
            try
            {
                if (host.LastUsedTicks <= cutoff && _hosts.TryRemove(id, out _)) evicted++;
            }
            finally { host.Gate.Release(); }
        }
        return evicted;
    }

    public int LoadedMeetings => _hosts.Count;

    /// <summary>Takes the meeting's gate, making sure the host is still the registered one (the sweeper may have dropped it).</summary>
    private async Task<MeetingHost> AcquireAsync(Guid meetingId, CancellationToken ct)
    {
        while (true)
        {
            var host = _hosts.GetOrAdd(meetingId, id => new MeetingHost(id));
            await host.Gate.WaitAsync(ct);
            if (_hosts.TryGetValue(meetingId, out var current) && ReferenceEquals(current, host)) return host;
            host.Gate.Release();
        }
    }

    private async Task<Meeting> EnsureLoadedAsync(MeetingHost host, CancellationToken ct)
    {
        if (host.Meeting is { } loaded) return loaded;
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<MeetingStore>();
        MeetingStore.Loaded? stored;
        try { stored = await store.LoadAsync(host.MeetingId, ct); }
        catch (Exception e) when (IsStorageFailure(e))
        {
            // PostgreSQL is away (restarting, unreachable): the command was not applied; the same one may be sent again.
            throw StorageUnavailable(e, host.MeetingId, "loading");
        }
        if (stored is null)
        {
            _hosts.TryRemove(host.MeetingId, out _); // unknown ids must not pile up in memory
            throw new CommandException(ApiErrorCodes.MeetingNotFound, "We could not find this meeting.", 404);
        }
        host.Load(stored.Meeting, stored.Applied, stored.OrganisationId);
        log.LogInformation("Meeting {MeetingId} loaded at sequence {Seq}", host.MeetingId, stored.Meeting.Version);
        return stored.Meeting;
    }

    private CommandException Translate(StoreException e, Guid meetingId, long fromVersion)
    {
        switch (e)
        {
            case StoreConflictException { SqlState: StoreFailures.VersionMismatch }:
                log.LogWarning("Meeting {MeetingId} changed elsewhere after sequence {Seq}; reloading", meetingId, fromVersion);
                return new CommandException(ApiErrorCodes.Conflict, "The meeting changed at the same moment. Please try again.", 409, retriable: true);
            case StoreConflictException unique:
                metrics.PostgresError("store_refused", e);
                log.LogWarning("Meeting {MeetingId}: unique key {Constraint} refused a write", meetingId, unique.Constraint);
                // Only a second writer (another node with a stale copy) can break a key: retrying reloads the truth.
                return new CommandException(ApiErrorCodes.Conflict, "The meeting changed at the same moment. Please try again.", 409, retriable: true);
            case StoreRefusedException refused:
                metrics.PostgresError("store_refused", e);
                log.LogError(e, "Meeting {MeetingId}: PostgreSQL refused the events after sequence {Seq} ({SqlState})", meetingId, fromVersion, refused.SqlState);
                // The data itself is refused: the same command would be refused again, so it must not be sent again.
                return new CommandException(ApiErrorCodes.StorageRefused,
                    "We could not save that, and trying again will not help. It has been noted for the team.", 422);
            default:
                metrics.PostgresError(e.SqlState is null ? "store" : "store_refused", e);
                log.LogError(e, "Meeting {MeetingId}: storing events after sequence {Seq} failed", meetingId, fromVersion);
                return new CommandException(ApiErrorCodes.StorageUnavailable, "We could not save that just now. Please try again.", 503, retriable: true);
        }
    }

    /// <summary>PostgreSQL could not be reached or went away mid-query (see <see cref="StoreFailures.IsUnavailable"/>).</summary>
    public static bool IsStorageFailure(Exception e) => StoreFailures.IsUnavailable(e);

    public CommandException StorageUnavailable(Exception e, Guid meetingId, string doing)
    {
        metrics.PostgresError(doing, e);
        log.LogWarning("Meeting {MeetingId}: {Doing} it failed, the database is unavailable ({Error})", meetingId, doing, e.GetBaseException().GetType().Name);
        return new CommandException(ApiErrorCodes.StorageUnavailable, "We could not reach our records just now. Please try again.", 503, retriable: true);
    }
}
