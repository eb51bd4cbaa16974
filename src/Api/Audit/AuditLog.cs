using ForumHub.Api.Access;
using ForumHub.Api.Persistence;
using ForumHub.Api.Runtime;
using ForumHub.Domain.Meetings;
using Microsoft.EntityFrameworkCore;

namespace ForumHub.Api.Audit;

/// <summary>
/// Writes the audit log: what facilitators, administrators and the system did, by ids and action names only (no
/// names, no text people typed). A failed audit write is logged and never undoes the action it describes.
/// </summary>
public sealed class AuditLog(IServiceScopeFactory scopes, TimeProvider clock, ILogger<AuditLog> log)
{
    public sealed record Entry(string Action, Guid? OrganisationId = null, Guid? AccountId = null, Guid? MeetingId = null,
        Guid? ParticipantId = null, string? Target = null, string? Address = null);

    public async Task WriteAsync(Entry entry, CancellationToken ct = default)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ForumDbContext>();
            if (entry.OrganisationId is null && entry.MeetingId is { } meetingId)
                entry = entry with
                {
                    OrganisationId = await db.MeetingOwners.AsNoTracking().Where(o => o.MeetingId == meetingId)
                        .Select(o => (Guid?)o.OrganisationId).FirstOrDefaultAsync(ct),
                };
            db.AuditLog.Add(Row(entry));
            await db.SaveChangesAsync(ct);
        }
        catch (Exception e) when (e is DbUpdateException or Npgsql.NpgsqlException or TimeoutException or OperationCanceledException)
        {
            log.LogError(e, "Could not write audit entry {Action} for account {AccountId} meeting {MeetingId}", entry.Action, entry.AccountId, entry.MeetingId);
        }
    }

    /// <summary>Adds the entry to a unit of work that is about to be saved, so it commits (or not) with it.</summary>
    public void Add(ForumDbContext db, Entry entry) => db.AuditLog.Add(Row(entry));

    private AuditEntryRow Row(Entry e) => RowOf(e, clock.GetUtcNow());

    /// <summary>The row for an entry at a given time (a live command's entry carries the command's own time).</summary>
    public static AuditEntryRow RowOf(Entry e, DateTimeOffset at) => new()
    {
        At = at,
        Action = e.Action,
        OrganisationId = e.OrganisationId,
        AccountId = e.AccountId,
        MeetingId = e.MeetingId,
        ParticipantId = e.ParticipantId,
        Target = e.Target,
        Address = e.Address,
    };

    /// <summary>
    /// Every live command a facilitator's token sends (open/close a vote, remove someone, close the meeting, ...) is
    /// audited, committed with the command itself: the command's name is the action, the id it made the target.
    /// Other roles' commands are not audited (null).
    /// </summary>
    public static Entry? ForCommand(Caller caller, string command, Guid? createdId) =>
        caller.Role == Role.Facilitator
            ? new Entry($"meeting.{command}", MeetingId: caller.MeetingId, ParticipantId: caller.ParticipantId, Target: createdId?.ToString())
            : null;

    public static string? AddressOf(HttpContext? http) => http is null ? null : AttemptGuard.AddressOf(http);
}
