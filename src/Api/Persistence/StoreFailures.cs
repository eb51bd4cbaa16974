using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ForumHub.Api.Persistence;

/// <summary>A write was not stored. Which kind says whether sending the same command again can succeed.</summary>
public abstract class StoreException(string message, Exception inner, string? sqlState) : Exception(message, inner)
{
    /// <summary>The SQLSTATE PostgreSQL answered with; null when it did not answer (unreachable, timed out).</summary>
    public string? SqlState { get; } = sqlState;
}

/// <summary>
/// Another writer got there first: the meeting is no longer at the version this copy was loaded at, or a unique key
/// says the row is already there (only a second writer with a stale copy can break one). Reloading and trying again
/// gives the committed truth.
/// </summary>
public sealed class StoreConflictException(string message, Exception inner, string sqlState, string? constraint = null)
    : StoreException(message, inner, sqlState)
{
    /// <summary>The unique key that refused the write; null when the version check did.</summary>
    public string? Constraint { get; } = constraint;
}

/// <summary>
/// PostgreSQL refused the data itself (SQLSTATE class 22, a data exception, or 23, an integrity violation other than
/// a unique key): the same write would be refused again however often it is sent.
/// </summary>
public sealed class StoreRefusedException(string message, PostgresException inner) : StoreException(message, inner, inner.SqlState);

/// <summary>PostgreSQL could not be reached, went away mid-write, or failed for a reason that may pass: try again.</summary>
public sealed class StoreUnavailableException(string message, Exception inner, string? sqlState = null) : StoreException(message, inner, sqlState);

/// <summary>Turns Npgsql's and EF Core's exceptions into the three outcomes the runtime acts on.</summary>
public static class StoreFailures
{
    /// <summary>SQLSTATE raised by advance_meeting_version (migration 0005) when the meeting is not at the expected version.</summary>
    public const string VersionMismatch = "FH409";

    /// <summary>
    /// PostgreSQL could not be reached or went away mid-query: Npgsql's own exceptions, timeouts, and EF Core's
    /// "likely due to a transient failure" wrapper around them. Not other InvalidOperationExceptions (e.g. an unknown
    /// stored event type), which trying again would not cure.
    /// </summary>
    public static bool IsUnavailable(Exception e) =>
        e is NpgsqlException or TimeoutException or StoreUnavailableException
        || (e is InvalidOperationException && e.InnerException is NpgsqlException or TimeoutException);

    /// <summary>
    /// The store outcome of a failed write of a meeting's events after fromVersion, or null when the exception is not a
    /// storage failure at all. Data and integrity errors are final; a unique key or the version check means another
    /// writer; anything else may pass.
    /// </summary>
    public static StoreException? Classify(Exception e, Guid meetingId, long fromVersion)
    {
        var what = $"Storing events of meeting {meetingId} after sequence {fromVersion}";
        return (e as PostgresException ?? e.InnerException as PostgresException) switch
        {
            { SqlState: VersionMismatch } => new StoreConflictException($"Meeting {meetingId} is no longer at sequence {fromVersion}.", e, VersionMismatch),
            { SqlState: PostgresErrorCodes.UniqueViolation } unique =>
                new StoreConflictException($"{what} failed: {unique.SqlState} on {unique.ConstraintName}", e, unique.SqlState, unique.ConstraintName),
            { } refused when IsFinal(refused.SqlState) => new StoreRefusedException($"{what} failed: {refused.SqlState}", refused),
            { } other => new StoreUnavailableException($"{what} failed: {other.SqlState}", e, other.SqlState),
            null when e is DbUpdateException or NpgsqlException or TimeoutException or InvalidOperationException =>
                new StoreUnavailableException($"{what} failed: {e.GetType().Name}", e),
            null => null,
        };
    }

    /// <summary>Class 22 (data exception) and 23 (integrity constraint violation): the data can never be stored as it is.</summary>
    public static bool IsFinal(string sqlState) => sqlState.StartsWith("22", StringComparison.Ordinal) || sqlState.StartsWith("23", StringComparison.Ordinal);
}
