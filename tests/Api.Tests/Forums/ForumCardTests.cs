using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ForumHub.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ForumHub.Api.Tests.Forums;

/// <summary>Issue 14: forum cards join any live meeting of the forum as their holder, linked to the forum member.</summary>
public sealed class ForumCardTests(PostgresFixture postgres) : AppTestBase(postgres)
{
    private async Task<Guid?> ForumMemberOfAsync(Guid participantId)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ForumHub.Api.Persistence.ForumDbContext>();
        return await db.Participants.Where(p => p.Id == participantId).Select(p => p.ForumMemberId).SingleAsync();
    }

    [Fact]
    public async Task A_member_joins_with_their_card_as_themselves_and_a_reissued_card_refuses_the_old_code()
    {
        var forumId = await App.CreateForumAsync();
        var fran = (await App.CreateAccountAsync()).Client;
        var (ana, code) = await fran.AddMemberOkAsync(forumId, "Ana");
        var (tom, tomCode) = await fran.AddMemberOkAsync(forumId, "Tom", kind: "listener");

        // No meeting of the forum is open yet.
        var early = await App.JoinByCardAsync(code);
        Assert.Equal((HttpStatusCode.NotFound, "no_open_meeting"), (early.StatusCode, await ForumHelpers.CodeOf(early)));

        var meeting = await fran.StartForumMeetingAsync(forumId);
        var joined = await App.JoinByCardAsync(code.ToLowerInvariant().Insert(5, "-"));
        Assert.Equal(HttpStatusCode.OK, joined.StatusCode);
        var body = await joined.Content.ReadFromJsonAsync<JsonElement>(ForumApp.Json);
        Assert.Equal(meeting.MeetingId, body.GetProperty("meetingId").GetGuid());
        Assert.Equal("member", body.GetProperty("role").GetString());
        var participantId = body.GetProperty("participantId").GetGuid();
        var snapshot = await App.SnapshotAsync(meeting.MeetingId);
        var person = Assert.Single(snapshot.Participants, p => p.Id == participantId);
        Assert.Equal(("Ana", "cat"), (person.DisplayName, person.Picture));
        Assert.Equal(ana, await ForumMemberOfAsync(participantId));

        // The token works: Ana reads the meeting as herself.
        var token = body.GetProperty("token").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await App.WithToken(token).GetAsync($"/api/meetings/{meeting.MeetingId}/snapshot")).StatusCode);

        // The card again (a new phone): the same person, a fresh token; nobody new in the meeting.
        var again = await (await App.JoinByCardAsync(code)).Content.ReadFromJsonAsync<JsonElement>(ForumApp.Json);
        Assert.Equal(participantId, again.GetProperty("participantId").GetGuid());
        Assert.NotEqual(token, again.GetProperty("token").GetString());
        Assert.Equal(snapshot.Participants.Count, (await App.SnapshotAsync(meeting.MeetingId)).Participants.Count);

        // A listener's card joins as a listener.
        var listener = await (await App.JoinByCardAsync(tomCode)).Content.ReadFromJsonAsync<JsonElement>(ForumApp.Json);
        Assert.Equal("listener", listener.GetProperty("role").GetString());
        Assert.Equal(tom, await ForumMemberOfAsync(listener.GetProperty("participantId").GetGuid()));

        // A lost card: the new card works, the old code does not.
        var reissued = await fran.PostAsync($"/api/forums/{forumId}/members/{ana}/card", null);
        Assert.Equal(HttpStatusCode.OK, reissued.StatusCode);
        var newCode = (await reissued.Content.ReadFromJsonAsync<JsonElement>(ForumApp.Json)).GetProperty("code").GetString()!;
        Assert.NotEqual(code, newCode);
        var old = await App.JoinByCardAsync(code);
        Assert.Equal((HttpStatusCode.NotFound, "code_unknown"), (old.StatusCode, await ForumHelpers.CodeOf(old)));
        Assert.Equal(HttpStatusCode.OK, (await App.JoinByCardAsync(newCode)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await App.JoinByCardAsync("")).StatusCode);
    }

    [Fact]
    public async Task The_facilitator_adds_a_listed_member_without_a_device_with_one_tap_and_a_newcomer_joins_the_forum_after()
    {
        var forumId = await App.CreateForumAsync();
        var fran = (await App.CreateAccountAsync()).Client;
        var (cat, _) = await fran.AddMemberOkAsync(forumId, "Cat");
        var (tom, _) = await fran.AddMemberOkAsync(forumId, "Tom", kind: "listener");
        var meeting = await fran.StartForumMeetingAsync(forumId);
        var facilitator = App.WithToken(meeting.FacilitatorToken);

        var list = await facilitator.GetFromJsonAsync<JsonElement>($"/api/meetings/{meeting.MeetingId}/forum-members/", ForumApp.Json);
        Assert.Equal(JsonValueKind.Null, list.EnumerateArray().Single(m => m.GetProperty("id").GetGuid() == cat).GetProperty("participantId").ValueKind);
        var add = await facilitator.PostAsJsonAsync($"/api/meetings/{meeting.MeetingId}/forum-members/{cat}/add", new { commandId = Guid.NewGuid() }, ForumApp.Json);
        Assert.Equal(HttpStatusCode.OK, add.StatusCode);
        var catId = (await add.Content.ReadFromJsonAsync<JsonElement>(ForumApp.Json)).GetProperty("id").GetGuid();
        var added = Assert.Single((await App.SnapshotAsync(meeting.MeetingId)).Participants, p => p.Id == catId);
        Assert.Equal(("Cat", "cat"), (added.DisplayName, added.Picture));
        Assert.Equal(cat, await ForumMemberOfAsync(catId));
        list = await facilitator.GetFromJsonAsync<JsonElement>($"/api/meetings/{meeting.MeetingId}/forum-members/", ForumApp.Json);
        Assert.Equal(catId, list.EnumerateArray().Single(m => m.GetProperty("id").GetGuid() == cat).GetProperty("participantId").GetGuid());

        async Task Refused(Guid memberId, HttpStatusCode status, string code)
        {
            var response = await facilitator.PostAsJsonAsync($"/api/meetings/{meeting.MeetingId}/forum-members/{memberId}/add", new { commandId = Guid.NewGuid() }, ForumApp.Json);
            Assert.Equal((status, code), (response.StatusCode, await ForumHelpers.CodeOf(response)));
        }
        await Refused(cat, HttpStatusCode.Conflict, "already_joined");
        await Refused(tom, HttpStatusCode.NotFound, "forum_member_not_found"); // listeners are not added as members
        await Refused(Guid.NewGuid(), HttpStatusCode.NotFound, "forum_member_not_found");
        // A member's token may not add people.
        var ben = await App.JoinAsync(meeting.JoinCode, "Ben");
        var byBen = await App.WithToken(ben.Token!).PostAsJsonAsync($"/api/meetings/{meeting.MeetingId}/forum-members/{cat}/add", new { commandId = Guid.NewGuid() }, ForumApp.Json);
        Assert.Equal(HttpStatusCode.Forbidden, byBen.StatusCode);

        // Ben came with the join code: the forum page lists him as a newcomer; he is added, keeping his name.
        var newcomer = Assert.Single((await fran.ForumPageAsync(forumId)).GetProperty("newcomers").EnumerateArray());
        Assert.Equal(ben.ParticipantId, newcomer.GetProperty("participantId").GetGuid());
        var bad = await fran.PostAsJsonAsync($"/api/forums/{forumId}/members/from-meeting",
            new { meetingId = meeting.MeetingId, participantId = Guid.NewGuid(), keepsRecord = true }, ForumApp.Json);
        Assert.Equal((HttpStatusCode.NotFound, "participant_not_found"), (bad.StatusCode, await ForumHelpers.CodeOf(bad)));
        var joined = await fran.PostAsJsonAsync($"/api/forums/{forumId}/members/from-meeting",
            new { meetingId = meeting.MeetingId, participantId = ben.ParticipantId, represents = "Elm Court", keepsRecord = true }, ForumApp.Json);
        Assert.Equal(HttpStatusCode.Created, joined.StatusCode);
        var benMember = (await joined.Content.ReadFromJsonAsync<JsonElement>(ForumApp.Json)).GetProperty("member");
        Assert.Equal(("Ben", "Elm Court"), (benMember.GetProperty("displayName").GetString(), benMember.GetProperty("represents").GetString()));
        Assert.Equal(benMember.GetProperty("id").GetGuid(), await ForumMemberOfAsync(ben.ParticipantId));
        var twice = await fran.PostAsJsonAsync($"/api/forums/{forumId}/members/from-meeting",
            new { meetingId = meeting.MeetingId, participantId = ben.ParticipantId, keepsRecord = true }, ForumApp.Json);
        Assert.Equal((HttpStatusCode.Conflict, "already_in_forum"), (twice.StatusCode, await ForumHelpers.CodeOf(twice)));
        Assert.Empty((await fran.ForumPageAsync(forumId)).GetProperty("newcomers").EnumerateArray());
    }
}
