using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ForumHub.Api.Features.Agenda;
using ForumHub.Api.Features.Meetings;
using ForumHub.Api.Features.Review;
using ForumHub.Api.Runtime;
using ForumHub.Api.Tests.Forums;
using ForumHub.Api.Tests.Infrastructure;
using ForumHub.Domain.Meetings;
using ForumHub.Domain.Rules;

namespace ForumHub.Api.Tests.Review;

/// <summary>
/// The review recognises the owner of a follow-up by the forum member they were (their card), whatever they are called
/// in the new meeting; the name match is kept only for owners who were nobody on the forum's list. Against PostgreSQL.
/// </summary>
public sealed class ReviewOwnerByMemberTests(PostgresFixture postgres) : AppTestBase(postgres)
{
    private async Task<Caller> JoinByCardAsync(string code)
    {
        var response = await App.JoinByCardAsync(code);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(ForumApp.Json);
        return new Caller(body.GetProperty("meetingId").GetGuid(), body.GetProperty("participantId").GetGuid(), Role.Member);
    }

    [Fact]
    public async Task The_owner_is_recognised_by_their_card_not_by_their_name()
    {
        var forumId = await App.CreateForumAsync();
        var fran = (await App.CreateAccountAsync()).Client;
        var (ana, anaCode) = await fran.AddMemberOkAsync(forumId, "Ana");

        // Meeting 1: Ana (by her card) and Ben (a guest, by the join code) each ask for something; both are carried forward.
        var m1 = await fran.StartForumMeetingAsync(forumId);
        var anaIn1 = await JoinByCardAsync(anaCode);
        var benIn1 = ForumApp.As(await App.JoinAsync(m1.JoinCode, "Ben"));
        var liftItem = (await App.SendAsync(new ProposeItem("Fix the lift", "lift", null), anaIn1)).Id!.Value;
        var busItem = (await App.SendAsync(new ProposeItem("More buses", "bus", null), benIn1)).Id!.Value;
        var chair = new Caller(m1.MeetingId, (await App.SnapshotAsync(m1.MeetingId)).Participants.Single(p => p.Role == Role.Facilitator).Id, Role.Facilitator);
        await App.SendAsync(new MoveToPhase(Phase.Agenda), chair);
        await App.SendAsync(new AgreeAgenda([liftItem, busItem]), chair);
        await App.SendAsync(new MoveToPhase(Phase.Items), chair);
        await App.SendAsync(new MoveToPhase(Phase.Closed), chair); // both are carried forward by the close

        // Between the meetings Ana's name on the forum's list changes: her card now joins her as "Ana Bell".
        var renamed = await fran.PostAsJsonAsync($"/api/forums/{forumId}/members/{ana}/details",
            new { displayName = "Ana Bell", picture = "cat", represents = "Oak House", keepsRecord = true }, ForumApp.Json);
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);

        var m2 = await fran.StartForumMeetingAsync(forumId);
        var review = (await App.SnapshotAsync(m2.MeetingId)).Review;
        var lift = review.Single(r => r.Text == "Fix the lift");
        var buses = review.Single(r => r.Text == "More buses");
        Assert.Equal(ana, lift.OwnerForumMemberId);
        Assert.Null(buses.OwnerForumMemberId);

        // Someone joining with the code under Ana's old name is not her: refused, and nothing changes.
        var impostor = ForumApp.As(await App.JoinAsync(m2.JoinCode, "Ana"));
        var before = await App.DbStateAsync(m2.MeetingId);
        var list = await App.FollowUpFingerprintAsync();
        var error = await Assert.ThrowsAsync<BusinessRuleBrokenException>(() =>
            App.SendAsync(new SetFollowUpStatus(lift.FollowUpId, FollowUpStatus.Done, null, null), impostor));
        Assert.Equal(ErrorCodes.NotAllowed, error.Code);
        Assert.Equal(before, await App.DbStateAsync(m2.MeetingId));
        Assert.Equal(list, await App.FollowUpFingerprintAsync());

        // Ana with her card, called "Ana Bell" today, sets her own follow-up; the snapshot says which member she is.
        var anaIn2 = await JoinByCardAsync(anaCode);
        Assert.Equal(ana, (await App.SnapshotAsync(m2.MeetingId)).Participants.Single(p => p.Id == anaIn2.ParticipantId).ForumMemberId);
        await App.SendAsync(new SetFollowUpStatus(lift.FollowUpId, FollowUpStatus.Stuck, null, "The landlord has not answered."), anaIn2);
        Assert.Equal(FollowUpStatus.Stuck, (await App.SnapshotAsync(m2.MeetingId)).Review.Single(r => r.FollowUpId == lift.FollowUpId).Status);
        // ...but not Ben's, which is not hers.
        await Assert.ThrowsAsync<BusinessRuleBrokenException>(() =>
            App.SendAsync(new SetFollowUpStatus(buses.FollowUpId, FollowUpStatus.Done, null, null), anaIn2));

        // Ben was nobody on the forum's list: he is still recognised by his name.
        var benIn2 = ForumApp.As(await App.JoinAsync(m2.JoinCode, " ben "));
        await App.SendAsync(new SetFollowUpStatus(buses.FollowUpId, FollowUpStatus.Done, null, null), benIn2);
        Assert.Equal("Done", await App.ScalarAsync<string>("SELECT status FROM forum_follow_ups WHERE id = @id", ("id", buses.FollowUpId)));
    }
}
