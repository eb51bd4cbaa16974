using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ForumHub.Api.Features.Privacy;
using ForumHub.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ForumHub.Api.Tests.Meetings;

/// <summary>
/// "My meetings" (issue 11): a signed-in facilitator lists the meetings she started (not her colleagues', not another
/// organisation's) and gets back into one with facilitator-access; every refusal is a coded ProblemDetails.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class MyMeetingsTests(PostgresFixture postgres) : IAsyncLifetime
{
    private ForumApp _app = null!;

    public Task InitializeAsync()
    {
        _app = new ForumApp(postgres);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static async Task<(HttpStatusCode Status, string? Code, string? Title)> ProblemOf(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (response.StatusCode, body.GetProperty("code").GetString(), body.GetProperty("title").GetString());
    }

    private static async Task<Guid> StartAsync(HttpClient account, string title, string name)
    {
        var created = await account.PostAsJsonAsync("/api/meetings", new { commandId = Guid.NewGuid(), title, facilitatorName = name }, ForumApp.Json);
        created.EnsureSuccessStatusCode();
        return (await created.Content.ReadFromJsonAsync<JsonElement>(ForumApp.Json)).GetProperty("meetingId").GetGuid();
    }

    private static async Task<List<JsonElement>> MineAsync(HttpClient client)
    {
        var response = await client.GetAsync("/api/meetings/mine");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(ForumApp.Json)).EnumerateArray().ToList();
    }

    [Fact]
    public async Task A_facilitator_lists_only_the_meetings_she_started_newest_first()
    {
        var fran = await _app.CreateAccountAsync();
        var colleague = await _app.CreateAccountAsync();
        var first = await StartAsync(fran.Client, "North forum, March", "Fran");
        var second = await StartAsync(fran.Client, "North forum, April", "Fran F");
        var theirs = await StartAsync(colleague.Client, "South forum", "Col");

        var mine = await MineAsync(fran.Client);
        Assert.Equal([second, first], mine.Select(m => m.GetProperty("meetingId").GetGuid()));
        var newest = mine[0];
        Assert.Equal("North forum, April", newest.GetProperty("title").GetString());
        Assert.Equal("gathering", newest.GetProperty("phase").GetString());
        Assert.Equal("Fran F", newest.GetProperty("facilitatorName").GetString());
        Assert.True(newest.GetProperty("canOpen").GetBoolean());
        Assert.Equal(JsonValueKind.Null, newest.GetProperty("closedAt").ValueKind);
        // No codes and no tokens in the list: those come from facilitator-access, which is audited.
        Assert.False(newest.TryGetProperty("joinCode", out _));

        Assert.Equal([theirs], (await MineAsync(colleague.Client)).Select(m => m.GetProperty("meetingId").GetGuid()));
        Assert.Empty(await MineAsync((await _app.CreateOtherOrganisationAdminAsync()).Client));
    }

    [Fact]
    public async Task Facilitator_access_from_my_meetings_opens_the_same_console_and_the_meeting_moves_on()
    {
        var fran = await _app.CreateAccountAsync();
        var meetingId = await StartAsync(fran.Client, "North forum", "Fran");
        var listed = Assert.Single(await MineAsync(fran.Client));

        // A new browser: sign in again (a new cookie), then ask for access to the listed meeting.
        var fresh = await _app.SignInAsync(fran.Email, fran.Password);
        var response = await fresh.PostAsync($"/api/meetings/{meetingId}/facilitator-access", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var access = await response.Content.ReadFromJsonAsync<JsonElement>(ForumApp.Json);
        Assert.Equal(listed.GetProperty("facilitatorId").GetGuid(), access.GetProperty("facilitatorId").GetGuid());

        var console = _app.CreateClient();
        console.DefaultRequestHeaders.Authorization = new("Bearer", access.GetProperty("facilitatorToken").GetString());
        var snapshot = await console.GetFromJsonAsync<JsonElement>($"/api/meetings/{meetingId}/snapshot", ForumApp.Json);
        Assert.Equal("gathering", snapshot.GetProperty("phase").GetString());
        var caller = new Runtime.Caller(meetingId, access.GetProperty("facilitatorId").GetGuid(), Domain.Meetings.Role.Facilitator);
        await _app.SendAsync(new Features.Meetings.MoveToPhase(Domain.Meetings.Phase.Agenda), caller);
        Assert.Equal("agenda", Assert.Single(await MineAsync(fran.Client)).GetProperty("phase").GetString());
    }

    [Fact]
    public async Task Without_an_account_the_answer_is_401_even_with_a_meeting_token()
    {
        var anonymous = await ProblemOf(await _app.CreateSecureClient().GetAsync("/api/meetings/mine"));
        Assert.Equal((HttpStatusCode.Unauthorized, "unauthenticated"), (anonymous.Status, anonymous.Code));
        Assert.False(string.IsNullOrWhiteSpace(anonymous.Title));

        // A meeting token (even the facilitator's own) is not an account: no credential of the kind these endpoints
        // take, so 401 (401 wins over 403, docs/protocol.md section 3).
        var meeting = await _app.CreateMeetingAsync();
        var withToken = _app.CreateSecureClient();
        withToken.DefaultRequestHeaders.Authorization = new("Bearer", meeting.FacilitatorToken);
        var token = await ProblemOf(await withToken.GetAsync("/api/meetings/mine"));
        Assert.Equal((HttpStatusCode.Unauthorized, "unauthenticated"), (token.Status, token.Code));
        var access = await ProblemOf(await withToken.PostAsync($"/api/meetings/{meeting.MeetingId}/facilitator-access", null));
        Assert.Equal((HttpStatusCode.Unauthorized, "unauthenticated"), (access.Status, access.Code));

        var noOne = await ProblemOf(await _app.CreateSecureClient().PostAsync($"/api/meetings/{meeting.MeetingId}/facilitator-access", null));
        Assert.Equal((HttpStatusCode.Unauthorized, "unauthenticated"), (noOne.Status, noOne.Code));
    }

    [Fact]
    public async Task Another_organisations_or_an_unknown_meeting_is_403_and_nothing_is_issued()
    {
        var meeting = await _app.CreateMeetingAsync();
        var outsider = await _app.CreateOtherOrganisationAdminAsync();
        var fran = await _app.CreateAccountAsync();
        var before = await _app.FingerprintAsync();

        var other = await ProblemOf(await outsider.Client.PostAsync($"/api/meetings/{meeting.MeetingId}/facilitator-access", null));
        Assert.Equal((HttpStatusCode.Forbidden, "wrong_meeting"), (other.Status, other.Code));
        // A meeting that does not exist looks the same as someone else's: the answer does not say which ids exist.
        var unknown = await ProblemOf(await fran.Client.PostAsync($"/api/meetings/{Guid.NewGuid()}/facilitator-access", null));
        Assert.Equal((HttpStatusCode.Forbidden, "wrong_meeting"), (unknown.Status, unknown.Code));
        Assert.Equal(before["access_tokens"], (await _app.FingerprintAsync())["access_tokens"]);
    }

    [Fact]
    public async Task A_meeting_whose_data_was_deleted_is_listed_as_not_openable_and_access_is_404()
    {
        var fran = await _app.CreateAccountAsync();
        var meetingId = await StartAsync(fran.Client, "Old forum", "Fran");
        // The retention rule runs as if a long time had passed: the meeting's people and tokens are deleted.
        var retention = _app.Services.GetRequiredService<MeetingRetention>();
        Assert.Contains(meetingId, (await retention.ApplyAsync(DateTimeOffset.UtcNow.AddDays(400), CancellationToken.None)).Meetings);

        var listed = Assert.Single(await MineAsync(fran.Client));
        Assert.False(listed.GetProperty("canOpen").GetBoolean());
        var gone = await ProblemOf(await fran.Client.PostAsync($"/api/meetings/{meetingId}/facilitator-access", null));
        Assert.Equal((HttpStatusCode.NotFound, "meeting_not_found"), (gone.Status, gone.Code));
        Assert.False(string.IsNullOrWhiteSpace(gone.Title));
    }
}
