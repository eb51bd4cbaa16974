using ForumHub.Api.Features.Agenda;
using ForumHub.Api.Features.Meetings;
using ForumHub.Api.Features.Participants;
using ForumHub.Api.Features.Polls;
using ForumHub.Api.Features.Questions;
using ForumHub.Api.Runtime;
using ForumHub.Domain.Meetings;

namespace ForumHub.Api.Tests.Infrastructure;

/// <summary>A meeting with a facilitator, two members, a supporter of member 2 and a listener, ready to be moved along.</summary>
public sealed class MeetingScenario
{
    private MeetingScenario(ForumApp app, CreatedMeeting meeting, JoinedMeeting ana, JoinedMeeting ben, JoinedMeeting supporter, JoinedMeeting listener)
    {
        App = app;
        Meeting = meeting;
        Ana = ana;
        Ben = ben;
        Supporter = supporter;
        Listener = listener;
    }

    public ForumApp App { get; }
    public CreatedMeeting Meeting { get; }
    public JoinedMeeting Ana { get; }
    public JoinedMeeting Ben { get; }
    public JoinedMeeting Supporter { get; }
    public JoinedMeeting Listener { get; }
    public Guid Id => Meeting.MeetingId;
    public Caller Facilitator => ForumApp.Facilitator(Meeting);

    public static async Task<MeetingScenario> StartAsync(ForumApp app)
    {
        var meeting = await app.CreateMeetingAsync();
        var ana = await app.JoinAsync(meeting.JoinCode, "Ana");
        var ben = await app.JoinAsync(meeting.JoinCode, "Ben");
        var supporter = await app.JoinAsync(meeting.JoinCode, "Sue", "supporter", ben.ParticipantId);
        var listener = await app.JoinAsync(meeting.ListenerCode, "Trustee Tom");
        return new MeetingScenario(app, meeting, ana, ben, supporter, listener);
    }

    /// <summary>Moves to the Agenda phase with one proposed item; returns the item id.</summary>
    public async Task<Guid> ToAgendaAsync()
    {
        var answer = await App.SendAsync(new AnswerQuestion(Question.WhatDoYouWantToDo, "Better buses", null, null), ForumApp.As(Ana));
        await App.SendAsync(new MoveToPhase(Phase.Agenda), Facilitator);
        return (await App.SendAsync(new PromoteAnswer(answer.Id!.Value, null), Facilitator)).Id!.Value;
    }

    /// <summary>Moves to the Items phase with one agreed, current item; returns the item id.</summary>
    public async Task<Guid> ToItemsAsync()
    {
        var item = await ToAgendaAsync();
        await App.SendAsync(new AgreeAgenda([item]), Facilitator);
        await App.SendAsync(new MoveToPhase(Phase.Items), Facilitator);
        await App.SendAsync(new StartItem(item), Facilitator);
        return item;
    }

    public async Task<Guid> OpenPollAsync(bool secret = false, bool handCount = false) =>
        (await App.SendAsync(new OpenPoll(null, "Shall we ask for more buses?", null, secret, handCount), Facilitator)).Id!.Value;
}
