using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ForumHub.Api.Persistence;
using Npgsql;

namespace ForumHub.Api.Tests.Infrastructure;

/// <summary>
/// The one PostgreSQL server of a test run, shared by every test class (they run in parallel, so it cannot be an xUnit
/// collection fixture: a collection runs its classes one after another). Uses <c>FORUMHUB_TEST_PG</c> (an Npgsql
/// connection string without a database, e.g. <c>Host=127.0.0.1;Port=55432;Username=postgres</c>, as
/// <c>scripts/test.sh</c> sets it) when set; otherwise starts a throwaway cluster with <c>scripts/pg.sh</c> on a free
/// port. The migrations run once per run, into a template database; every migrated test database is a copy of it
/// (<c>CREATE DATABASE ... TEMPLATE</c> takes milliseconds, running the migrations takes a second or more).
/// At the end of the run it drops the databases it made on a server it was given, or stops and deletes its own cluster.
/// </summary>
public sealed class PostgresServer
{
    public const string EnvironmentVariable = "FORUMHUB_TEST_PG";

    private static readonly Lazy<PostgresServer> SharedServer = new(() => new PostgresServer(), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly string? _pgScript;
    private readonly string? _dataDir;
    private readonly List<string> _databases = [];
    private readonly Lock _gate = new();
    private readonly Lazy<string> _template;

    private PostgresServer()
    {
        _template = new(CreateTemplate, LazyThreadSafetyMode.ExecutionAndPublication);
        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            ServerConnectionString = fromEnvironment;
        }
        else
        {
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

            ServerConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres";
        }

        // xUnit v2 has no assembly fixture: the end of the test process is the end of the run.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Shutdown();
    }

    /// <summary>The server of this run, started (or reached) on first use.</summary>
    public static PostgresServer Shared => SharedServer.Value;

    /// <summary>The server's connection string, without a database.</summary>
    public string ServerConnectionString { get; }

    /// <summary>A fresh, uniquely named, empty database.</summary>
    public string CreateDatabase() => Create(template: null);

    /// <summary>A fresh, uniquely named database with every migration applied: a copy of the run's template.</summary>
    public string CreateMigratedDatabase() => Create(_template.Value);

    private string Create(string? template)
    {
        var name = $"forumhub_test_{Guid.NewGuid():N}";
        var sql = template is null ? $"CREATE DATABASE \"{name}\"" : $"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"";
        Execute(sql);
        Remember(name);
        return ConnectionStringFor(name);
    }

    /// <summary>Migrates an empty database once; each test database copies it. Nothing may stay connected to it.</summary>
    private string CreateTemplate()
    {
        var name = $"forumhub_template_{Guid.NewGuid():N}";
        Execute($"CREATE DATABASE \"{name}\"");
        Remember(name);
        var connectionString = new NpgsqlConnectionStringBuilder(ConnectionStringFor(name)) { Pooling = false }.ConnectionString;
        // Off the caller's synchronization context: xUnit's has as many threads as cores, all of which may be waiting here.
        Task.Run(() => DatabaseMigrator.MigrateAsync(connectionString)).GetAwaiter().GetResult();
        return name;
    }

    private string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = database }.ConnectionString;

    private string AdminConnectionString() =>
        new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = "postgres", Pooling = false }.ConnectionString;

    private void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(AdminConnectionString());
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private void Remember(string name)
    {
        lock (_gate)
        {
            _databases.Add(name);
        }
    }

    private void Shutdown()
    {
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
        catch (InvalidOperationException)
        {
            // Best effort at exit: the cluster lives in a temporary folder.
        }
        finally
        {
            TryDeleteDataDir();
        }
    }

    private void DropCreatedDatabases()
    {
        string[] names;
        lock (_gate)
        {
            names = [.. _databases];
            _databases.Clear();
        }

        try
        {
            foreach (var name in names) Execute($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
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
        foreach (var argument in arguments) startInfo.ArgumentList.Add(argument);

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
            if (_dataDir is not null && Directory.Exists(_dataDir)) Directory.Delete(_dataDir, recursive: true);
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
            if (File.Exists(Path.Combine(dir.FullName, "ForumHub.sln"))) return dir.FullName;
        }

        throw new InvalidOperationException(
            $"Could not find ForumHub.sln above {AppContext.BaseDirectory}; set {EnvironmentVariable} instead.");
    }
}
