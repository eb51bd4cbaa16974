using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ForumHub.Api.Features.Agenda;
using ForumHub.Api.Features.Meetings;
using ForumHub.Api.Features.Minutes.Writing;
using ForumHub.Api.Features.Review;
using ForumHub.Api.Runtime;
using ForumHub.Api.Tests.Infrastructure;
using ForumHub.Domain.Meetings;

namespace ForumHub.Api.Tests.Forums;

/// <summary>
/// The invitation's "what happened to your last ideas": the previous meeting's items with where each one is now, in Easy
/// Read; a public reader never sees a name (nor the drop reason, which may hold one). Against PostgreSQL.
/// </summary>
public sealed class LastIdeasTests(PostgresFixture postgres) : AppTestBase(postgres)
{
    private static async Task<string> PlanAsync(HttpClient fran, Guid forumId, bool isPublic)
    {
        var response = await fran.PostAsJsonAsync($"/api/forums/{forumId}/planned/",
            new { startsAt = DateTimeOffset.UtcNow.AddDays(14), place = "Town hall", about = "Buses and trains", invitationPublic = isPublic }, ForumApp.Json);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(ForumApp.Json)).GetProperty("invitationKey").GetString()!;
    }

    private async Task<Caller> ChairAsync(Guid meetingId) =>
        new(meetingId, (await App.SnapshotAsync(meetingId)).Participants.Single(p => p.Role == Role.Facilitator).Id, Role.Facilitator);

    [Fact]
    public async Task The_invitation_says_what_happened_to_each_idea_of_the_last_meeting_and_a_public_one_names_nobody()
    {
        var forumId = await App.CreateForumAsync();
        var fran = (await App.CreateAccountAsync()).Client;
        var (_, anaCode) = await fran.AddMemberOkAsync(forumId, "Ana Zebedee");

        // Before any meeting: nothing to say.
        var first = await fran.GetFromJsonAsync<JsonElement>($"/api/invitations/{await PlanAsync(fran, forumId, false)}", ForumApp.Json);
        Assert.Equal(JsonValueKind.Null, first.GetProperty("lastIdeas").ValueKind);

        // Meeting 1: Ana asks for four things; the buses are talked about, the lift and the bench wait, the cinema is not chosen.
        var m1 = await fran.StartForumMeetingAsync(forumId);
        var joined = await (await App.JoinByCardAsync(anaCode)).Content.ReadFromJsonAsync<JsonElement>(ForumApp.Json);
        var ana = new Caller(m1.MeetingId, joined.GetProperty("participantId").GetGuid(), Role.Member);
        async Task<Guid> Propose(string title) => (await App.SendAsync(new ProposeItem(title, "bus", null), ana)).Id!.Value;
        var (buses, lift, bench) = (await Propose("More buses"), await Propose("Fix the lift"), await Propose("A bench in the park"));
        await Propose("A cinema trip");
        var chair = await ChairAsync(m1.MeetingId);
        await App.SendAsync(new MoveToPhase(Phase.Agenda), chair);
        await App.SendAsync(new AgreeAgenda([buses, lift, bench]), chair);
        await App.SendAsync(new MoveToPhase(Phase.Items), chair);
        await App.SendAsync(new StartItem(buses), chair);
        await App.SendAsync(new FinishItem(buses), chair);
        await App.SendAsync(new MoveToPhase(Phase.Closed), chair);

        // Meeting 2 is under way: its review drops the lift, with a reason that names someone; the bench waits.
        var m2 = await fran.StartForumMeetingAsync(forumId);
        await App.SendAsync(new SetFollowUpStatus(lift, FollowUpStatus.Dropped, "Ana Zebedee moved house", null), await ChairAsync(m2.MeetingId));

        var publicKey = await PlanAsync(fran, forumId, true);
        var insider = (await fran.GetFromJsonAsync<JsonElement>($"/api/invitations/{publicKey}", ForumApp.Json)).GetProperty("lastIdeas");
        Assert.Equal(EasyReadDateOfToday(), insider.GetProperty("easyRead")[0].GetString());
        Assert.Equal("We had 4 ideas. Here is what happened.", insider.GetProperty("easyRead")[1].GetString());
        var ideas = insider.GetProperty("ideas").EnumerateArray()
            .ToDictionary(i => i.GetProperty("title").GetString()!, i => (i.GetProperty("status").GetString(), i.GetProperty("easyRead")[0].GetString()));
        Assert.Equal(("talkedAbout", "We talked about it."), ideas["More buses"]);
        Assert.Equal(("dropped", "We stopped it. Why: Ana Zebedee moved house."), ideas["Fix the lift"]);
        Assert.Equal(("notYet", "We will talk about it next time."), ideas["A bench in the park"]);
        Assert.Equal(("notChosen", "It was not on the agenda this time."), ideas["A cinema trip"]);
        // The project's Easy Read checker on every line the invitation page shows about the last ideas.
        var lines = insider.GetProperty("easyRead").EnumerateArray().Concat(insider.GetProperty("ideas").EnumerateArray()
            .SelectMany(i => i.GetProperty("easyRead").EnumerateArray())).Select(l => l.GetString()!).ToList();
        Assert.All(lines, line =>
        {
            Assert.Empty(EasyReadRules.ProblemsIn(line));
            Assert.InRange(EasyReadText.CountWords(line), 1, 15);
        });

        // The public reader: the same ideas, and no name anywhere in the answer (not the member's, not the facilitator's).
        var anonymous = await App.CreateClient().GetAsync($"/api/invitations/{publicKey}");
        Assert.Equal(HttpStatusCode.OK, anonymous.StatusCode);
        var text = await anonymous.Content.ReadAsStringAsync();
        Assert.DoesNotContain("Zebedee", text);
        Assert.DoesNotContain("Fran", text);
        var open = JsonDocument.Parse(text).RootElement;
        Assert.Empty(open.GetProperty("people").EnumerateArray());
        Assert.Contains(open.GetProperty("lastIdeas").GetProperty("ideas").EnumerateArray(),
            i => i.GetProperty("title").GetString() == "Fix the lift" && i.GetProperty("easyRead")[0].GetString() == "We stopped it.");

        // Once meeting 2 closes it is the last meeting: it had no ideas of its own.
        await App.SendAsync(new MoveToPhase(Phase.Closed), await ChairAsync(m2.MeetingId));
        var after = (await fran.GetFromJsonAsync<JsonElement>($"/api/invitations/{publicKey}", ForumApp.Json)).GetProperty("lastIdeas");
        Assert.Equal("There were no ideas for the agenda.", after.GetProperty("easyRead")[1].GetString());
        Assert.Empty(after.GetProperty("ideas").EnumerateArray());
    }

    private static string EasyReadDateOfToday() =>
        $"We last met on {ForumHub.Api.Infrastructure.EasyReadDates.FullDate(ForumHub.Api.Infrastructure.EasyReadDates.UkDate(DateTimeOffset.UtcNow))}.";
}
