using ForumHub.Api.Persistence;
using ForumHub.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ForumHub.Api.Tests;

/// <summary>
/// The SQL migrations are written by hand (the EF design package cannot be restored here), so this proves
/// they build exactly the schema the EF model expects: same tables, columns, types, nullability, keys,
/// foreign keys and indexes.
/// </summary>
public sealed class SchemaMatchesModelTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task Migrated_schema_equals_the_schema_EF_would_create()
    {
        var migrated = postgres.CreateDatabase();
        await DatabaseMigrator.MigrateAsync(migrated);

        var fromModel = postgres.CreateDatabase();
        await using (var db = new ForumDbContext(new DbContextOptionsBuilder<ForumDbContext>().UseNpgsql(fromModel).Options))
            await db.Database.EnsureCreatedAsync();

        var expected = await DescribeAsync(fromModel);
        var actual = await DescribeAsync(migrated);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task Migrating_twice_changes_nothing()
    {
        var database = postgres.CreateDatabase();
        await DatabaseMigrator.MigrateAsync(database);
        var once = await DescribeAsync(database);
        await DatabaseMigrator.MigrateAsync(database);
        Assert.Equal(once, await DescribeAsync(database));
    }

    private static async Task<List<string>> DescribeAsync(string connectionString)
    {
        const string sql = """
            SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || coalesce('(' || character_maximum_length || ')', '')
                   || CASE WHEN is_nullable = 'YES' THEN ' null' ELSE ' not null' END || coalesce(' default ' || column_default, '')
              FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> 'schema_migrations'
            UNION ALL
            SELECT 'constraint ' || conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid)
              FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> 'schema_migrations'
            UNION ALL
            SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> 'schema_migrations'
            """;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync()) lines.Add(reader.GetString(0));
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }
}
