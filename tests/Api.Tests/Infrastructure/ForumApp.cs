using System.Net.Http.Json;
using System.Text.Json;
using ForumHub.Api.Features;
using ForumHub.Api.Features.Meetings;
using ForumHub.Api.Features.Participants;
using ForumHub.Api.Infrastructure;
using ForumHub.Api.Runtime;
using ForumHub.Domain.Meetings;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ForumHub.Api.Tests.Infrastructure;

/// <summary>
/// The real Api in-process on its own fresh, migrated PostgreSQL database (or on another app's, as a second node). Hub methods are exercised through the same
/// MediatR requests the hub sends (the .NET SignalR client cannot be restored here; the wire is covered by
/// the npm-client tests in tests/e2e).
/// Only signed-in facilitators create meetings: every ForumApp seeds one administrator through the Bootstrap
/// settings (AdminEmail, a fresh random AdminPassword per app; nothing secret in the repository), and
/// CreateMeetingAsync / FacilitatorClientAsync sign in as them. Requests may carry the test-only header
/// X-Test-Remote-Address to act as coming from another address (TestServer has none of its own).
/// </summary>
public sealed class ForumApp : WebApplicationFactory<Program>
{
    public const string AdminEmail = "facilitator@forumhub.test";
    public const string TestAddressHeader = "X-Test-Remote-Address";
    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly SemaphoreSlim _signInGate = new(1, 1);
    private HttpClient? _facilitator;

    public ForumApp(PostgresFixture postgres, string? connectionString = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        ConnectionString = connectionString ?? postgres.CreateMigratedDatabase();
        _settings = settings ?? new Dictionary<string, string>();
    }

    public string ConnectionString { get; }

    /// <summary>Every log line of this app (redacted like any real log).</summary>
    public TestLogSink Logs { get; } = new();

    /// <summary>The seeded administrator's password: random for each app.</summary>
    public string AdminPassword { get; } = "test-" + Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));

    public static JsonSerializerOptions Json => ForumJson.Options;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Forum", ConnectionString);
        builder.UseEnvironment("Development");
        builder.UseSetting("Bootstrap:AdminEmail", AdminEmail);
        builder.UseSetting("Bootstrap:AdminPassword", AdminPassword);
        builder.UseSetting("Bootstrap:AdminName", "Fay Facilitator");
        builder.UseSetting("Bootstrap:OrganisationName", "Test organisation");
        // Hashing is not what these tests test; 100,000 PBKDF2 rounds per password was most of the suite's time.
        // Only Development may lower it (a test that runs the app as Production keeps the real number).
        var environment = _settings.FirstOrDefault(s => string.Equals(s.Key, "environment", StringComparison.OrdinalIgnoreCase)).Value;
        if (environment is null or "Development") builder.UseSetting("Accounts:PasswordHashIterations", "1000");
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        builder.ConfigureServices(s => s.AddSingleton<IStartupFilter, TestAddressStartupFilter>());
        builder.ConfigureLogging(l => l.AddProvider(Logs));
    }

    /// <summary>A client on https://localhost (the facilitator cookie is Secure) that keeps cookies.</summary>
    public HttpClient CreateSecureClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), HandleCookies = true });

    /// <summary>A client signed in as the seeded administrator (a facilitator account). Made once per app.</summary>
    public async Task<HttpClient> FacilitatorClientAsync()
    {
        await _signInGate.WaitAsync();
        try
        {
            return _facilitator ??= await SignInAsync(AdminEmail, AdminPassword);
        }
        finally
        {
            _signInGate.Release();
        }
    }

    /// <summary>Signs in and returns a client holding the session cookie.</summary>
    public async Task<HttpClient> SignInAsync(string email, string password)
    {
        var client = CreateSecureClient();
        var response = await client.PostAsJsonAsync("/api/account/sign-in", new { email, password }, Json);
        response.EnsureSuccessStatusCode();
        return client;
    }

    public async Task<CreatedMeeting> CreateMeetingAsync(string title = "North forum", string facilitator = "Sam")
    {
        var response = await (await FacilitatorClientAsync()).PostAsJsonAsync("/api/meetings",
            new { commandId = Guid.NewGuid(), title, facilitatorName = facilitator }, Json);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<CreatedMeeting>(Json))!;
    }

    public async Task<JoinedMeeting> JoinAsync(string code, string name, string? role = null, Guid? supports = null)
    {
        var response = await CreateClient().PostAsJsonAsync("/api/join",
            new { commandId = Guid.NewGuid(), code, displayName = name, role, supportsMemberId = supports }, Json);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JoinedMeeting>(Json))!;
    }

    /// <summary>Sends a live command as the given caller, exactly as MeetingHub does.</summary>
    public async Task<CommandAck> SendAsync(MeetingCommand command, Caller caller)
    {
        await using var scope = Services.CreateAsyncScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        var stamped = command.CommandId == Guid.Empty ? command with { CommandId = Guid.NewGuid() } : command;
        return await mediator.Send(stamped with { Caller = caller });
    }

    public async Task<MeetingSnapshot> SnapshotAsync(Guid meetingId)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new GetSnapshot(meetingId));
    }

    /// <summary>What PostgreSQL holds for a meeting, to prove a refused command left no trace.</summary>
    public async Task<DbState> DbStateAsync(Guid meetingId)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT (SELECT count(*) FROM meeting_events WHERE meeting_id = @m),
                   (SELECT coalesce(max(seq), 0) FROM meeting_events WHERE meeting_id = @m),
                   (SELECT version FROM meetings WHERE id = @m),
                   (SELECT phase FROM meetings WHERE id = @m),
                   (SELECT count(*) FROM ballots WHERE meeting_id = @m),
                   (SELECT count(*) FROM participants WHERE meeting_id = @m),
                   (SELECT count(*) FROM processed_commands WHERE meeting_id = @m)
            """, connection);
        command.Parameters.AddWithValue("m", meetingId);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new DbState(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetString(3),
            reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6));
    }

    public static Caller Facilitator(CreatedMeeting m) => new(m.MeetingId, m.FacilitatorId, Role.Facilitator);
    public static Caller Screen(CreatedMeeting m) => new(m.MeetingId, m.ScreenId, Role.Screen);
    public static Caller As(JoinedMeeting j) => new(j.MeetingId, j.ParticipantId, j.Role);
}

public sealed record DbState(long Events, long MaxSeq, long Version, string Phase, long Ballots, long Participants, long Commands);

/// <summary>Test only: a request's X-Test-Remote-Address header becomes its remote address, so tests can act from several addresses.</summary>
internal sealed class TestAddressStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((http, nextMiddleware) =>
        {
            if (http.Request.Headers.TryGetValue(ForumApp.TestAddressHeader, out var value) && System.Net.IPAddress.TryParse(value, out var address))
                http.Connection.RemoteIpAddress = address;
            return nextMiddleware(http);
        });
        next(app);
    };
}
