namespace ForumHub.Api.Persistence;

// Rows of who may do what and of privacy. Configured in ForumDbContext.Access.cs, created by 0002_access_and_privacy.sql.

/// <summary>The organisation that runs forums (one per deployment is usual; the schema allows more).</summary>
public sealed class OrganisationRow
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A regional forum of an organisation; its meetings follow one another ("tell your story once").</summary>
public sealed class ForumRow
{
    public Guid Id { get; set; }
    public Guid OrganisationId { get; set; }
    public required string Name { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>
/// A facilitator's sign-in. The password is stored only as an ASP.NET Core PasswordHasher hash (PBKDF2); a new
/// account has none until its person uses the one-time set-up code an administrator gave them (stored as a SHA-256
/// hash). SecurityStamp changes when the password changes or the account is disabled, which ends every session.
/// </summary>
public sealed class FacilitatorAccountRow
{
    public Guid Id { get; set; }
    public Guid OrganisationId { get; set; }
    /// <summary>Lower-case and trimmed: the sign-in name.</summary>
    public required string Email { get; set; }
    public required string DisplayName { get; set; }
    public string? PasswordHash { get; set; }
    public bool IsAdmin { get; set; }
    public bool Disabled { get; set; }
    public int FailedSignIns { get; set; }
    public DateTimeOffset? LockedUntil { get; set; }
    public required string SecurityStamp { get; set; }
    public byte[]? SetupCodeHash { get; set; }
    public DateTimeOffset? SetupCodeExpiresAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? LastSignInAt { get; set; }
}

/// <summary>Which organisation (and forum) a meeting belongs to, which account made it, and its staff participants.</summary>
public sealed class MeetingOwnerRow
{
    public Guid MeetingId { get; set; }
    public Guid OrganisationId { get; set; }
    public Guid? ForumId { get; set; }
    public Guid CreatedByAccountId { get; set; }
    public Guid FacilitatorParticipantId { get; set; }
    public Guid ScreenParticipantId { get; set; }
}

/// <summary>
/// The raw data of a meeting (events, participants, ballots, tokens, applied commands) was deleted by the retention
/// rule; the meeting row stays, so minutes kept in tables that reference it stay too.
/// </summary>
public sealed class MeetingDataDeletionRow
{
    public Guid MeetingId { get; set; }
    public DateTimeOffset DeletedAt { get; set; }
    public required string Reason { get; set; }
}

/// <summary>
/// One thing a facilitator, an administrator or the system did. Ids and action names only, never names or text
/// people typed, so it can be kept longer than the meeting data it describes.
/// </summary>
public sealed class AuditEntryRow
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public Guid? OrganisationId { get; set; }
    public Guid? AccountId { get; set; }
    public Guid? MeetingId { get; set; }
    public Guid? ParticipantId { get; set; }
    public required string Action { get; set; }
    public string? Target { get; set; }
    public string? Address { get; set; }
}

/// <summary>ASP.NET Core Data Protection keys (they sign the facilitator cookie), shared by every node through PostgreSQL.</summary>
public sealed class DataProtectionKeyRow
{
    public int Id { get; set; }
    public string? FriendlyName { get; set; }
    public required string Xml { get; set; }
}
