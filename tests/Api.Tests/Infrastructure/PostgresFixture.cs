namespace ForumHub.Api.Tests.Infrastructure;

/// <summary>
/// A test class's way to the run's one PostgreSQL server (<see cref="PostgresServer"/>): the class declares
/// <c>IClassFixture&lt;PostgresFixture&gt;</c> (<see cref="AppTestBase"/> does) and takes it in its constructor.
/// Classes are not put in one collection, so xUnit runs them in parallel; each test makes its own databases.
/// </summary>
public sealed class PostgresFixture
{
    public const string EnvironmentVariable = PostgresServer.EnvironmentVariable;

    /// <summary>The server's connection string, without a database.</summary>
    public string ServerConnectionString => PostgresServer.Shared.ServerConnectionString;

    /// <summary>A fresh, uniquely named, empty database (for tests of the migrations themselves).</summary>
    public string CreateDatabase() => PostgresServer.Shared.CreateDatabase();

    /// <summary>A fresh, uniquely named database with every migration applied, copied from the run's template.</summary>
    public string CreateMigratedDatabase() => PostgresServer.Shared.CreateMigratedDatabase();
}

/// <summary>
/// Classes in this collection run alone, after the parallel ones: they measure time, or listen to process-wide
/// diagnostics (ActivitySource) that other classes' tests would add to.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RunsAloneCollection
{
    public const string Name = "runs alone";
}
