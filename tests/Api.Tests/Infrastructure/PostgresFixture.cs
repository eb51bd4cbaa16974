using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace ForumHub.Api.Tests.Infrastructure;

/// <summary>
/// Test classes that need PostgreSQL join this collection: <c>[Collection(PostgresCollection.Name)]</c>
/// and take a <see cref="PostgresFixture"/> in their constructor.
/// </summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "postgres";
}

/// <summary>
/// A real PostgreSQL server for tests. Uses <c>FORUMHUB_TEST_PG</c> (an Npgsql connection string without a
/// database, e.g. <c>Host=127.0.0.1;Port=55432;Username=postgres</c>, as <c>scripts/test.sh</c> sets it) when set;
/// otherwise starts a throwaway cluster with <c>scripts/pg.sh</c> in a temporary folder on a free port and
/// stops and deletes it on dispose. Each <see cref="CreateDatabase"/> call gives a fresh, empty database.
/// </summary>
public sealed class PostgresFixture : IDisposable
{
    public const string EnvironmentVariable = "FORUMHUB_TEST_PG";

    private readonly string _serverConnectionString;
    private readonly string? _pgScript;
    private readonly string? _dataDir;
    private readonly List<string> _databases = [];
    private readonly Lock _gate = new();
    private bool _disposed;

    public PostgresFixture()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            _serverConnectionString = fromEnvironment;
            return;
        }

        _pgScript = Path.Combine(FindRepoRoot(), "scripts", "pg.sh");
        _dataDir = Directory.CreateTempSubdirectory("forumhub-pg-").FullName;
        var port = FreePort();
        try
        {
            RunPgScript("start", _dataDir, port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        catch
        {
            TryDeleteDataDir();
            throw;
        }

        _serverConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres";
    }

    /// <summary>The server's connection string, without a database.</summary>
    public string ServerConnectionString => _serverConnectionString;

    /// <summary>
    /// Creates a fresh, uniquely named, empty database and returns a connection string to it.
    /// </summary>
    public string CreateDatabase()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var name = $"forumhub_test_{Guid.NewGuid():N}";

        using (var connection = new NpgsqlConnection(AdminConnectionString()))
        {
            connection.Open();
            using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            command.ExecuteNonQuery();
        }

        lock (_gate)
        {
            _databases.Add(name);
        }

        return new NpgsqlConnectionStringBuilder(_serverConnectionString) { Database = name }.ConnectionString;
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        NpgsqlConnection.ClearAllPools();

        if (_dataDir is null)
        {
            // A server we were given: drop what we created, leave the rest alone.
            DropCreatedDatabases();
            return;
        }

        try
        {
            RunPgScript("stop", _dataDir);
        }
        finally
        {
            TryDeleteDataDir();
        }
    }

    private string AdminConnectionString() =>
        new NpgsqlConnectionStringBuilder(_serverConnectionString) { Database = "postgres", Pooling = false }.ConnectionString;

    private void DropCreatedDatabases()
    {
        string[] names;
        lock (_gate)
        {
            names = [.. _databases];
            _databases.Clear();
        }

        if (names.Length == 0)
        {
            return;
        }

        try
        {
            using var connection = new NpgsqlConnection(AdminConnectionString());
            connection.Open();
            foreach (var name in names)
            {
                using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
                command.ExecuteNonQuery();
            }
        }
        catch (NpgsqlException)
        {
            // Best effort: a leftover test database on a developer's own server is harmless.
        }
    }

    private void RunPgScript(params string[] arguments)
    {
        var startInfo = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add(_pgScript!);
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo)
            ?? throw new InvalidOperationException("Could not start bash to run scripts/pg.sh.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"scripts/pg.sh {string.Join(' ', arguments)} did not finish within 2 minutes.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"scripts/pg.sh {string.Join(' ', arguments)} failed (exit {process.ExitCode}). "
                + $"Set {EnvironmentVariable} to use a PostgreSQL server of your own.\n{stdout.Result}{stderr.Result}");
        }
    }

    private void TryDeleteDataDir()
    {
        try
        {
            if (_dataDir is not null && Directory.Exists(_dataDir))
            {
                Directory.Delete(_dataDir, recursive: true);
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ForumHub.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException(
            $"Could not find ForumHub.sln above {AppContext.BaseDirectory}; set {EnvironmentVariable} instead.");
    }
}
