using System.Net;
using System.Net.Http.Json;
using ForumHub.Api.Features;
using ForumHub.Api.Features.Agenda;
using ForumHub.Api.Features.Forums;
using ForumHub.Api.Features.Meetings;
using ForumHub.Api.Features.Outcomes;
using ForumHub.Api.Features.Polls;
using ForumHub.Api.Features.Questions;
using ForumHub.Api.Features.Review;
using ForumHub.Api.Features.Roles;
using ForumHub.Api.Tests.Infrastructure;
using ForumHub.Domain.Meetings;

namespace ForumHub.Api.Tests.Forums;

/// <summary>"My forum record" (issue 14): exact counts over a fixture forum of 3 meetings, with consent withdrawn in the middle.</summary>
public sealed class ForumRecordTests(PostgresFixture postgres) : AppTestBase(postgres)
{
    private static async Task<Guid> Id(Task<CommandAck> ack) => (await ack).Id!.Value;

    private Task<HttpResponseMessage> MineAsync(string code) =>
        App.CreateClient().PostAsJsonAsync("/api/forum-cards/record", new { code }, ForumApp.Json);

    internal static async Task<ForumRecordView> ReadAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<ForumRecordView>(ForumApp.Json))!;
    }

    private static void AssertCounts(ForumRecordView record, int meetings, int[] roles, int ideas, int onAgenda, int votes, int actions, int done)
    {
        var c = record.Counts!;
        Assert.Equal((meetings, ideas, onAgenda, votes, actions, done), (c.Meetings, c.IdeasProposed, c.IdeasOnAgenda, c.VotesCast, c.ActionsOwned, c.ActionsDone));
        Assert.Equal(["chair", "timekeeper", "noteTaker", "welcome"], c.Roles.Select(r => r.Role));
        Assert.Equal(roles, c.Roles.Select(r => r.Meetings));
    }

    [Fact]
    public async Task The_record_counts_exactly_the_meetings_held_while_the_member_said_yes()
    {
        var fran = await App.FacilitatorClientAsync();
        var forumId = await App.CreateForumAsync();
        var (ana, anaCode) = await fran.AddMemberOkAsync(forumId, "Ana");
        var (ben, benCode) = await fran.AddMemberOkAsync(forumId, "Ben");

        // Meeting 1: Ana joins with her card; 2 ideas (1 on the agenda), an open and a secret vote, 2 actions (1 done);
        // chair and timekeeper (given twice: one meeting). Ben votes once and takes the notes.
        var m1 = await App.StartAsync(forumId, "January meeting");
        var f1 = ForumApp.Facilitator(m1);
        var ana1 = await App.JoinWithCardAsync(anaCode);
        var ben1 = await App.JoinWithCardAsync(benCode);
        var buses = await Id(App.SendAsync(new AnswerQuestion(Question.WhatDoYouWantToDo, "Sunday buses", null, null), ForumApp.As(ana1)));
        var trip = await Id(App.SendAsync(new AnswerQuestion(Question.WhatDoYouWantToDo, "A summer trip", null, null), ForumApp.As(ana1)));
        await App.SendAsync(new MoveToPhase(Phase.Agenda), f1);
        var busItem = await Id(App.SendAsync(new PromoteAnswer(buses, null), f1));
        await App.SendAsync(new PromoteAnswer(trip, null), f1);
        var fire = await Id(App.SendAsync(new ProposeItem("Fire safety", null, null), f1));
        await App.SendAsync(new AgreeAgenda([busItem, fire]), f1);
        await App.SendAsync(new MoveToPhase(Phase.Items), f1);
        await App.SendAsync(new StartItem(busItem), f1);
        var open = await Id(App.SendAsync(new OpenPoll(busItem, "More buses?", null, false, false), f1));
        await App.SendAsync(new CastBallot(open, "yes", null), ForumApp.As(ana1));
        await App.SendAsync(new CastBallot(open, "no", null), ForumApp.As(ben1));
        await App.SendAsync(new ClosePoll(open), f1);
        var secret = await Id(App.SendAsync(new OpenPoll(busItem, "Write to the council?", null, true, false), f1));
        await App.SendAsync(new CastBallot(secret, "yes", null), ForumApp.As(ana1));
        await App.SendAsync(new ClosePoll(secret), f1);
        var letter = await Id(App.SendAsync(new AddAction(busItem, "Write the letter", ana1.ParticipantId, null, null, null), f1));
        var poster = await Id(App.SendAsync(new AddAction(busItem, "Make a poster", ana1.ParticipantId, null, null, null), f1));
        await App.SendAsync(new SetActionStatus(letter, ActionStatus.Done), ForumApp.As(ana1));
        // Roles (Features/Roles): timekeeper given, taken back and given again still counts once.
        await App.SendAsync(new GiveRole(ana1.ParticipantId, MeetingRole.Chair), f1);
        await App.SendAsync(new GiveRole(ana1.ParticipantId, MeetingRole.Timekeeper), f1);
        await App.SendAsync(new TakeRole(ana1.ParticipantId, MeetingRole.Timekeeper), f1);
        await App.SendAsync(new GiveRole(ana1.ParticipantId, MeetingRole.Timekeeper), f1);
        await App.SendAsync(new GiveRole(ben1.ParticipantId, MeetingRole.NoteTaker), f1);
        await App.CloseAsync(m1);

        var first = await ReadAsync(await MineAsync(anaCode));
        Assert.True(first.KeepsRecord);
        AssertCounts(first, 1, [1, 1, 0, 0], 2, 1, 2, 2, 1);
        AssertCounts(await ReadAsync(await MineAsync(benCode)), 1, [0, 0, 1, 0], 0, 0, 1, 0, 0);

        // Ana says no: no numbers at all, from her card or for the facilitator.
        await fran.SetConsentAsync(forumId, ana, "Ana", keepsRecord: false);
        foreach (var refused in new[] { await ReadAsync(await MineAsync(anaCode)), await ReadAsync(await fran.GetAsync($"/api/forums/{forumId}/members/{ana}/record")) })
        {
            Assert.False(refused.KeepsRecord);
            Assert.Null(refused.Counts);
            Assert.Equal(["We do not keep a record for you.", "You said no.", "You can change your mind. Please ask the facilitator."],
                refused.Lines.Select(l => l.Text));
        }

        // Meeting 2, while she said no: she still comes and does everything; none of it counts.
        var m2 = await App.StartAsync(forumId, "February meeting");
        var f2 = ForumApp.Facilitator(m2);
        var ana2 = await App.JoinWithCardAsync(anaCode);
        var cafe = await Id(App.SendAsync(new AnswerQuestion(Question.WhatDoYouWantToDo, "A cafe", null, null), ForumApp.As(ana2)));
        await App.SendAsync(new MoveToPhase(Phase.Agenda), f2);
        var cafeItem = await Id(App.SendAsync(new PromoteAnswer(cafe, null), f2));
        await App.SendAsync(new AgreeAgenda([cafeItem]), f2);
        await App.SendAsync(new MoveToPhase(Phase.Items), f2);
        await App.SendAsync(new StartItem(cafeItem), f2);
        var poll2 = await Id(App.SendAsync(new OpenPoll(cafeItem, "A cafe?", null, false, false), f2));
        await App.SendAsync(new CastBallot(poll2, "yes", null), ForumApp.As(ana2));
        await App.SendAsync(new ClosePoll(poll2), f2);
        await App.SendAsync(new AddAction(cafeItem, "Find a cafe", ana2.ParticipantId, null, null, null), f2);
        await App.SendAsync(new GiveRole(ana2.ParticipantId, MeetingRole.Chair), f2);
        await App.CloseAsync(m2);

        // She says yes again. Meeting 3: the facilitator adds her with one tap (no phone), types her idea and her
        // vote, and in the review marks her poster (meeting 1) done; she chairs and welcomes people.
        await fran.SetConsentAsync(forumId, ana, "Ana", keepsRecord: true);
        var m3 = await App.StartAsync(forumId, "March meeting");
        var f3 = ForumApp.Facilitator(m3);
        var added = await App.WithToken(m3.FacilitatorToken!).PostAsJsonAsync($"/api/meetings/{m3.MeetingId}/forum-members/{ana}/add",
            new { commandId = Guid.NewGuid() }, ForumApp.Json);
        Assert.True(added.IsSuccessStatusCode, await added.Content.ReadAsStringAsync());
        var ana3 = (await added.Content.ReadFromJsonAsync<CommandAck>(ForumApp.Json))!.Id!.Value;
        await App.SendAsync(new SetFollowUpStatus(poster, FollowUpStatus.Done, null, null), f3);
        await App.SendAsync(new MoveToPhase(Phase.Agenda), f3);
        var garden = await Id(App.SendAsync(new ProposeItem("A garden", null, ana3), f3));
        await App.SendAsync(new AgreeAgenda([garden]), f3);
        await App.SendAsync(new MoveToPhase(Phase.Items), f3);
        await App.SendAsync(new StartItem(garden), f3);
        var poll3 = await Id(App.SendAsync(new OpenPoll(garden, "Plant flowers?", null, true, false), f3));
        await App.SendAsync(new CastBallot(poll3, "yes", ana3), f3);
        await App.SendAsync(new ClosePoll(poll3), f3);
        await App.SendAsync(new GiveRole(ana3, MeetingRole.Chair), f3);
        await App.SendAsync(new GiveRole(ana3, MeetingRole.Welcome), f3);
        await App.CloseAsync(m3);

        // A meeting still open is not counted yet.
        await App.StartAsync(forumId, "April meeting");
        await App.JoinWithCardAsync(anaCode);

        var record = await ReadAsync(await MineAsync(anaCode));
        AssertCounts(record, 2, [2, 1, 0, 1], 3, 2, 3, 2, 2);
        var today = Today();
        Assert.Equal((today, today), (record.Counts!.FirstMeeting, record.Counts.LastMeeting));
        var day = ForumHub.Api.Infrastructure.EasyReadDates.FullDate(today);
        Assert.Equal([
            "I went to 2 meetings.", $"My first meeting was on {day}.", $"My last meeting was on {day}.",
            "I was the chair 2 times.", "I kept the time 1 time.", "I welcomed people 1 time.",
            "I had 3 ideas for the agenda.", "2 of them went on the agenda.", "I voted 3 times.", "I took on 2 actions.", "I did 2 of them.",
        ], record.Lines.Select(l => l.Text));
        Assert.Equal(("Ana", "cat", "Member"), (record.DisplayName, record.Picture, record.Kind));

        // The facilitator's view is the same record; Ben's did not change.
        var facilitator = await ReadAsync(await fran.GetAsync($"/api/forums/{forumId}/members/{ana}/record"));
        Assert.Equal(record.Counts, facilitator.Counts! with { Roles = record.Counts.Roles });
        Assert.Equal(record.Counts.Roles, facilitator.Counts.Roles);
        AssertCounts(await ReadAsync(await MineAsync(benCode)), 1, [0, 0, 1, 0], 0, 0, 1, 0, 0);

        // The staff privacy export holds the record and every answer she gave.
        var export = (await (await fran.GetAsync($"/api/forums/{forumId}/members/{ana}/export")).Content.ReadFromJsonAsync<ForumMemberExport>(ForumApp.Json))!;
        Assert.Equal([true, false, true], export.ConsentHistory.Select(c => c.KeepsRecord));
        Assert.Equal(record.Lines, export.Record.Lines);
        Assert.Equal(4, export.MeetingsCameTo.Count);
    }

    private static DateOnly Today() => ForumHub.Api.Infrastructure.EasyReadDates.UkDate(DateTimeOffset.UtcNow);
}
