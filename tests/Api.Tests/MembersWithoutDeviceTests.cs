using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ForumHub.Api.Tests.Infrastructure;

namespace ForumHub.Api.Tests;

/// <summary>
/// Issue 11, item 1, through the real hub pipeline and the join endpoints on real PostgreSQL: adding a member who has
/// no device, entering for them, and their take-over on a device of their own with a one-use code.
/// </summary>
public sealed class MembersWithoutDeviceTests(PostgresFixture postgres) : MeetingTestBase(postgres)
{
    private static object Add(string name, Guid? helperId = null) =>
        new { commandId = Guid.NewGuid(), displayName = name, picture = "cat", helperId };

    [Fact]
    public async Task Adding_a_member_without_a_device_is_refused_with_a_code_and_changes_nothing_when_wrong()
    {
        await using var facilitator = await HubWire.ConnectAsync(App, Scenario.Meeting.FacilitatorToken);
        await using var ana = await HubWire.ConnectAsync(App, Scenario.Ana.Token);
        await using var listener = await HubWire.ConnectAsync(App, Scenario.Listener.Token);
        var before = await App.DbStateAsync(Scenario.Id);

        Assert.Equal("not_allowed", (await ana.InvokeAsync("AddMemberWithoutDevice", Add("Cat"))).Code);
        Assert.Equal("not_allowed", (await listener.InvokeAsync("AddMemberWithoutDevice", Add("Cat"))).Code);
        Assert.Equal("text_empty", (await facilitator.InvokeAsync("AddMemberWithoutDevice", Add("  "))).Code);
        Assert.Equal("text_too_long", (await facilitator.InvokeAsync("AddMemberWithoutDevice", Add(new string('c', 41)))).Code);
        Assert.Equal("name_taken", (await facilitator.InvokeAsync("AddMemberWithoutDevice", Add(" ana "))).Code);
        Assert.Equal("not_a_supporter", (await facilitator.InvokeAsync("AddMemberWithoutDevice", Add("Cat", Scenario.Ben.ParticipantId))).Code);
        Assert.Equal("invalid_request", (await facilitator.InvokeAsync("AddMemberWithoutDevice", new object?[] { null })).Code);
        Assert.Equal(before, await App.DbStateAsync(Scenario.Id));

        var added = await facilitator.InvokeAsync("AddMemberWithoutDevice", Add("Cat", Scenario.Supporter.ParticipantId));
        Assert.True(added.Ok, added.ToString());
        Assert.Equal("name_taken", (await facilitator.InvokeAsync("AddMemberWithoutDevice", Add("CAT"))).Code);

        var cat = Assert.Single((await App.SnapshotAsync(Scenario.Id)).Participants, p => p.Id == added.CreatedId);
        Assert.Equal(("Cat", "cat", true, Scenario.Supporter.ParticipantId, Scenario.Meeting.FacilitatorId),
            (cat.DisplayName, cat.Picture, cat.WithoutDevice, cat.HelperId, cat.AddedById));
        Assert.Equal(before.Participants + 1, (await App.DbStateAsync(Scenario.Id)).Participants);
    }

    [Fact]
    public async Task The_facilitator_and_the_helper_enter_for_her_and_counts_leave_the_facilitator_out()
    {
        await Scenario.ToItemsAsync();
        await using var facilitator = await HubWire.ConnectAsync(App, Scenario.Meeting.FacilitatorToken);
        await using var sue = await HubWire.ConnectAsync(App, Scenario.Supporter.Token);
        var cat = (await sue.InvokeAsync("AddMemberWithoutDevice", Add("Cat"))).CreatedId; // Sue helps Cat
        var poll = await Scenario.OpenPollAsync();

        Assert.Equal("not_a_member", (await facilitator.InvokeAsync("CastBallot", new { commandId = Guid.NewGuid(), pollId = poll, optionId = "yes" })).Code);
        var ballot = await sue.InvokeAsync("CastBallot", new { commandId = Guid.NewGuid(), pollId = poll, optionId = "no", forMemberId = cat });
        Assert.True(ballot.Ok, ballot.ToString());
        var card = await facilitator.InvokeAsync("RaiseCard", new { commandId = Guid.NewGuid(), kind = "question", forMemberId = cat });
        Assert.True(card.Ok, card.ToString());
        Assert.True((await facilitator.InvokeAsync("ClosePoll", new { commandId = Guid.NewGuid(), pollId = poll })).Ok);

        var snapshot = await App.SnapshotAsync(Scenario.Id);
        var closed = Assert.Single(snapshot.Polls);
        Assert.Equal(new[] { Scenario.Ana.ParticipantId, Scenario.Ben.ParticipantId, cat }.Order(), closed.EligibleMemberIds.Order());
        Assert.Equal((cat, Scenario.Supporter.ParticipantId, "no"), (closed.Ballots[0].MemberId, closed.Ballots[0].EnteredById, closed.Ballots[0].OptionId));
        Assert.Equal(cat, Assert.Single(snapshot.Cards).ParticipantId);
    }

    [Fact]
    public async Task She_takes_over_on_her_own_phone_with_a_one_use_code_and_keeps_what_was_entered_for_her()
    {
        await using var facilitator = await HubWire.ConnectAsync(App, Scenario.Meeting.FacilitatorToken);
        await using var ana = await HubWire.ConnectAsync(App, Scenario.Ana.Token);
        await using var sue = await HubWire.ConnectAsync(App, Scenario.Supporter.Token);
        Assert.True((await ana.InvokeAsync("JoinMeeting")).Ok);
        var cat = (await facilitator.InvokeAsync("AddMemberWithoutDevice", Add("Cat"))).CreatedId;
        var answer = await facilitator.InvokeAsync("AnswerQuestion",
            new { commandId = Guid.NewGuid(), question = "whyAreYouHere", text = "To see my friends", forMemberId = cat });
        Assert.True(answer.Ok, answer.ToString());

        // Who may give a code, and for whom.
        var issue = new { commandId = Guid.NewGuid(), memberId = cat };
        Assert.Equal("not_allowed", (await ana.InvokeAsync("IssueTakeOverCode", issue)).Code);
        Assert.Equal("not_your_member", (await sue.InvokeAsync("IssueTakeOverCode", issue)).Code);
        Assert.Equal("has_device", (await facilitator.InvokeAsync("IssueTakeOverCode", new { commandId = Guid.NewGuid(), memberId = Scenario.Ana.ParticipantId })).Code);
        Assert.Equal("participant_not_found", (await facilitator.InvokeAsync("IssueTakeOverCode", new { commandId = Guid.NewGuid(), memberId = Guid.NewGuid() })).Code);

        var first = await facilitator.InvokeAsync("IssueTakeOverCode", issue);
        var given = await facilitator.InvokeAsync("IssueTakeOverCode", new { commandId = Guid.NewGuid(), memberId = cat });
        Assert.True(given.Ok, given.ToString());
        var oldCode = first.Result!.Value.GetProperty("code").GetString()!;
        var code = given.Result!.Value.GetProperty("code").GetString()!;
        Assert.Equal(7, code.Length);
        Assert.Equal(cat, given.CreatedId);

        // The code's hash never reaches anyone's feed.
        await Eventually.HoldsAsync(() => ana.Events.Count(e => e.GetProperty("type").GetString() == "takeOverCodeIssued") == 2,
            "both takeOverCodeIssued events on Ana's connection");
        Assert.All(ana.Events.Where(e => e.GetProperty("type").GetString() == "takeOverCodeIssued"),
            e => Assert.False(e.GetProperty("data").TryGetProperty("codeHash", out _)));

        var http = App.CreateClient();
        var lookUp = await http.GetFromJsonAsync<JsonElement>($"/api/join/{code.ToLowerInvariant()[..3]}-{code[3..]}");
        Assert.Equal("Cat", lookUp.GetProperty("takeOverAs").GetProperty("displayName").GetString());
        await AssertJoinRefusedAsync(http, oldCode, HttpStatusCode.NotFound, "code_unknown"); // replaced by the newer code
        await AssertJoinRefusedAsync(http, "ACDEFGH", HttpStatusCode.NotFound, "code_unknown");

        var takeOverId = Guid.NewGuid();
        var joined = await Join(http, code, takeOverId);
        Assert.Equal(HttpStatusCode.OK, joined.StatusCode);
        var took = await joined.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(cat, took.GetProperty("participantId").GetGuid());
        Assert.Equal("member", took.GetProperty("role").GetString());
        // The same join again (its answer was lost): the same member, a fresh token. Any other use of the code: refused.
        var again = await (await Join(http, code, takeOverId)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((cat, took.GetProperty("seq").GetInt64()), (again.GetProperty("participantId").GetGuid(), again.GetProperty("seq").GetInt64()));
        Assert.NotEqual(took.GetProperty("token").GetString(), again.GetProperty("token").GetString());
        await AssertJoinRefusedAsync(http, code, HttpStatusCode.Gone, "code_used");
        Assert.Equal(HttpStatusCode.Gone, (await http.GetAsync($"/api/join/{code}")).StatusCode);

        // On her own phone she acts as herself; her answer from before is still hers; nobody new joined.
        await using var phone = await HubWire.ConnectAsync(App, took.GetProperty("token").GetString());
        var own = await phone.InvokeAsync("AnswerQuestion", new { commandId = Guid.NewGuid(), question = "whatDoYouWantToDo", text = "Buses" });
        Assert.True(own.Ok, own.ToString());
        var snapshot = await App.SnapshotAsync(Scenario.Id);
        Assert.False(Assert.Single(snapshot.Participants, p => p.DisplayName == "Cat").WithoutDevice);
        Assert.All(snapshot.Answers, a => Assert.Equal(cat, a.ParticipantId));
        Assert.Equal((cat, Scenario.Meeting.FacilitatorId), (snapshot.Answers[0].ParticipantId, snapshot.Answers[0].EnteredById));
        Assert.Equal("has_device", (await facilitator.InvokeAsync("IssueTakeOverCode", new { commandId = Guid.NewGuid(), memberId = cat })).Code);

        // The same meeting, loaded again from PostgreSQL by another node, is the same.
        await using var restarted = new ForumApp(Postgres, App.ConnectionString);
        var replayed = await restarted.SnapshotAsync(Scenario.Id);
        Assert.Equal(JsonSerializer.Serialize(snapshot, ForumApp.Json), JsonSerializer.Serialize(replayed, ForumApp.Json));
    }

    private static Task<HttpResponseMessage> Join(HttpClient http, string code, Guid? commandId = null) =>
        http.PostAsJsonAsync("/api/join", new { commandId = commandId ?? Guid.NewGuid(), code }, ForumApp.Json);

    private static async Task AssertJoinRefusedAsync(HttpClient http, string code, HttpStatusCode status, string expected)
    {
        var response = await Join(http, code);
        Assert.Equal(status, response.StatusCode);
        Assert.Equal(expected, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }
}
