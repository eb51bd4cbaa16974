namespace ForumHub.Domain.Meetings;

/// <summary>
/// Something that happened in a meeting. The aggregate's state is exactly the result of applying its
/// events in order, so a meeting can be rebuilt from its stored events after a restart or takeover.
/// </summary>
public interface IMeetingEvent;

public sealed record MeetingCreated(Guid MeetingId, string Title, DateTimeOffset At) : IMeetingEvent;

/// <summary>
/// Someone joined on their own device, or (WithoutDevice) a member in the room without one was added by the facilitator
/// or a supporter (AddedById); HelperId names the supporter who helps them. The last three fields are missing from
/// events stored before members without a device existed, which read as a device join. ForumMemberId (issue 14) names
/// the forum's standing member or listener this person is (joined with their forum card, or added from the forum's
/// list); null for everyone else and for events stored before forums had members.
/// </summary>
public sealed record ParticipantJoined(
    Guid ParticipantId, string DisplayName, Role Role, string? Picture, Guid? SupportsMemberId, DateTimeOffset At,
    bool WithoutDevice = false, Guid? HelperId = null, Guid? AddedById = null, Guid? ForumMemberId = null) : IMeetingEvent;

/// <summary>
/// A one-use code for a member without a device to take over on one. Only the code's SHA-256 (hex) is kept; it never
/// leaves the server (EventEnvelope drops it). A new code replaces the last one.
/// </summary>
public sealed record TakeOverCodeIssued(Guid ParticipantId, string CodeHash, Guid IssuedById, DateTimeOffset At) : IMeetingEvent;

/// <summary>The member now has a device of their own; what was entered for them stays theirs (same participant).</summary>
public sealed record MemberTookOver(Guid ParticipantId, DateTimeOffset At) : IMeetingEvent;

public sealed record ParticipantRemoved(Guid ParticipantId) : IMeetingEvent;

public sealed record PhaseChanged(Phase From, Phase To, DateTimeOffset At) : IMeetingEvent;

/// <summary>EnteredById differs from ParticipantId when a supporter or the facilitator typed it for them.</summary>
public sealed record QuestionAnswered(
    Guid AnswerId, Question Question, Guid ParticipantId, Guid EnteredById, string Text, string? Picture) : IMeetingEvent;

public sealed record ItemProposed(
    Guid ItemId, string Title, string? Picture, Guid ProposedById, Guid EnteredById, Guid? FromAnswerId) : IMeetingEvent;

/// <summary>The facilitator confirmed the agenda: these items, in this order. Others stay proposed.</summary>
public sealed record AgendaAgreed(IReadOnlyList<Guid> ItemIds) : IMeetingEvent;

public sealed record ItemStarted(Guid ItemId) : IMeetingEvent;

public sealed record ItemFinished(Guid ItemId) : IMeetingEvent;

public sealed record ItemCarriedForward(Guid ItemId) : IMeetingEvent;

public sealed record NoteAdded(Guid NoteId, Guid ItemId, string Text) : IMeetingEvent;

public sealed record PollOpened(
    Guid PollId, Guid? ItemId, string Question, IReadOnlyList<PollOption> Options, bool Secret, PollMode Mode,
    DateTimeOffset At) : IMeetingEvent;

public sealed record BallotCast(Guid PollId, Guid MemberId, Guid EnteredById, string OptionId) : IMeetingEvent;

public sealed record HandCountRecorded(Guid PollId, IReadOnlyDictionary<string, int> Counts, Guid EnteredById) : IMeetingEvent;

/// <summary>Closing freezes who could vote and the result, so nothing can be counted after the close.</summary>
public sealed record PollClosed(
    Guid PollId, IReadOnlyList<Guid> EligibleMemberIds, IReadOnlyDictionary<string, int> Tally, DateTimeOffset At) : IMeetingEvent;

public sealed record DecisionRecorded(
    Guid DecisionId, Guid? ItemId, string Text, ParticipationLevel Level, Guid? PollId) : IMeetingEvent;

public sealed record ActionAdded(
    Guid ActionId, Guid? ItemId, string What, Guid OwnerId, Guid? SupporterId, DateOnly? DueDate, Guid? FromResponseId) : IMeetingEvent;

public sealed record ActionStatusChanged(Guid ActionId, ActionStatus Status) : IMeetingEvent;

public sealed record ListenerInvited(Guid ListenerId, Guid? ItemId) : IMeetingEvent;

public sealed record ListenerResponded(Guid ResponseId, Guid ListenerId, Guid? ItemId, string Text) : IMeetingEvent;

public sealed record CardRaised(Guid CardId, Guid ParticipantId, CardKind Kind, DateTimeOffset At) : IMeetingEvent;

public sealed record CardCleared(Guid CardId, Guid ClearedById) : IMeetingEvent;

/// <summary>
/// The facilitator gave a member a role for this meeting (chair, timekeeper, note-taker, welcome). Stored as
/// "meetingRoleGiven"; the member's forum record counts these, so the fields are a contract.
/// </summary>
public sealed record MeetingRoleGiven(Guid ParticipantId, MeetingRole Role, Guid GivenById, DateTimeOffset At) : IMeetingEvent;

/// <summary>The facilitator took a role back (to give it to someone else, or it was a mistake). Stored as "meetingRoleTaken".</summary>
public sealed record MeetingRoleTaken(Guid ParticipantId, MeetingRole Role, Guid TakenById, DateTimeOffset At) : IMeetingEvent;

public sealed record PollOption(string Id, string Label, string? Picture);
