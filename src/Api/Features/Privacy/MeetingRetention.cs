using ForumHub.Api.Access;
using ForumHub.Api.Audit;
using ForumHub.Api.Persistence;
using ForumHub.Api.Runtime;
using Microsoft.EntityFrameworkCore;

namespace ForumHub.Api.Features.Privacy;

/// <summary>How long raw data is kept ("Privacy" section).</summary>
public sealed class PrivacyOptions
{
    /// <summary>
    /// Days after a meeting closes (or, if it never closed, after its last change) when its raw data is deleted:
    /// events, participants and their names, ballots, access tokens, applied commands. Published minutes stay.
    /// 0 keeps raw data for ever.
    /// </summary>
    public int RawDataRetentionDays { get; set; } = 365;
    /// <summary>Days the audit log is kept. 0 keeps it for ever.</summary>
    public int AuditLogRetentionDays { get; set; } = 730;
    /// <summary>How often the retention rule runs.</summary>
    public int SweepMinutes { get; set; } = 60;
}

/// <summary>
/// Applies the retention setting. The meetings row stays (title, dates, codes that now answer code_closed), so
/// minutes kept in their own tables that reference the meeting are untouched; everything that names or links
/// people goes. Each meeting is deleted while it has no writer, and its open connections are closed.
/// </summary>
public sealed class MeetingRetention(
    IServiceScopeFactory scopes, MeetingRuntime runtime, AccessWithdrawal access, AuditLog audit, PrivacyOptions options, ILogger<MeetingRetention> log)
{
    public const string Reason = "retention";

    public sealed record Result(IReadOnlyList<Guid> Meetings, int AuditEntriesDeleted);

    public async Task<Result> ApplyAsync(DateTimeOffset now, CancellationToken ct)
    {
        var deleted = new List<Guid>();
        if (options.RawDataRetentionDays > 0)
        {
            foreach (var meetingId in await DueAsync(now.AddDays(-options.RawDataRetentionDays), ct))
            {
                await DeleteRawDataAsync(meetingId, now, ct);
                deleted.Add(meetingId);
            }
        }
        var auditDeleted = 0;
        if (options.AuditLogRetentionDays > 0)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ForumDbContext>();
            var cutoff = now.AddDays(-options.AuditLogRetentionDays);
            auditDeleted = await db.AuditLog.Where(a => a.At < cutoff).ExecuteDeleteAsync(ct);
        }
        if (deleted.Count > 0 || auditDeleted > 0)
            log.LogInformation("Retention: deleted the raw data of {Meetings} meetings and {AuditEntries} old audit entries", deleted.Count, auditDeleted);
        return new Result(deleted, auditDeleted);
    }

    private async Task<List<Guid>> DueAsync(DateTimeOffset cutoff, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ForumDbContext>();
        return await db.Database.SqlQuery<Guid>($"""
            SELECT m.id AS "Value"
              FROM meetings m
             WHERE NOT EXISTS (SELECT 1 FROM meeting_data_deletions d WHERE d.meeting_id = m.id)
               AND coalesce(m.closed_at, (SELECT max(e.occurred_at) FROM meeting_events e WHERE e.meeting_id = m.id), m.created_at) < {cutoff}
            """).ToListAsync(ct);
    }

    private async Task DeleteRawDataAsync(Guid meetingId, DateTimeOffset now, CancellationToken ct)
    {
        await runtime.ExclusiveAsync(meetingId, async token =>
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ForumDbContext>();
            await using var tx = await db.Database.BeginTransactionAsync(token);
            await db.AccessTokens.Where(t => t.MeetingId == meetingId).ExecuteDeleteAsync(token);
            await db.Ballots.Where(b => b.MeetingId == meetingId).ExecuteDeleteAsync(token);
            await db.ProcessedCommands.Where(c => c.MeetingId == meetingId).ExecuteDeleteAsync(token);
            await db.Participants.Where(p => p.MeetingId == meetingId).ExecuteDeleteAsync(token);
            await db.Events.Where(e => e.MeetingId == meetingId).ExecuteDeleteAsync(token);
            db.MeetingDataDeletions.Add(new MeetingDataDeletionRow { MeetingId = meetingId, DeletedAt = now, Reason = Reason });
            audit.Add(db, new AuditLog.Entry("retention.raw_data_deleted", MeetingId: meetingId));
            await db.SaveChangesAsync(token);
            await tx.CommitAsync(token);
        }, ct);
        access.WithdrawMeeting(meetingId, "raw data deleted by the retention rule");
    }
}

/// <summary>Runs the retention rule every Privacy:SweepMinutes.</summary>
public sealed class RetentionSweeper(MeetingRetention retention, PrivacyOptions options, TimeProvider clock, ILogger<RetentionSweeper> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(Math.Max(1, options.SweepMinutes)), clock);
        do
        {
            try
            {
                await retention.ApplyAsync(clock.GetUtcNow(), stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "The retention rule failed; it runs again in {Minutes} minutes", options.SweepMinutes);
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
