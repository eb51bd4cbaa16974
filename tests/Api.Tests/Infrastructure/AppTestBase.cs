namespace ForumHub.Api.Tests.Infrastructure;

/// <summary>
/// Base of the test classes whose every test runs against a fresh Api: its own migrated database (copied from the
/// run's template) and its own app, with the given settings. xUnit makes a new instance, so a new app, for each test.
/// </summary>
public abstract class AppTestBase(PostgresFixture postgres, IReadOnlyDictionary<string, string>? settings = null)
    : IClassFixture<PostgresFixture>, IAsyncLifetime
{
    protected PostgresFixture Postgres { get; } = postgres;

    /// <summary>This test's app, made before the test starts and disposed after it.</summary>
    protected ForumApp App { get; private set; } = null!;

    public virtual Task InitializeAsync()
    {
        App = new ForumApp(Postgres, settings: settings);
        return Task.CompletedTask;
    }

    public virtual async Task DisposeAsync() => await App.DisposeAsync();
}

/// <summary>
/// Base of the test classes whose every test starts in a meeting: the app of <see cref="AppTestBase"/>, a facilitator
/// signed in, and a meeting they created with two members, a supporter and a listener joined (<see cref="MeetingScenario"/>).
/// </summary>
public abstract class MeetingTestBase(PostgresFixture postgres, IReadOnlyDictionary<string, string>? settings = null)
    : AppTestBase(postgres, settings)
{
    /// <summary>This test's meeting and the people in it.</summary>
    protected MeetingScenario Scenario { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Scenario = await MeetingScenario.StartAsync(App);
    }
}
