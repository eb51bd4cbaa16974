using System.Collections.Concurrent;
using ForumHub.Api.Audit;
using ForumHub.Api.Hubs;
using ForumHub.Api.Infrastructure;
using ForumHub.Api.Persistence;
using ForumHub.Api.Telemetry;
using ForumHub.Domain.Meetings;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ForumHub.Api.Runtime;

/// <summary>
/// What a command decided: its result for the caller, any access tokens to store with its events, the
/// result to remember for repeats when it differs (a token is handed out once and never stored in clear), and
/// the audit entry to commit with it (facilitator commands, issue 6; the runtime adds the meeting's organisation).
/// </summary>
public sealed record CommandOutcome<T>(T Result, IReadOnlyList<AccessTokenRow>? Tokens = null, T? Remembered = default, AuditLog.Entry? Audit = null);

/// <summary>
/// Applies commands to live meetings, one at a time per meeting: check the rules in memory, write events to
/// PostgreSQL in one transaction, and only then acknowledge and broadcast them in sequence order.
/// </summary>
public sealed partial class MeetingRuntime(
    IServiceScopeFactory scopes, IHubContext<MeetingHub, IMeetingClient> hub, TimeProvider clock, ILogger<MeetingRuntime> log,
    ForumMetrics metrics)
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
            if (host.Meeting is { } loaded && await StoredVersionAsync(meetingId, ct) > loaded.Version) host.Evict();
            return read(await EnsureLoadedAsync(host, ct));
        }
        catch (Exception e) when (IsStorageFailure(e))
        {
            throw StorageUnavailable(e, meetingId, "reading");
        }
        finally { host.Gate.Release(); }
    }

    private async Task<long> StoredVersionAsync(Guid meetingId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ForumDbContext>();
        return await db.Meetings.AsNoTracking().Where(m => m.Id == meetingId).Select(m => m.Version).FirstOrDefaultAsync(ct);
    }

    /// <summary>Stores a new meeting and makes this node its writer.</summary>
    public async Task<T> CreateAsync<T>(MeetingRow row, Meeting meeting, Guid commandId, string command, IReadOnlyList<AccessTokenRow> tokens,
        T result, T remembered, CancellationToken ct, IReadOnlyList<object>? extraRows = null)
    {
        var events = meeting.DequeueUncommitted();
        var resultJson = AppliedResult.Write(command, remembered);
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<MeetingStore>();
        try
        {
            await store.CreateAsync(row, events, tokens, commandId, resultJson, meeting.CreatedAt, ct, extraRows);
        }
        catch (Exception e) when (e is DbUpdateException or NpgsqlException or TimeoutException)
        {
            throw Translate(e, meeting.Id, 0);
        }
        var host = _hosts.GetOrAdd(meeting.Id, id => new MeetingHost(id));
        await host.Gate.WaitAsync(ct);
        try { host.Load(meeting, [new(commandId, resultJson)], extraRows?.OfType<MeetingOwnerRow>().FirstOrDefault()?.OrganisationId); }
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
        var db = scope.ServiceProvider.GetRequiredService<ForumDbContext>();
        var stored = await db.ProcessedCommands.AsNoTracking().Where(c => c.CommandId == commandId).Select(c => c.Result).ToListAsync(ct);
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
            if (host.LastUsedTicks > cutoff || !host.Queue.IsEmpty || !host.Gate.Wait(0)) continue;
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

    public static string GroupName(Guid meetingId) => $"meeting:{meetingId:N}";

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

    private CommandException Translate(Exception e, Guid meetingId, long fromVersion)
    {
        if (e is DbUpdateConcurrencyException)
        {
            log.LogWarning("Meeting {MeetingId} changed elsewhere after sequence {Seq}; reloading", meetingId, fromVersion);
            return new CommandException(ApiErrorCodes.Conflict, "The meeting changed at the same moment. Please try again.", 409, retriable: true);
        }
        if (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } unique)
        {
            metrics.PostgresError("store_refused", e);
            log.LogWarning("Meeting {MeetingId}: unique key {Constraint} refused a write", meetingId, unique.ConstraintName);
            // Only a second writer (another node with a stale copy) can break a key: retrying reloads the truth.
            return new CommandException(ApiErrorCodes.Conflict, "The meeting changed at the same moment. Please try again.", 409, retriable: true);
        }
        metrics.PostgresError(e.InnerException is PostgresException ? "store_refused" : "store", e);
        log.LogError(e, "Meeting {MeetingId}: storing events after sequence {Seq} failed", meetingId, fromVersion);
        return new CommandException(ApiErrorCodes.StorageUnavailable, "We could not save that just now. Please try again.", 503, retriable: true);
    }

    /// <summary>
    /// PostgreSQL could not be reached or went away mid-query: Npgsql's own exceptions, timeouts, and EF Core's
    /// "likely due to a transient failure" wrapper around them. Not other InvalidOperationExceptions (e.g. an unknown
    /// stored event type), which trying again would not cure.
    /// </summary>
    public static bool IsStorageFailure(Exception e) =>
        e is NpgsqlException or TimeoutException || (e is InvalidOperationException && e.InnerException is NpgsqlException or TimeoutException);

    public CommandException StorageUnavailable(Exception e, Guid meetingId, string doing)
    {
        metrics.PostgresError(doing, e);
        log.LogWarning("Meeting {MeetingId}: {Doing} it failed, the database is unavailable ({Error})", meetingId, doing, e.GetBaseException().GetType().Name);
        return new CommandException(ApiErrorCodes.StorageUnavailable, "We could not reach our records just now. Please try again.", 503, retriable: true);
    }
}
