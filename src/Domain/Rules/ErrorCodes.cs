namespace ForumHub.Domain.Rules;

/// <summary>Stable error codes. Clients and docs/protocol.md depend on these strings: never rename one.</summary>
public static class ErrorCodes
{
    public const string NotAllowed = "not_allowed";
    public const string WrongPhase = "wrong_phase";
    public const string PhaseOrder = "phase_order";
    public const string MeetingClosed = "meeting_closed";
    public const string TextEmpty = "text_empty";
    public const string TextTooLong = "text_too_long";
    public const string TextInvalidCharacter = "text_invalid_character";
    public const string ParticipantNotFound = "participant_not_found";
    public const string NotAMember = "not_a_member";
    public const string NotYourMember = "not_your_member";
    public const string SupporterNeedsMember = "supporter_needs_member";
    public const string AnswerNotFound = "answer_not_found";
    public const string AnswerAlreadyPromoted = "answer_already_promoted";
    public const string WrongQuestion = "wrong_question";
    public const string ItemNotFound = "item_not_found";
    public const string ItemWrongStatus = "item_wrong_status";
    public const string ItemInProgress = "item_in_progress";
    public const string AgendaEmpty = "agenda_empty";
    public const string AgendaInvalid = "agenda_invalid";
    public const string PollNotFound = "poll_not_found";
    public const string PollClosed = "poll_closed";
    public const string PollAlreadyOpen = "poll_already_open";
    public const string PollStillOpen = "poll_still_open";
    public const string PollIsHandCount = "poll_is_hand_count";
    public const string PollNotHandCount = "poll_not_hand_count";
    public const string OptionsInvalid = "options_invalid";
    public const string OptionNotFound = "option_not_found";
    public const string AlreadyVoted = "already_voted";
    public const string HandCountInvalid = "hand_count_invalid";
    public const string DueDateInPast = "due_date_in_past";
    public const string ActionNotFound = "action_not_found";
    public const string NotAListener = "not_a_listener";
    public const string ListenerNotInvited = "listener_not_invited";
    public const string AlreadyInvited = "already_invited";
    public const string ResponseNotFound = "response_not_found";
    public const string CardAlreadyRaised = "card_already_raised";
    public const string CardNotFound = "card_not_found";
    public const string CardAlreadyCleared = "card_already_cleared";
    public const string ParticipantRemoved = "participant_removed";
    public const string AlreadyJoined = "already_joined";
    public const string NameTaken = "name_taken";
    public const string NotASupporter = "not_a_supporter";
    public const string HasDevice = "has_device";
    public const string CodeUsed = "code_used";
    public const string FollowUpNotFound = "follow_up_not_found";
    public const string FollowUpOnAgenda = "follow_up_on_agenda";
    public const string FollowUpClosed = "follow_up_closed";
    public const string ReasonRequired = "reason_required";
    public const string ReviewNotOpen = "review_not_open";
    public const string RoleTaken = "role_taken";
    public const string AlreadyHasRole = "already_has_role";
    public const string RoleNotHeld = "role_not_held";
}
