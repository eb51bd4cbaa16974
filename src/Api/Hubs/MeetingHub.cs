using ForumHub.Api.Access;
using ForumHub.Api.Cluster;
using ForumHub.Api.Features;
using ForumHub.Api.Features.Agenda;
using ForumHub.Api.Features.Cards;
using ForumHub.Api.Features.Meetings;
using ForumHub.Api.Features.Outcomes;
using ForumHub.Api.Features.Participants;
using ForumHub.Api.Features.Polls;
using ForumHub.Api.Features.Questions;
using ForumHub.Api.Features.Review;
using ForumHub.Api.Features.Roles;
using ForumHub.Api.Runtime;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace ForumHub.Api.Hubs;

/// <summary>
/// The live meeting. Thin by design: each method sends one MediatR request in the caller's name and returns
/// its DTO. Roles are checked and errors turned into coded HubExceptions by MeetingHubFilter; broadcasts
/// happen after the commit, from MeetingRuntime through SignalRMeetingBroadcaster. The hub holds no state.
/// </summary>
[Authorize(AuthenticationSchemes = AccessTokenAuthentication.SchemeName)]
public sealed class MeetingHub(IMediator mediator, NodeFanout fanout) : Hub<IMeetingClient>
{
    /// <summary>Joins the meeting's live feed and returns the state to apply later events to.</summary>
    public async Task<MeetingSnapshot> JoinMeeting()
    {
        var caller = CurrentCaller;
        // Join the group first: an event sent in between arrives twice (snapshot and feed), never zero times.
        await Groups.AddToGroupAsync(Context.ConnectionId, SignalRMeetingBroadcaster.GroupName(caller.MeetingId), Context.ConnectionAborted);
        await fanout.JoinedAsync(caller.MeetingId); // on a node that is not the meeting's writer: its events come here too
        return await mediator.Send(new GetSnapshot(caller.MeetingId), Context.ConnectionAborted);
    }

    public Task<CommandAck> AnswerQuestion(AnswerQuestion command) => Send(command);
    public Task<CommandAck> ProposeItem(ProposeItem command) => Send(command);
    public Task<CommandAck> PromoteAnswer(PromoteAnswer command) => Send(command);
    public Task<CommandAck> AgreeAgenda(AgreeAgenda command) => Send(command);
    public Task<CommandAck> MoveToPhase(MoveToPhase command) => Send(command);
    public Task<CommandAck> StartItem(StartItem command) => Send(command);
    public Task<CommandAck> FinishItem(FinishItem command) => Send(command);
    public Task<CommandAck> CarryItemForward(CarryItemForward command) => Send(command);
    public Task<CommandAck> AddNote(AddNote command) => Send(command);
    public Task<CommandAck> OpenPoll(OpenPoll command) => Send(command);
    public Task<CommandAck> CastBallot(CastBallot command) => Send(command);
    public Task<CommandAck> RecordHandCount(RecordHandCount command) => Send(command);
    public Task<CommandAck> ClosePoll(ClosePoll command) => Send(command);
    public Task<CommandAck> RecordDecision(RecordDecision command) => Send(command);
    public Task<CommandAck> AddAction(AddAction command) => Send(command);
    public Task<CommandAck> SetActionStatus(SetActionStatus command) => Send(command);
    public Task<CommandAck> InviteListener(InviteListener command) => Send(command);
    public Task<CommandAck> RespondAsListener(RespondAsListener command) => Send(command);
    public Task<CommandAck> RaiseCard(RaiseCard command) => Send(command);
    public Task<CommandAck> ClearCard(ClearCard command) => Send(command);
    public Task<CommandAck> RemoveParticipant(RemoveParticipant command) => Send(command);
    public Task<CommandAck> AddMemberWithoutDevice(AddMemberWithoutDevice command) => Send(command);
    public Task<CommandAck> SetFollowUpStatus(SetFollowUpStatus command) => Send(command);
    public Task<CommandAck> PutFollowUpOnAgenda(PutFollowUpOnAgenda command) => Send(command);
    public Task<CommandAck> FinishReview(FinishReview command) => Send(command);
    public Task<CommandAck> GiveRole(GiveRole command) => Send(command);
    public Task<CommandAck> TakeRole(TakeRole command) => Send(command);

    /// <summary>Like the commands above, but its ack also carries the take-over code (shown once, to the caller).</summary>
    public Task<TakeOverCodeAck> IssueTakeOverCode(IssueTakeOverCode? command) =>
        command is null
            ? throw new HubException($"{ApiErrorCodes.InvalidRequest}: The request was empty.")
            : mediator.Send(command with { Caller = CurrentCaller }, Context.ConnectionAborted);

    private Caller CurrentCaller => AccessTokenAuthentication.CallerOf(Context.User)
        ?? throw new HubException($"{ApiErrorCodes.Unauthenticated}: Please join the meeting again.");

    private Task<CommandAck> Send<TCommand>(TCommand? command) where TCommand : MeetingCommand =>
        command is null
            ? throw new HubException($"{ApiErrorCodes.InvalidRequest}: The request was empty.")
            : mediator.Send(command with { Caller = CurrentCaller }, Context.ConnectionAborted);
}
