using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ForumHub.Api.Features.Meetings;
using ForumHub.Api.Tests.Infrastructure;
using ForumHub.Domain.Meetings;

namespace ForumHub.Api.Tests;

/// <summary>Minimal-API endpoints: ProblemDetails with stable codes for every expected failure, and access per meeting.</summary>
public sealed class HttpEndpointTests(PostgresFixture postgres) : MeetingTestBase(postgres)
{
    private HttpClient _http = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _http = App.CreateClient();
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
    }

    private Task<HttpResponseMessage> JoinAsync(object body) => _http.PostAsJsonAsync("/api/join", body, ForumApp.Json);

    [Fact]
    public async Task Health_checks_the_database() =>
        Assert.Equal("ok", (await _http.GetFromJsonAsync<JsonElement>("/healthz")).GetProperty("database").GetString());

    [Fact]
    public async Task Unknown_code_is_a_friendly_404() =>
        await AssertProblemAsync(await JoinAsync(new { commandId = Guid.NewGuid(), code = "ZZZZZZ", displayName = "Ana" }),
            HttpStatusCode.NotFound, "code_unknown");

    [Fact]
    public async Task Code_of_a_closed_meeting_no_longer_works()
    {
        await App.SendAsync(new MoveToPhase(Phase.Closed), Scenario.Facilitator);
        var before = await App.DbStateAsync(Scenario.Id);
        await AssertProblemAsync(await JoinAsync(new { commandId = Guid.NewGuid(), code = Scenario.Meeting.JoinCode, displayName = "Late" }),
            HttpStatusCode.Gone, "code_closed");
        Assert.Equal(before, await App.DbStateAsync(Scenario.Id));
    }

    [Fact]
    public async Task Codes_are_forgiving_about_case_spaces_and_dashes()
    {
        var sloppy = Scenario.Meeting.JoinCode.ToLowerInvariant().Insert(3, "- ");
        Assert.True((await JoinAsync(new { commandId = Guid.NewGuid(), code = sloppy, displayName = "Dee" })).IsSuccessStatusCode);
    }

    [Fact]
    public async Task Listener_code_cannot_make_a_member_and_member_code_cannot_make_a_listener()
    {
        var before = await App.DbStateAsync(Scenario.Id);
        await AssertProblemAsync(await JoinAsync(new { commandId = Guid.NewGuid(), code = Scenario.Meeting.ListenerCode, displayName = "X", role = "member" }),
            HttpStatusCode.Forbidden, "role_not_allowed_for_code");
        await AssertProblemAsync(await JoinAsync(new { commandId = Guid.NewGuid(), code = Scenario.Meeting.JoinCode, displayName = "X", role = "listener" }),
            HttpStatusCode.Forbidden, "role_not_allowed_for_code");
        await AssertProblemAsync(await JoinAsync(new { commandId = Guid.NewGuid(), code = Scenario.Meeting.JoinCode, displayName = "X", role = "facilitator" }),
            HttpStatusCode.Forbidden, "role_not_allowed_for_code");
        Assert.Equal(before, await App.DbStateAsync(Scenario.Id));
    }

    [Theory]
    [InlineData("", "text_empty")]
    [InlineData("   ", "text_empty")]
    [InlineData("a name that is far too long for anyone to read on a badge", "text_too_long")]
    public async Task Bad_display_name_is_refused(string name, string code)
    {
        var before = await App.DbStateAsync(Scenario.Id);
        await AssertProblemAsync(await JoinAsync(new { commandId = Guid.NewGuid(), code = Scenario.Meeting.JoinCode, displayName = name }),
            HttpStatusCode.BadRequest, code);
        Assert.Equal(before, await App.DbStateAsync(Scenario.Id));
    }

    [Fact]
    public async Task Malformed_body_and_missing_command_id_are_400()
    {
        using var malformed = new StringContent("{not json", System.Text.Encoding.UTF8, "application/json");
        await AssertProblemAsync(await _http.PostAsync("/api/join", malformed), HttpStatusCode.BadRequest, "invalid_request");
        await AssertProblemAsync(await JoinAsync(new { code = Scenario.Meeting.JoinCode, displayName = "Ann" }), HttpStatusCode.BadRequest, "command_id_required");
        await AssertProblemAsync(await (await App.FacilitatorClientAsync()).PostAsJsonAsync("/api/meetings", new { commandId = Guid.NewGuid(), title = " ", facilitatorName = "Jo" }),
            HttpStatusCode.BadRequest, "text_empty");
    }

    [Fact]
    public async Task Snapshot_and_events_need_a_token_for_this_meeting()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await _http.GetAsync($"/api/meetings/{Scenario.Id}/snapshot")).StatusCode);
        _http.DefaultRequestHeaders.Authorization = new("Bearer", "fh_not-a-real-token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await _http.GetAsync($"/api/meetings/{Scenario.Id}/snapshot")).StatusCode);

        var other = await App.CreateMeetingAsync("Other forum");
        _http.DefaultRequestHeaders.Authorization = new("Bearer", other.FacilitatorToken);
        await AssertProblemAsync(await _http.GetAsync($"/api/meetings/{Scenario.Id}/snapshot"), HttpStatusCode.Forbidden, "wrong_meeting");
        await AssertProblemAsync(await _http.GetAsync($"/api/meetings/{Scenario.Id}/events?after=0"), HttpStatusCode.Forbidden, "wrong_meeting");
    }

    [Fact]
    public async Task Events_since_a_sequence_number_continue_the_snapshot()
    {
        _http.DefaultRequestHeaders.Authorization = new("Bearer", Scenario.Ana.Token);
        var page = await _http.GetFromJsonAsync<JsonElement>($"/api/meetings/{Scenario.Id}/events?after=2", ForumApp.Json);
        var seqs = page.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("seq").GetInt64()).ToList();
        var snapshot = await _http.GetFromJsonAsync<JsonElement>($"/api/meetings/{Scenario.Id}/snapshot", ForumApp.Json);
        var last = snapshot.GetProperty("seq").GetInt64();
        Assert.Equal(Enumerable.Range(3, (int)last - 2).Select(i => (long)i), seqs);
        Assert.Equal(last, page.GetProperty("lastSeq").GetInt64());
        Assert.True(page.GetProperty("complete").GetBoolean());
        Assert.Equal("participantJoined", page.GetProperty("events")[0].GetProperty("type").GetString());
    }

    [Fact]
    public async Task Lookup_lists_members_for_supporters_but_not_for_listener_codes()
    {
        var info = await _http.GetFromJsonAsync<JsonElement>($"/api/join/{Scenario.Meeting.JoinCode}", ForumApp.Json);
        var names = info.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("displayName").GetString()).ToList();
        Assert.Equal(["Ana", "Ben"], names);
        var listener = await _http.GetFromJsonAsync<JsonElement>($"/api/join/{Scenario.Meeting.ListenerCode}", ForumApp.Json);
        Assert.True(listener.GetProperty("isListenerCode").GetBoolean());
        Assert.Empty(listener.GetProperty("members").EnumerateArray());
    }

    [Fact]
    public async Task OpenApi_document_is_served_in_development() =>
        Assert.True((await _http.GetFromJsonAsync<JsonElement>("/openapi/v1.json")).GetProperty("paths").TryGetProperty("/api/join", out _));

    [Fact]
    public async Task Unknown_api_paths_and_missing_tokens_get_coded_problems()
    {
        await AssertProblemAsync(await _http.GetAsync("/api/nothing-here"), HttpStatusCode.NotFound, "not_found");
        await AssertProblemAsync(await _http.GetAsync($"/api/meetings/{Scenario.Id}/snapshot"), HttpStatusCode.Unauthorized, "unauthenticated");
    }

    [Fact]
    public async Task A_known_api_path_with_another_verb_is_405_and_a_body_that_is_not_json_is_415()
    {
        var wrongVerb = await _http.DeleteAsync("/api/join");
        await AssertProblemAsync(wrongVerb, HttpStatusCode.MethodNotAllowed, "method_not_allowed");
        Assert.Contains("POST", wrongVerb.Content.Headers.Allow);
        await AssertProblemAsync(await _http.PutAsync($"/api/meetings/{Scenario.Id}/events?after=0", null), HttpStatusCode.MethodNotAllowed, "method_not_allowed");

        var notJson = await _http.PostAsync("/api/join", new StringContent("code=123456", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"));
        await AssertProblemAsync(notJson, HttpStatusCode.UnsupportedMediaType, "invalid_request");

        // Route constraints count: a meeting id that is not a UUID is an unknown path, whatever the verb.
        await AssertProblemAsync(await _http.PutAsync("/api/meetings/not-a-uuid/events", null), HttpStatusCode.NotFound, "not_found");
        await AssertProblemAsync(await _http.DeleteAsync("/api/nothing-here"), HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task A_node_that_only_read_the_meeting_catches_up_before_reading_again()
    {
        await using var nodeB = new ForumApp(Postgres, App.ConnectionString);
        var seen = await nodeB.SnapshotAsync(Scenario.Id);
        await App.SendAsync(new Features.Questions.AnswerQuestion(Question.WhyAreYouHere, "Written on node A", null, null), ForumApp.As(Scenario.Ana));
        var now = await nodeB.SnapshotAsync(Scenario.Id);
        Assert.Equal(seen.Seq + 1, now.Seq);
        Assert.Equal("Written on node A", now.Answers.Single().Text);
    }
}
