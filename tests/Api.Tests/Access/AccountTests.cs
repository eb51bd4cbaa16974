using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ForumHub.Api.Access;
using ForumHub.Api.Features.Admin;
using ForumHub.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ForumHub.Api.Tests.Access;

/// <summary>Facilitator accounts: sign-in, cookie, lockout, set-up codes, sessions ending, only facilitators create meetings.</summary>
[Collection(PostgresCollection.Name)]
public sealed class AccountTests(PostgresFixture postgres) : IAsyncLifetime
{
    private ForumApp _app = null!;

    public async Task InitializeAsync() => _app = new ForumApp(postgres, settings: new Dictionary<string, string>
    {
        ["Accounts:MaxFailedSignIns"] = "3",
        ["Accounts:LockoutMinutes"] = "15",
    });

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static async Task<string?> CodeOf(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString();

    private Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password) =>
        client.PostAsJsonAsync("/api/account/sign-in", new { email, password }, ForumApp.Json);

    [Fact]
    public async Task Sign_in_sets_a_Secure_HttpOnly_SameSite_Strict_host_only_cookie()
    {
        var response = await SignInAsync(_app.CreateSecureClient(), ForumApp.AdminEmail, _app.AdminPassword);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith(FacilitatorCookie.CookieName + "=", cookie, StringComparison.Ordinal);
        Assert.StartsWith("__Host-", FacilitatorCookie.CookieName, StringComparison.Ordinal);
        foreach (var attribute in new[] { "secure", "httponly", "samesite=strict", "path=/" })
            Assert.Contains(attribute, cookie.ToLowerInvariant().Split(';').Select(a => a.Trim()));
        Assert.DoesNotContain("domain=", cookie.ToLowerInvariant(), StringComparison.Ordinal);
        Assert.DoesNotContain("expires=", cookie.ToLowerInvariant(), StringComparison.Ordinal); // a session cookie
    }

    [Fact]
    public async Task Only_a_signed_in_facilitator_creates_a_meeting()
    {
        var body = new { commandId = Guid.NewGuid(), title = "North forum", facilitatorName = "Sam" };
        var anonymous = await _app.CreateClient().PostAsJsonAsync("/api/meetings", body, ForumApp.Json);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("unauthenticated", await CodeOf(anonymous));

        var meeting = await _app.CreateMeetingAsync();
        var member = await _app.JoinAsync(meeting.JoinCode, "Ana");
        var withToken = _app.CreateClient();
        withToken.DefaultRequestHeaders.Authorization = new("Bearer", member.Token);
        // A meeting token is no account session: "please sign in" (401), not "forbidden" (issue 11; docs/protocol.md 3.2).
        var refused = await withToken.PostAsJsonAsync("/api/meetings", body, ForumApp.Json);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("unauthenticated", await CodeOf(refused));

        var created = await (await _app.FacilitatorClientAsync()).PostAsJsonAsync("/api/meetings", body, ForumApp.Json);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var listed = await (await _app.FacilitatorClientAsync()).GetFromJsonAsync<JsonElement>("/api/meetings/", ForumApp.Json);
        Assert.Equal(2, listed.GetArrayLength());
        Assert.All(listed.EnumerateArray(), m => Assert.Equal("gathering", m.GetProperty("phase").GetString())); // camelCase, as every enum
    }

    [Fact]
    public async Task Wrong_passwords_lock_the_account_then_even_the_right_one_waits_until_unlocked()
    {
        var account = await _app.CreateAccountAsync();
        var client = _app.CreateSecureClient();
        var unknown = await SignInAsync(client, "nobody@forumhub.test", "whatever it is");
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal("sign_in_failed", await CodeOf(unknown));

        for (var i = 0; i < 2; i++)
        {
            var wrong = await SignInAsync(client, account.Email, "not the password");
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
            Assert.Equal("sign_in_failed", await CodeOf(wrong)); // the same answer as an unknown email
        }
        var third = await SignInAsync(client, account.Email, "not the password");
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Equal("account_locked", await CodeOf(third));
        var right = await SignInAsync(client, account.Email, account.Password);
        Assert.Equal("account_locked", await CodeOf(right));

        var admin = await _app.FacilitatorClientAsync();
        Assert.True((await admin.PostAsync($"/api/admin/facilitators/{account.Id}/unlock", null)).IsSuccessStatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(client, account.Email, account.Password)).StatusCode);

        var actions = await AuditActionsAsync();
        Assert.Contains("account.locked", actions);
        Assert.Contains("account.sign_in_while_locked", actions);
        Assert.Contains("admin.facilitator_unlock", actions);
    }

    [Fact]
    public async Task A_lock_ends_by_itself_after_the_lockout_time()
    {
        var account = await _app.CreateAccountAsync();
        var client = _app.CreateSecureClient();
        for (var i = 0; i < 3; i++) await SignInAsync(client, account.Email, "not the password");
        Assert.Equal("account_locked", await CodeOf(await SignInAsync(client, account.Email, account.Password)));
        await ExecAsync("UPDATE facilitator_accounts SET locked_until = now() - interval '1 second' WHERE id = @id", account.Id);
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(client, account.Email, account.Password)).StatusCode);
    }

    [Fact]
    public async Task Passwords_are_stored_only_as_PasswordHasher_hashes_and_must_be_long()
    {
        var account = await _app.CreateAccountAsync();
        var all = await _app.AllTextAsync();
        Assert.DoesNotContain(account.Password, all, StringComparison.Ordinal);
        Assert.DoesNotContain(_app.AdminPassword, all, StringComparison.Ordinal);
        await using var connection = new NpgsqlConnection(_app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT password_hash FROM facilitator_accounts WHERE id = @id", connection);
        command.Parameters.AddWithValue("id", account.Id);
        var hash = Convert.FromBase64String((string)(await command.ExecuteScalarAsync())!);
        Assert.Equal(0x01, hash[0]); // ASP.NET Core Identity v3 format: PBKDF2 with HMAC-SHA512, salted

        var admin = await _app.FacilitatorClientAsync();
        var made = await (await admin.PostAsJsonAsync("/api/admin/facilitators/", new { email = "short@forumhub.test", displayName = "Sho" }, ForumApp.Json))
            .Content.ReadFromJsonAsync<JsonElement>(ForumApp.Json);
        var tooShort = await _app.CreateSecureClient().PostAsJsonAsync("/api/account/set-up",
            new { email = "short@forumhub.test", code = made.GetProperty("setupCode").GetString(), password = "short" }, ForumApp.Json);
        Assert.Equal("password_too_short", await CodeOf(tooShort));
    }

    [Fact]
    public async Task A_set_up_code_works_once_and_only_for_its_account()
    {
        var admin = await _app.FacilitatorClientAsync();
        var made = await (await admin.PostAsJsonAsync("/api/admin/facilitators/", new { email = "Kit@ForumHub.test ", displayName = "Kit" }, ForumApp.Json))
            .Content.ReadFromJsonAsync<JsonElement>(ForumApp.Json);
        var code = made.GetProperty("setupCode").GetString()!;
        Assert.Equal("kit@forumhub.test", made.GetProperty("account").GetProperty("email").GetString());
        Assert.False(made.GetProperty("account").GetProperty("passwordSet").GetBoolean());

        var other = await _app.CreateSecureClient().PostAsJsonAsync("/api/account/set-up",
            new { email = ForumApp.AdminEmail, code, password = "a long enough password" }, ForumApp.Json);
        Assert.Equal("setup_code_invalid", await CodeOf(other));
        var first = await _app.CreateSecureClient().PostAsJsonAsync("/api/account/set-up",
            new { email = "kit@forumhub.test", code = code.ToLowerInvariant(), password = "a long enough password" }, ForumApp.Json);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var again = await _app.CreateSecureClient().PostAsJsonAsync("/api/account/set-up",
            new { email = "kit@forumhub.test", code, password = "another long password" }, ForumApp.Json);
        Assert.Equal("setup_code_invalid", await CodeOf(again));
    }

    [Fact]
    public async Task Disabling_an_account_or_changing_its_password_ends_its_sessions_at_once()
    {
        var account = await _app.CreateAccountAsync();
        var laptop = account.Client;
        var phone = await _app.SignInAsync(account.Email, account.Password);
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync("/api/account/me")).StatusCode);

        var changed = await laptop.PostAsJsonAsync("/api/account/password",
            new { currentPassword = account.Password, newPassword = "a brand new long password" }, ForumApp.Json);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync("/api/account/me")).StatusCode); // re-issued to the changer
        Assert.Equal(HttpStatusCode.Unauthorized, (await phone.GetAsync("/api/account/me")).StatusCode);

        var admin = await _app.FacilitatorClientAsync();
        Assert.True((await admin.PostAsync($"/api/admin/facilitators/{account.Id}/disable", null)).IsSuccessStatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await laptop.GetAsync("/api/account/me")).StatusCode);
        Assert.Equal("sign_in_failed", await CodeOf(await SignInAsync(_app.CreateSecureClient(), account.Email, "a brand new long password")));

        var self = await admin.PostAsync($"/api/admin/facilitators/{(await MeAsync(admin)).GetProperty("id").GetGuid()}/disable", null);
        Assert.Equal("cannot_change_yourself", await CodeOf(self));
    }

    [Fact]
    public async Task A_facilitator_is_not_an_administrator()
    {
        var account = await _app.CreateAccountAsync();
        var refused = await account.Client.PostAsJsonAsync("/api/admin/facilitators/", new { email = "x@forumhub.test", displayName = "X" }, ForumApp.Json);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("not_allowed", await CodeOf(refused));
        Assert.Equal(HttpStatusCode.Created, (await account.Client.PostAsJsonAsync("/api/meetings",
            new { commandId = Guid.NewGuid(), title = "Mine", facilitatorName = "Fran" }, ForumApp.Json)).StatusCode);
    }

    [Fact]
    public async Task A_facilitator_gets_fresh_access_to_their_organisations_meetings_only()
    {
        var meeting = await _app.CreateMeetingAsync();
        var account = await _app.CreateAccountAsync();
        var access = await (await account.Client.PostAsync($"/api/meetings/{meeting.MeetingId}/facilitator-access", null))
            .Content.ReadFromJsonAsync<JsonElement>(ForumApp.Json);
        var http = _app.CreateClient();
        http.DefaultRequestHeaders.Authorization = new("Bearer", access.GetProperty("facilitatorToken").GetString());
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"/api/meetings/{meeting.MeetingId}/snapshot")).StatusCode);

        var outsider = await _app.CreateOtherOrganisationAdminAsync();
        var refused = await outsider.Client.PostAsync($"/api/meetings/{meeting.MeetingId}/facilitator-access", null);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("wrong_meeting", await CodeOf(refused));
        Assert.Empty((await outsider.Client.GetFromJsonAsync<JsonElement>("/api/meetings/", ForumApp.Json)).EnumerateArray());
    }

    [Fact]
    public async Task Facilitator_actions_are_in_the_audit_log_by_ids_only()
    {
        var s = await MeetingScenario.StartAsync(_app);
        await _app.SendAsync(new Features.Participants.RemoveParticipant(s.Ben.ParticipantId), s.Facilitator);
        var audit = await (await _app.FacilitatorClientAsync()).GetFromJsonAsync<JsonElement>("/api/admin/audit", ForumApp.Json);
        var entries = audit.EnumerateArray().ToList();
        Assert.Contains(entries, e => e.GetProperty("action").GetString() == "meeting.created" && e.GetProperty("meetingId").GetGuid() == s.Id);
        Assert.Contains(entries, e => e.GetProperty("action").GetString() == "meeting.RemoveParticipant" &&
                                      e.GetProperty("target").GetString() == s.Ben.ParticipantId.ToString());
        Assert.Contains(entries, e => e.GetProperty("action").GetString() == "account.signed_in");
        Assert.DoesNotContain("Ben", audit.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_facilitator_command_is_audited_once_in_its_own_transaction_and_a_refused_one_not_at_all()
    {
        var s = await MeetingScenario.StartAsync(_app);
        await s.ToItemsAsync();
        var open = new Features.Polls.OpenPoll(null, "Shall we ask for more buses?", null, false, false) { CommandId = Guid.NewGuid() };
        var ack = await _app.SendAsync(open, s.Facilitator);
        await _app.SendAsync(open, s.Facilitator); // the same commandId again: answered from the stored result
        await Assert.ThrowsAnyAsync<Exception>(() => _app.SendAsync(new Features.Polls.OpenPoll(null, "", null, false, false), s.Facilitator));

        await using var connection = new NpgsqlConnection(_app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT a.target, a.organisation_id = o.organisation_id, a.at = e.occurred_at FROM audit_log a " +
            "JOIN meeting_owners o ON o.meeting_id = a.meeting_id " +
            "JOIN processed_commands c ON c.command_id = @command JOIN meeting_events e ON e.meeting_id = c.meeting_id AND e.seq = c.seq " +
            "WHERE a.meeting_id = @meeting AND a.action = 'meeting.OpenPoll'", connection);
        command.Parameters.AddWithValue("meeting", s.Id);
        command.Parameters.AddWithValue("command", open.CommandId);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal(ack.Id.ToString(), reader.GetString(0));
        Assert.True(reader.GetBoolean(1)); // the owner's organisation, so the organisation's administrators see it
        Assert.True(reader.GetBoolean(2)); // stamped with the command's own time: written with its events
        Assert.False(await reader.ReadAsync()); // once, although the command was sent twice and a bad one was refused
    }

    [Fact]
    public async Task The_create_admin_command_makes_an_administrator_and_refuses_weak_or_duplicate_input()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        Environment.SetEnvironmentVariable(AdminBootstrap.PasswordVariable, null);
        var code = await AdminBootstrap.RunCommandAsync(["--email", "Chair@Example.org", "--name", "Chair", "--organisation", "North Care"],
            _app.Services, new StringReader("a long password typed in\n"), output, error);
        Assert.Equal(0, code);
        Assert.Contains("chair@example.org created", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(_app.CreateSecureClient(), "chair@example.org", "a long password typed in")).StatusCode);

        Assert.Equal(1, await AdminBootstrap.RunCommandAsync(["--email", "chair@example.org", "--name", "Again"], _app.Services,
            new StringReader("another long password\n"), output, error));
        Assert.Contains("email_taken", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(1, await AdminBootstrap.RunCommandAsync(["--email", "weak@example.org", "--name", "Weak"], _app.Services,
            new StringReader("short\n"), output, error));
        Assert.Contains("password_too_short", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(64, await AdminBootstrap.RunCommandAsync([], _app.Services, new StringReader(""), output, error));
    }

    [Fact]
    public async Task Without_bootstrap_settings_there_is_no_account_and_no_default_password()
    {
        await using var bare = new ForumApp(postgres, settings: new Dictionary<string, string> { ["Bootstrap:AdminEmail"] = "" });
        var response = await SignInAsync(bare.CreateSecureClient(), ForumApp.AdminEmail, bare.AdminPassword);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await using var scope = bare.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Persistence.ForumDbContext>();
        Assert.Equal(0, db.FacilitatorAccounts.Count());
    }

    private static async Task<JsonElement> MeAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/account/me", ForumApp.Json)).GetProperty("account");

    private async Task<List<string>> AuditActionsAsync()
    {
        await using var connection = new NpgsqlConnection(_app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT action FROM audit_log ORDER BY id", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var actions = new List<string>();
        while (await reader.ReadAsync()) actions.Add(reader.GetString(0));
        return actions;
    }

    private async Task ExecAsync(string sql, Guid id)
    {
        await using var connection = new NpgsqlConnection(_app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("id", id);
        await command.ExecuteNonQueryAsync();
    }
}
