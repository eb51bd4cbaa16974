using System.Net.Http.Json;
using System.Text.Json;
using ForumHub.Api.Features.Agenda;
using ForumHub.Api.Features.Meetings;
using ForumHub.Api.Features.Outcomes;
using ForumHub.Api.Features.Review;
using ForumHub.Api.Tests.Infrastructure;
using ForumHub.Domain.Meetings;

namespace ForumHub.Api.Tests.Review;

/// <summary>The forum's follow-up list names people: their privacy export shows it, and erasure removes the name everywhere.</summary>
public sealed class FollowUpPrivacyTests(PostgresFixture postgres) : AppTestBase(postgres)
{
    [Fact]
    public async Task Export_shows_a_persons_follow_ups_and_erasure_removes_their_name_from_the_list_and_later_reviews()
    {
        var forumId = await App.FirstForumAsync();
        var m1 = await App.StartForumMeetingAsync(forumId, "March forum");
        await App.SendAsync(new MoveToPhase(Phase.Agenda), m1.Facilitator);
        await App.SendAsync(new InviteListener(m1.Tom.ParticipantId, null), m1.Facilitator);
        await App.SendAsync(new RespondAsListener("I will ask the bus company.", null), ForumApp.As(m1.Tom));
        await App.SendAsync(new MoveToPhase(Phase.Closed), m1.Facilitator);
        var m2 = await App.StartForumMeetingAsync(forumId, "April forum");
        var followUp = (await App.SnapshotAsync(m2.Id)).Review!.Single();
        Assert.Equal("Trustee Tom", followUp.OwnerName);
        await App.SendAsync(new SetFollowUpStatus(followUp.FollowUpId, FollowUpStatus.Stuck, null, "The bus company did not answer."), ForumApp.As(m2.Tom));

        var staff = await App.FacilitatorClientAsync();
        var export = await staff.GetFromJsonAsync<JsonElement>($"/api/meetings/{m1.Id}/participants/{m1.Tom.ParticipantId}/export", ForumApp.Json);
        var owned = export.GetProperty("forumFollowUps").EnumerateArray().Single();
        Assert.Equal("I will ask the bus company.", owned.GetProperty("text").GetString());
        Assert.Equal("stuck", owned.GetProperty("status").GetString());
        Assert.Equal("The bus company did not answer.", owned.GetProperty("updates")[0].GetProperty("note").GetString());
        // Someone else's export does not hold Tom's follow-up.
        var ana = await staff.GetFromJsonAsync<JsonElement>($"/api/meetings/{m1.Id}/participants/{m1.Ana.ParticipantId}/export", ForumApp.Json);
        Assert.Empty(ana.GetProperty("forumFollowUps").EnumerateArray());

        (await staff.PostAsync($"/api/meetings/{m1.Id}/participants/{m1.Tom.ParticipantId}/erase", null)).EnsureSuccessStatusCode();
        Assert.Equal("A listener", await App.ScalarAsync<string>("SELECT owner_name FROM forum_follow_ups WHERE id = @id", ("id", followUp.FollowUpId)));
        Assert.Equal(0L, await App.ScalarAsync<long>(
            "SELECT count(*) FROM meeting_events WHERE type = 'reviewPrepared' AND payload::text LIKE '%Trustee Tom%'"));
        Assert.Equal(1L, await App.ScalarAsync<long>(
            "SELECT count(*) FROM meeting_events WHERE type = 'reviewPrepared' AND payload::text LIKE '%A listener%'"));
        // The next meeting's review shows the placeholder; the follow-up itself stays, as the forum's record.
        var m3 = await App.StartForumMeetingAsync(forumId, "May forum");
        var again = (await App.SnapshotAsync(m3.Id)).Review!.Single();
        Assert.Equal(("A listener", (string?)null, "I will ask the bus company."), (again.OwnerName, again.OwnerPicture, again.Text));
    }
}
