using System.Net.Http.Json;
using ForumHub.Api.Features;
using ForumHub.Api.Features.Agenda;
using ForumHub.Api.Features.Meetings;
using ForumHub.Api.Features.Outcomes;
using ForumHub.Api.Features.Review;
using ForumHub.Api.Runtime;
using ForumHub.Api.Tests.Infrastructure;
using ForumHub.Domain.Meetings;
using ForumHub.Domain.Rules;

namespace ForumHub.Api.Tests.Review;

/// <summary>
/// Carry-forward across three meetings of one forum, and "You said, we did" from a listener's words in meeting 1 to
/// done (or dropped with a reason) in the meetings after, against PostgreSQL.
/// </summary>
public sealed class CarryForwardReviewTests(PostgresFixture postgres) : AppTestBase(postgres)
{
    /// <summary>
    /// Meeting 1 leaves: 2 items carried forward (lift, bench), an action from Tom's response (bus letter), Ana's
    /// action (poster), and a response no action answers (cafe). Then it closes.
    /// </summary>
    private async Task<ForumMeeting> FirstMeetingAsync(Guid forumId)
    {
        var m = await App.StartForumMeetingAsync(forumId, "March forum");
        var buses = (await App.SendAsync(new ProposeItem("More buses", "bus", null), ForumApp.As(m.Ana))).Id!.Value;
        var lift = (await App.SendAsync(new ProposeItem("Fix the lift", "lift", null), ForumApp.As(m.Ben))).Id!.Value;
        var bench = (await App.SendAsync(new ProposeItem("A bench in the park", null, null), ForumApp.As(m.Ana))).Id!.Value;
        await App.SendAsync(new MoveToPhase(Phase.Agenda), m.Facilitator);
        await App.SendAsync(new AgreeAgenda([buses, lift, bench]), m.Facilitator);
        await App.SendAsync(new MoveToPhase(Phase.Items), m.Facilitator);
        await App.SendAsync(new StartItem(buses), m.Facilitator);
        await App.SendAsync(new InviteListener(m.Tom.ParticipantId, buses), m.Facilitator);
        var said = (await App.SendAsync(new RespondAsListener("I will ask the bus company.", null), ForumApp.As(m.Tom))).Id!.Value;
        await App.SendAsync(new AddAction(buses, "Write to the bus company", m.Tom.ParticipantId, null, null, said), m.Facilitator);
        await App.SendAsync(new AddAction(buses, "Make a poster", m.Ana.ParticipantId, null, null, null), m.Facilitator);
        await App.SendAsync(new InviteListener(m.Tom.ParticipantId, buses), m.Facilitator);
        await App.SendAsync(new RespondAsListener("We will look at the cafe prices.", null), ForumApp.As(m.Tom));
        await App.SendAsync(new FinishItem(buses), m.Facilitator);
        await App.SendAsync(new CarryItemForward(lift), m.Facilitator);
        await App.SendAsync(new MoveToPhase(Phase.Closed), m.Facilitator); // the bench is carried forward by the close
        return m;
    }

    private static ReviewView Find(MeetingSnapshot s, string text) => s.Review!.Single(r => r.Text == text);

    [Fact]
    public async Task Carry_forward_across_three_meetings_of_one_forum()
    {
        var forumId = await App.FirstForumAsync();
        await FirstMeetingAsync(forumId);

        // Meeting 2 opens with the review: everything meeting 1 left open, oldest first.
        var m2 = await App.StartForumMeetingAsync(forumId, "April forum");
        var s2 = await App.SnapshotAsync(m2.Id);
        Assert.True(s2.ReviewOpen);
        Assert.Equal(["A bench in the park", "Fix the lift", "Make a poster", "We will look at the cafe prices.", "Write to the bus company"],
            s2.Review!.Select(r => r.Text).Order(StringComparer.Ordinal));
        var letter = Find(s2, "Write to the bus company");
        Assert.True(letter.YouSaid);
        Assert.Equal(("Trustee Tom", Role.Listener, "I will ask the bus company.", "More buses"), (letter.OwnerName, letter.OwnerRole!.Value, letter.Said, letter.About));
        Assert.False(Find(s2, "Fix the lift").YouSaid);
        Assert.Equal("lift", Find(s2, "Fix the lift").Picture);

        // The owner (same name) marks her poster done; the group chooses the lift for the new agenda; the bench waits.
        await App.SendAsync(new SetFollowUpStatus(Find(s2, "Make a poster").FollowUpId, FollowUpStatus.Done, null, null), ForumApp.As(m2.Ana));
        var newItem = (await App.SendAsync(new PutFollowUpOnAgenda(Find(s2, "Fix the lift").FollowUpId), m2.Facilitator)).Id!.Value;
        await App.SendAsync(new FinishReview(), m2.Facilitator);
        s2 = await App.SnapshotAsync(m2.Id);
        Assert.False(s2.ReviewOpen);
        var item = s2.Items.Single(i => i.Id == newItem);
        Assert.Equal(("Fix the lift", ItemStatus.Proposed, "lift"), (item.Title, item.Status, item.Picture));
        Assert.Equal(newItem, Find(s2, "Fix the lift").AgendaItemId);
        await App.SendAsync(new MoveToPhase(Phase.Agenda), m2.Facilitator);
        await App.SendAsync(new AgreeAgenda([newItem]), m2.Facilitator);
        await App.SendAsync(new MoveToPhase(Phase.Items), m2.Facilitator);
        await App.SendAsync(new StartItem(newItem), m2.Facilitator);
        await App.SendAsync(new FinishItem(newItem), m2.Facilitator);
        await App.SendAsync(new MoveToPhase(Phase.Closed), m2.Facilitator);

        // Meeting 3: the bench (not chosen) is offered again; the poster (done) and the lift (on meeting 2's agenda) are not.
        var m3 = await App.StartForumMeetingAsync(forumId, "May forum");
        var s3 = await App.SnapshotAsync(m3.Id);
        Assert.Equal(["A bench in the park", "We will look at the cafe prices.", "Write to the bus company"],
            s3.Review!.Select(r => r.Text).Order(StringComparer.Ordinal));
        Assert.Equal(3L, await App.ScalarAsync<long>("SELECT count(*) FROM forum_follow_ups WHERE forum_id = @f AND status = 'NotYet' AND agenda_item_id IS NULL", ("f", forumId)));

        // A meeting of no forum has nothing to review.
        var alone = await App.CreateMeetingAsync();
        var lone = await App.SnapshotAsync(alone.MeetingId);
        Assert.Empty(lone.Review!);
        Assert.False(lone.ReviewOpen);
    }

    [Fact]
    public async Task You_said_we_did_runs_from_the_listeners_words_to_done_or_dropped()
    {
        var forumId = await App.FirstForumAsync();
        var m1 = await FirstMeetingAsync(forumId);

        // Meeting 2: Tom gives news (still not yet); the cafe response is dropped, with a reason.
        var m2 = await App.StartForumMeetingAsync(forumId, "April forum");
        var s2 = await App.SnapshotAsync(m2.Id);
        var letter = Find(s2, "Write to the bus company").FollowUpId;
        var cafe = Find(s2, "We will look at the cafe prices.").FollowUpId;
        await App.SendAsync(new SetFollowUpStatus(letter, FollowUpStatus.NotYet, null, "I wrote. No answer yet."), ForumApp.As(m2.Tom));
        await App.SendAsync(new SetFollowUpStatus(cafe, FollowUpStatus.Dropped, "The cafe closed.", null), m2.Facilitator);

        var list = await (await App.FacilitatorClientAsync()).GetFromJsonAsync<ForumFollowUpList>($"/api/forums/{forumId}/follow-ups", ForumApp.Json);
        var open = Assert.Single(list!.FollowUps); // only "You said, we did" ones; the cafe is dropped
        Assert.Equal((letter, 0), (open.FollowUpId, open.DaysOpen));
        Assert.Contains("You said: More buses.", open.EasyRead);
        Assert.Contains(open.EasyRead, l => l.StartsWith("On ", StringComparison.Ordinal) && l.EndsWith("Trustee Tom said: I will ask the bus company.", StringComparison.Ordinal));
        Assert.Contains("News: I wrote. No answer yet.", open.EasyRead);
        Assert.Contains("Now: not yet.", open.EasyRead);
        Assert.Contains("Open since today.", open.EasyRead);
        await App.SendAsync(new MoveToPhase(Phase.Closed), m2.Facilitator);

        // Meeting 3 shows the news; Tom reports it done and it leaves the list, with its history kept.
        var m3 = await App.StartForumMeetingAsync(forumId, "May forum");
        var review = Find(await App.SnapshotAsync(m3.Id), "Write to the bus company");
        Assert.Equal(("I wrote. No answer yet.", FollowUpStatus.NotYet), (review.Note, review.Status));
        Assert.DoesNotContain((await App.SnapshotAsync(m3.Id)).Review!, r => r.FollowUpId == cafe);
        await App.SendAsync(new SetFollowUpStatus(letter, FollowUpStatus.Done, null, "They add a bus at 6."), ForumApp.As(m3.Tom));
        list = await (await App.FacilitatorClientAsync()).GetFromJsonAsync<ForumFollowUpList>($"/api/forums/{forumId}/follow-ups", ForumApp.Json);
        Assert.Empty(list!.FollowUps);
        Assert.Equal("Dropped|The cafe closed.", await App.ScalarAsync<string>("SELECT status || '|' || drop_reason FROM forum_follow_ups WHERE id = @id", ("id", cafe)));
        Assert.Equal(2L, await App.ScalarAsync<long>("SELECT count(*) FROM forum_follow_up_updates WHERE follow_up_id = @id", ("id", letter)));
        Assert.NotNull(await App.ScalarAsync<DateTime?>("SELECT closed_at FROM forum_follow_ups WHERE id = @id", ("id", letter)));

        // An action marked done in its own (closed) meeting leaves the forum's list too.
        var poster = (await App.SnapshotAsync(m1.Id)).Actions.Single(a => a.What == "Make a poster").Id;
        await App.SendAsync(new SetActionStatus(poster, ActionStatus.Done), ForumApp.As(m1.Ana));
        Assert.Equal("Done", await App.ScalarAsync<string>("SELECT status FROM forum_follow_ups WHERE id = @id", ("id", poster)));
    }

    [Fact]
    public async Task Bad_review_commands_are_refused_with_stable_codes_and_change_nothing()
    {
        var forumId = await App.FirstForumAsync();
        await FirstMeetingAsync(forumId);
        var m2 = await App.StartForumMeetingAsync(forumId, "April forum");
        var s2 = await App.SnapshotAsync(m2.Id);
        var poster = Find(s2, "Make a poster").FollowUpId;
        var bench = Find(s2, "A bench in the park").FollowUpId;

        async Task Refused(string code, MeetingCommand command, Caller caller)
        {
            var db = await App.DbStateAsync(m2.Id);
            var list = await App.FollowUpFingerprintAsync();
            var error = await Assert.ThrowsAnyAsync<Exception>(() => App.SendAsync(command, caller));
            Assert.Equal(code, error switch { BusinessRuleBrokenException b => b.Code, CommandException c => c.Code, _ => error.GetType().Name });
            Assert.Equal(db, await App.DbStateAsync(m2.Id));
            Assert.Equal(list, await App.FollowUpFingerprintAsync());
        }

        await Refused(ErrorCodes.NotAllowed, new SetFollowUpStatus(poster, FollowUpStatus.Done, null, null), ForumApp.As(m2.Ben)); // not the owner
        await Refused(ErrorCodes.NotAllowed, new PutFollowUpOnAgenda(bench), ForumApp.As(m2.Ana)); // facilitator only
        await Refused(ErrorCodes.NotAllowed, new FinishReview(), ForumApp.As(m2.Tom));
        await Refused(ErrorCodes.FollowUpNotFound, new SetFollowUpStatus(Guid.NewGuid(), FollowUpStatus.Done, null, null), m2.Facilitator);
        await Refused(ErrorCodes.FollowUpNotFound, new PutFollowUpOnAgenda(Guid.NewGuid()), m2.Facilitator);
        await Refused(ErrorCodes.ReasonRequired, new SetFollowUpStatus(poster, FollowUpStatus.Dropped, "   ", null), m2.Facilitator);
        await Refused(ApiErrorCodes.InvalidRequest, new SetFollowUpStatus(poster, null, null, null), m2.Facilitator);
        await Refused(ErrorCodes.TextTooLong, new SetFollowUpStatus(poster, FollowUpStatus.Stuck, null, new string('a', 201)), m2.Facilitator);

        // A repeat of the same command id is answered, not applied twice.
        var command = new SetFollowUpStatus(poster, FollowUpStatus.Done, null, null) { CommandId = Guid.NewGuid() };
        var first = await App.SendAsync(command, m2.Facilitator);
        var events = (await App.DbStateAsync(m2.Id)).Events;
        Assert.Equal(first, await App.SendAsync(command, m2.Facilitator));
        Assert.Equal(events, (await App.DbStateAsync(m2.Id)).Events);
        Assert.Equal(1L, await App.ScalarAsync<long>("SELECT count(*) FROM forum_follow_up_updates WHERE follow_up_id = @id", ("id", poster)));

        await Refused(ErrorCodes.FollowUpClosed, new PutFollowUpOnAgenda(poster), m2.Facilitator); // done: cannot go on the agenda
        await App.SendAsync(new PutFollowUpOnAgenda(bench), m2.Facilitator);
        await Refused(ErrorCodes.FollowUpOnAgenda, new PutFollowUpOnAgenda(bench), m2.Facilitator);
        await App.SendAsync(new FinishReview(), m2.Facilitator);
        await Refused(ErrorCodes.ReviewNotOpen, new FinishReview(), m2.Facilitator);

        // Wrong phase: nothing goes on the agenda once the items are under way; nothing changes after the close.
        var lift = Find(s2, "Fix the lift").FollowUpId;
        await App.SendAsync(new MoveToPhase(Phase.Agenda), m2.Facilitator);
        var benchItem = (await App.SnapshotAsync(m2.Id)).Items.Single().Id;
        await App.SendAsync(new AgreeAgenda([benchItem]), m2.Facilitator);
        await App.SendAsync(new MoveToPhase(Phase.Items), m2.Facilitator);
        await Refused(ErrorCodes.WrongPhase, new PutFollowUpOnAgenda(lift), m2.Facilitator);
        await App.SendAsync(new MoveToPhase(Phase.Closed), m2.Facilitator);
        await Refused(ErrorCodes.MeetingClosed, new SetFollowUpStatus(lift, FollowUpStatus.Done, null, null), m2.Facilitator);
    }
}
