using ForumHub.Domain.Meetings;

namespace ForumHub.Api.Hubs;

/// <summary>
/// The one table of who may call which hub method. MeetingHubFilter enforces it on every call, before the
/// domain's own rules run; a method missing here is refused for everyone.
/// </summary>
public static class HubPermissions
{
    private static readonly Role[] Everyone = Enum.GetValues<Role>();
    private static readonly Role[] People = [Role.Member, Role.Facilitator, Role.Supporter, Role.Listener];
    private static readonly Role[] AgendaSetters = [Role.Member, Role.Facilitator, Role.Supporter];
    private static readonly Role[] FacilitatorOnly = [Role.Facilitator];

    public static IReadOnlyDictionary<string, Role[]> ByMethod { get; } = new Dictionary<string, Role[]>
    {
        [nameof(MeetingHub.JoinMeeting)] = Everyone,
        [nameof(MeetingHub.AnswerQuestion)] = People,
        [nameof(MeetingHub.ProposeItem)] = AgendaSetters,
        [nameof(MeetingHub.PromoteAnswer)] = FacilitatorOnly,
        [nameof(MeetingHub.AgreeAgenda)] = FacilitatorOnly,
        [nameof(MeetingHub.MoveToPhase)] = FacilitatorOnly,
        [nameof(MeetingHub.StartItem)] = FacilitatorOnly,
        [nameof(MeetingHub.FinishItem)] = FacilitatorOnly,
        [nameof(MeetingHub.CarryItemForward)] = FacilitatorOnly,
        [nameof(MeetingHub.AddNote)] = FacilitatorOnly,
        [nameof(MeetingHub.OpenPoll)] = FacilitatorOnly,
        [nameof(MeetingHub.CastBallot)] = AgendaSetters,
        [nameof(MeetingHub.RecordHandCount)] = FacilitatorOnly,
        [nameof(MeetingHub.ClosePoll)] = FacilitatorOnly,
        [nameof(MeetingHub.RecordDecision)] = FacilitatorOnly,
        [nameof(MeetingHub.AddAction)] = FacilitatorOnly,
        [nameof(MeetingHub.SetActionStatus)] = People,
        [nameof(MeetingHub.InviteListener)] = FacilitatorOnly,
        [nameof(MeetingHub.RespondAsListener)] = [Role.Listener],
        [nameof(MeetingHub.RaiseCard)] = People,
        [nameof(MeetingHub.ClearCard)] = People,
        [nameof(MeetingHub.RemoveParticipant)] = FacilitatorOnly,
    };

    public static bool Allows(string method, Role role) => ByMethod.TryGetValue(method, out var roles) && roles.Contains(role);
}
