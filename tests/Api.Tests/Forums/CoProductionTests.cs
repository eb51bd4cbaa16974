using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ForumHub.Api.Features;
using ForumHub.Api.Features.Agenda;
using ForumHub.Api.Features.Forums;
using ForumHub.Api.Features.Meetings;
using ForumHub.Api.Features.Outcomes;
using ForumHub.Api.Features.Questions;
using ForumHub.Api.Tests.Infrastructure;
using ForumHub.Domain.Meetings;

namespace ForumHub.Api.Tests.Forums;

/// <summary>"Is co-production happening?": the exact figures of a fixture forum, in a real PostgreSQL (issue 14).</summary>
public sealed class CoProductionTests(PostgresFixture postgres) : AppTestBase(postgres)
{
    private async Task<HttpResponseMessage> Get(ForumFixture forum, string query) =>
        await (await App.FacilitatorClientAsync()).GetAsync($"/api/forums/{forum.ForumId}/co-production{query}");

    private async Task<Guid> Id(Task<CommandAck> ack) => (await ack).Id!.Value;

    [Fact]
    public async Task The_figures_of_a_fixture_forum_are_exact()
    {
        var forum = await ForumFixture.CreateAsync(App);
        var other = await ForumFixture.CreateAsync(App, "Other forum");

        // February: 4 ideas (Ana; Ben, typed by his supporter; two of the facilitator's), 3 on the agenda (2 from
        // members), decisions at co-production and consultation, 3 actions (Ana's done, Ben's open, the listener's),
        // the listener asked and answering.
        var feb = await forum.MeetingAsync("February meeting", new DateTimeOffset(2026, 2, 10, 14, 0, 0, TimeSpan.Zero));
        var f = ForumApp.Facilitator(feb);
        var ana = await App.JoinAsync(feb.JoinCode, "Ana");
        var ben = await App.JoinAsync(feb.JoinCode, "Ben");
        var sue = await App.JoinAsync(feb.JoinCode, "Sue", "supporter", ben.ParticipantId);
        var tom = await App.JoinAsync(feb.ListenerCode, "Tom");
        var buses = await Id(App.SendAsync(new AnswerQuestion(Question.WhatDoYouWantToDo, "Sunday buses", null, null), ForumApp.As(ana)));
        var trip = await Id(App.SendAsync(new AnswerQuestion(Question.WhatDoYouWantToDo, "A summer trip", null, ben.ParticipantId), ForumApp.As(sue)));
        await App.SendAsync(new MoveToPhase(Phase.Agenda), f);
        var busItem = await Id(App.SendAsync(new PromoteAnswer(buses, null), f));
        var tripItem = await Id(App.SendAsync(new PromoteAnswer(trip, null), f));
        await App.SendAsync(new ProposeItem("Parking for visitors", null, null), f);
        var fireItem = await Id(App.SendAsync(new ProposeItem("Fire safety", null, null), f));
        await App.SendAsync(new AgreeAgenda([busItem, tripItem, fireItem]), f);
        await App.SendAsync(new MoveToPhase(Phase.Items), f);
        await App.SendAsync(new StartItem(busItem), f);
        await App.SendAsync(new RecordDecision(busItem, "We write to the council.", ParticipationLevel.CoProduction, null), f);
        await App.SendAsync(new RecordDecision(busItem, "The council chooses the times.", ParticipationLevel.Consultation, null), f);
        var letter = await Id(App.SendAsync(new AddAction(busItem, "Write the letter", ana.ParticipantId, null, null, null), f));
        await App.SendAsync(new AddAction(busItem, "Find trip prices", ben.ParticipantId, sue.ParticipantId, null, null), f);
        await App.SendAsync(new AddAction(busItem, "Ask the council", tom.ParticipantId, null, null, null), f);
        await App.SendAsync(new SetActionStatus(letter, ActionStatus.Done), ForumApp.As(ana));
        await App.SendAsync(new InviteListener(tom.ParticipantId, busItem), f);
        await App.SendAsync(new RespondAsListener("I will ask the council.", busItem), ForumApp.As(tom));

        // March: 1 idea from a member, on the agenda; a co-production decision; Ana's action not done; a listener
        // asked who did not answer.
        var mar = await forum.MeetingAsync("March meeting", new DateTimeOffset(2026, 3, 10, 14, 0, 0, TimeSpan.Zero));
        var m = ForumApp.Facilitator(mar);
        var ana2 = await App.JoinAsync(mar.JoinCode, "Ana");
        var lee = await App.JoinAsync(mar.ListenerCode, "Lee");
        var garden = await Id(App.SendAsync(new AnswerQuestion(Question.WhatDoYouWantToDo, "A garden", null, null), ForumApp.As(ana2)));
        await App.SendAsync(new MoveToPhase(Phase.Agenda), m);
        var gardenItem = await Id(App.SendAsync(new PromoteAnswer(garden, null), m));
        await App.SendAsync(new AgreeAgenda([gardenItem]), m);
        await App.SendAsync(new MoveToPhase(Phase.Items), m);
        await App.SendAsync(new StartItem(gardenItem), m);
        await App.SendAsync(new RecordDecision(gardenItem, "We plant flowers.", ParticipationLevel.CoProduction, null), m);
        await App.SendAsync(new AddAction(gardenItem, "Buy seeds", ana2.ParticipantId, null, null, null), m);
        await App.SendAsync(new InviteListener(lee.ParticipantId, gardenItem), m);

        // Outside the period, and in another forum: not counted.
        foreach (var (outside, at) in new[] { (forum, new DateTimeOffset(2025, 12, 9, 14, 0, 0, TimeSpan.Zero)), (other, new DateTimeOffset(2026, 2, 11, 14, 0, 0, TimeSpan.Zero)) })
        {
            var x = await outside.MeetingAsync("Not counted", at);
            var xf = ForumApp.Facilitator(x);
            await App.SendAsync(new MoveToPhase(Phase.Agenda), xf);
            var item = await Id(App.SendAsync(new ProposeItem("Rules", null, null), xf));
            await App.SendAsync(new RecordDecision(item, "We keep the rules.", ParticipationLevel.Informing, null), xf);
        }

        var response = await Get(forum, "?from=2026-01-01&to=2026-03-31");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var c = (await response.Content.ReadFromJsonAsync<CoProductionFigures>(ForumApp.Json))!;
        Assert.Equal((new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 31), "Thursday 1 January 2026", "Tuesday 31 March 2026"),
            (c.From, c.To, c.FromWords, c.ToWords));
        Assert.Equal((2, 0), (c.Meetings, c.MeetingsWithoutRecords));
        Assert.Equal((5, 3, 4, 3), (c.ItemsProposed, c.ItemsProposedByMembers, c.AgendaItems, c.AgendaItemsFromMembers));
        Assert.Equal((4, 3, 1), (c.Actions, c.ActionsOwnedByMembers, c.MemberActionsDone));
        Assert.Equal([2, 0, 0, 1, 0, 0, 0], c.DecisionSteps.Select(s => s.Decisions));
        Assert.Equal(Enum.GetValues<ParticipationLevel>(), c.DecisionSteps.Select(s => s.Level));
        Assert.Equal((2, 1), (c.ListenersAsked, c.ListenersAnswered));
        Assert.InRange(c.MedianMinutesToAnswer!.Value, 0, 1);
        Assert.Equal<int?[]>([75, 75, 33, 50], [c.AgendaFromMembersPercent, c.MemberActionsPercent, c.MemberActionsDonePercent, c.ListenersAnsweredPercent]);

        // A period with no meetings: nothing to share, so no percentages.
        var empty = (await (await Get(forum, "?from=2025-01-01&to=2025-06-30")).Content.ReadFromJsonAsync<CoProductionFigures>(ForumApp.Json))!;
        Assert.Equal((0, 0, (int?)null), (empty.Meetings, empty.AgendaItems, empty.AgendaFromMembersPercent));
    }

    [Fact]
    public async Task Bad_periods_and_other_forums_are_refused_with_their_codes()
    {
        var forum = await ForumFixture.CreateAsync(App);
        async Task Refused(HttpResponseMessage response, HttpStatusCode status, string code)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(status == response.StatusCode, $"{response.StatusCode} {body}");
            Assert.Equal(code, JsonDocument.Parse(body).RootElement.GetProperty("code").GetString());
        }
        await Refused(await Get(forum, "?from=2026-13-01"), HttpStatusCode.BadRequest, ForumInsightErrorCodes.PeriodInvalid);
        await Refused(await Get(forum, "?from=2026-03-01&to=2026-02-01"), HttpStatusCode.BadRequest, ForumInsightErrorCodes.PeriodInvalid);
        await Refused(await Get(forum, "?from=2010-01-01&to=2026-02-01"), HttpStatusCode.BadRequest, ForumInsightErrorCodes.PeriodInvalid);
        var other = await App.CreateOtherOrganisationAdminAsync();
        await Refused(await other.Client.GetAsync($"/api/forums/{forum.ForumId}/co-production"), HttpStatusCode.NotFound, "forum_not_found");
        Assert.Equal(HttpStatusCode.OK, (await Get(forum, "")).StatusCode); // the year up to today
    }
}
