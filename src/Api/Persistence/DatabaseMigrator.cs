using System.Reflection;
using Npgsql;

namespace ForumHub.Api.Persistence;

/// <summary>
/// Applies the embedded SQL migrations in name order at start-up (see ADR 0002: the EF design package
/// cannot be restored here). Creates the database if it is missing. An advisory lock lets several
/// nodes start at once without applying a script twice.
/// </summary>
public static class DatabaseMigrator
{
    private const long LockKey = 0x466F72756D487562; // "ForumHub"

    /// <summary>
    /// Two scripts were once both numbered 0002, so the later ones were renumbered. A database that applied them under
    /// their old names records them under the new ones, so none is applied twice.
    /// </summary>
    private const string RecordRenames = """
        UPDATE schema_migrations AS m SET name = r.new_name
          FROM (VALUES ('0002_minutes', '0003_minutes'), ('0003_minutes_erasure', '0004_minutes_erasure'),
                       ('0004_advance_meeting_version', '0005_advance_meeting_version'),
                       ('0005_take_over_codes', '0006_take_over_codes')) AS r(old_name, new_name)
         WHERE m.name = r.old_name
        """;

    public static async Task MigrateAsync(string connectionString, CancellationToken ct = default)
    {
        await EnsureDatabaseExistsAsync(connectionString, ct);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await Exec(connection, $"SELECT pg_advisory_lock({LockKey})", ct);
        try
        {
            await Exec(connection, "CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())", ct);
            await Exec(connection, RecordRenames, ct);
            foreach (var (name, sql) in Scripts())
            {
                await using var check = new NpgsqlCommand("SELECT count(*) FROM schema_migrations WHERE name = @n", connection);
                check.Parameters.AddWithValue("n", name);
                if ((long)(await check.ExecuteScalarAsync(ct))! > 0) continue;
                await using var tx = await connection.BeginTransactionAsync(ct);
                await using (var apply = new NpgsqlCommand(sql, connection, tx)) await apply.ExecuteNonQueryAsync(ct);
                await using (var record = new NpgsqlCommand("INSERT INTO schema_migrations (name) VALUES (@n)", connection, tx))
                {
                    record.Parameters.AddWithValue("n", name);
                    await record.ExecuteNonQueryAsync(ct);
                }
                await tx.CommitAsync(ct);
            }
        }
        finally
        {
            await Exec(connection, $"SELECT pg_advisory_unlock({LockKey})", CancellationToken.None);
        }
    }

    public static IEnumerable<(string Name, string Sql)> Scripts()
    {
        var assembly = Assembly.GetExecutingAssembly();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.EndsWith(".sql", StringComparison.Ordinal)).Order())
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
            var name = resource.Split('.')[^2];
            yield return (name, reader.ReadToEnd());
        }
    }

    private static async Task EnsureDatabaseExistsAsync(string connectionString, CancellationToken ct)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var database = builder.Database ?? "forumhub";
        builder.Database = "postgres";
        builder.Pooling = false;
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(ct);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @d", connection);
        exists.Parameters.AddWithValue("d", database);
        if (await exists.ExecuteScalarAsync(ct) is not null) return;
        var quoted = "\"" + database.Replace("\"", "\"\"") + "\"";
        try { await Exec(connection, $"CREATE DATABASE {quoted}", ct); }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase) { /* another node made it */ }
    }

    private static async Task Exec(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}
