using ForumHub.Domain.Meetings;

namespace ForumHub.Api.Access;

/// <summary>
/// Who a caller can be. Member, Supporter, Listener, Screen and Facilitator come from a meeting access token (one
/// meeting, one role); Account and Admin from a signed-in facilitator account's cookie. Anyone means no credentials.
/// </summary>
public enum Who { Anyone, Member, Supporter, Listener, Screen, Facilitator, Account, Admin }

/// <summary>
/// THE one table of who may call what: every hub method ("hub Name") and every HTTP endpoint ("VERB /route/pattern",
/// "*" for any verb). Enforced server-side: hub methods by MeetingHubFilter (through HubPermissions), endpoints by
/// AccessTableMiddleware. Anything missing here is refused for everyone, and the refusal is logged.
/// Scoping on top of the roles: a token only opens its own meeting (routes with {meetingId}); an account only
/// meetings of its own organisation.
/// </summary>
public static class AccessTable
{
    private static readonly Who[] Anyone = [Who.Anyone];
    private static readonly Who[] AnyToken = [Who.Member, Who.Supporter, Who.Listener, Who.Screen, Who.Facilitator];
    private static readonly Who[] People = [Who.Member, Who.Facilitator, Who.Supporter, Who.Listener];
    private static readonly Who[] AgendaSetters = [Who.Member, Who.Facilitator, Who.Supporter];
    private static readonly Who[] FacilitatorOnly = [Who.Facilitator];
    private static readonly Who[] JoinedWithCode = [Who.Member, Who.Supporter, Who.Listener];
    private static readonly Who[] Account = [Who.Account];
    private static readonly Who[] Admin = [Who.Admin];

    public const string HubPrefix = "hub ";

    public static IReadOnlyDictionary<string, Who[]> Rules { get; } = new Dictionary<string, Who[]>(StringComparer.Ordinal)
    {
        // ---- Hub methods (the live meeting) ------------------------------------------------------------------
        ["hub JoinMeeting"] = AnyToken,
        ["hub AnswerQuestion"] = People,
        ["hub ProposeItem"] = AgendaSetters,
        ["hub PromoteAnswer"] = FacilitatorOnly,
        ["hub AgreeAgenda"] = FacilitatorOnly,
        ["hub MoveToPhase"] = FacilitatorOnly,
        ["hub StartItem"] = FacilitatorOnly,
        ["hub FinishItem"] = FacilitatorOnly,
        ["hub CarryItemForward"] = FacilitatorOnly,
        ["hub AddNote"] = FacilitatorOnly,
        ["hub OpenPoll"] = FacilitatorOnly,
        ["hub CastBallot"] = AgendaSetters,
        ["hub RecordHandCount"] = FacilitatorOnly,
        ["hub ClosePoll"] = FacilitatorOnly,
        ["hub RecordDecision"] = FacilitatorOnly,
        ["hub AddAction"] = FacilitatorOnly,
        ["hub SetActionStatus"] = People,
        ["hub InviteListener"] = FacilitatorOnly,
        ["hub RespondAsListener"] = [Who.Listener],
        ["hub RaiseCard"] = People,
        ["hub ClearCard"] = People,
        ["hub RemoveParticipant"] = FacilitatorOnly,
        // Members in the room without a device: a supporter adds (and gives a code to) only people they help.
        ["hub AddMemberWithoutDevice"] = [Who.Facilitator, Who.Supporter],
        ["hub IssueTakeOverCode"] = [Who.Facilitator, Who.Supporter],
        // The carry-forward review: the domain then allows only the owner or the facilitator to set a status.
        ["hub SetFollowUpStatus"] = People,
        ["hub PutFollowUpOnAgenda"] = FacilitatorOnly,
        ["hub FinishReview"] = FacilitatorOnly,
        // Roles in a meeting (chair, timekeeper, note-taker, welcome): the facilitator gives and takes them.
        ["hub GiveRole"] = FacilitatorOnly,
        ["hub TakeRole"] = FacilitatorOnly,

        // ---- The hub's own HTTP endpoints (negotiate, then the WebSocket / SSE / long polling connection) ----
        ["* /hubs/meeting/negotiate"] = AnyToken,
        ["* /hubs/meeting"] = AnyToken,

        // ---- Public -------------------------------------------------------------------------------------------
        ["GET /healthz"] = Anyone,
        ["GET /readyz"] = Anyone,
        ["GET /api/site"] = Anyone, // the public address for join links (PublicUrl); nothing personal
        ["GET /openapi/{documentName}.json"] = Anyone, // mapped in Development only
        ["* {*path:nonfile}"] = Anyone, // the web app's index.html
        ["* /api/{**path}"] = Anyone, // unknown API addresses: a coded 404
        ["GET /api/join/{code}"] = Anyone, // slowed, then refused, after repeated wrong codes from one address
        ["POST /api/join/"] = Anyone,
        ["POST /api/account/sign-in"] = Anyone,
        ["POST /api/account/set-up"] = Anyone, // needs the one-time set-up code an administrator handed out

        // ---- A meeting, with its access token ---------------------------------------------------------------
        ["GET /api/meetings/{meetingId:guid}/snapshot"] = AnyToken,
        ["GET /api/meetings/{meetingId:guid}/events"] = AnyToken,

        // ---- Minutes (Features/Minutes/MinutesEndpoints.cs) ----------------------------------------------------
        // Everyone in the meeting reads the published minutes; listeners get the same Easy Read minutes as members.
        ["GET /api/meetings/{meetingId:guid}/minutes/"] = AnyToken,
        ["GET /api/meetings/{meetingId:guid}/minutes/easy-read.html"] = AnyToken,
        ["GET /api/meetings/{meetingId:guid}/minutes/easy-read.md"] = AnyToken,
        ["GET /api/meetings/{meetingId:guid}/minutes/standard.html"] = AnyToken,
        ["GET /api/meetings/{meetingId:guid}/minutes/standard.md"] = AnyToken,
        // The facilitator generates, edits, checks, previews, publishes, corrects and prints them.
        ["POST /api/meetings/{meetingId:guid}/minutes/drafts"] = FacilitatorOnly,
        ["GET /api/meetings/{meetingId:guid}/minutes/drafts"] = FacilitatorOnly,
        ["GET /api/meetings/{meetingId:guid}/minutes/drafts/{number:int}"] = FacilitatorOnly,
        ["POST /api/meetings/{meetingId:guid}/minutes/drafts/{number:int}/edits"] = FacilitatorOnly,
        ["GET /api/meetings/{meetingId:guid}/minutes/drafts/{number:int}/easy-read.html"] = FacilitatorOnly,
        ["GET /api/meetings/{meetingId:guid}/minutes/drafts/{number:int}/standard.html"] = FacilitatorOnly,
        ["POST /api/meetings/{meetingId:guid}/minutes/check"] = FacilitatorOnly,
        ["POST /api/meetings/{meetingId:guid}/minutes/publish"] = FacilitatorOnly,
        ["POST /api/meetings/{meetingId:guid}/minutes/corrections"] = FacilitatorOnly,
        ["GET /api/meetings/{meetingId:guid}/minutes/pack.html"] = FacilitatorOnly,

        // ---- A person's own data, with their access token -----------------------------------------------------
        ["GET /api/me/export"] = [.. JoinedWithCode, Who.Facilitator],
        ["GET /api/me/export/easy-read"] = [.. JoinedWithCode, Who.Facilitator],
        ["POST /api/me/erase"] = JoinedWithCode,

        // ---- Facilitator accounts ---------------------------------------------------------------------------
        ["POST /api/account/sign-out"] = Account,
        ["GET /api/account/me"] = Account,
        ["POST /api/account/password"] = Account,
        ["POST /api/account/sign-out-everywhere"] = Account,
        ["GET /api/forums/"] = Account,
        ["GET /api/forums/{forumId:guid}/follow-ups"] = Account, // "You said, we did": open ones (Features/Review)
        // Forum insights (Features/Forums): the forum's facilitators only; members read minutes meeting by meeting.
        ["GET /api/forums/{forumId:guid}/search"] = Account,
        ["GET /api/forums/{forumId:guid}/co-production"] = Account,
        ["POST /api/meetings/"] = Account,
        ["GET /api/meetings/"] = Account,
        ["GET /api/meetings/mine"] = Account, // only the meetings this account started
        ["POST /api/meetings/{meetingId:guid}/facilitator-access"] = Account,
        ["GET /api/meetings/{meetingId:guid}/participants/{participantId:guid}/export"] = Account,
        ["GET /api/meetings/{meetingId:guid}/participants/{participantId:guid}/export/easy-read"] = Account,
        ["POST /api/meetings/{meetingId:guid}/participants/{participantId:guid}/erase"] = Account,

        // ---- Forums that remember (Features/Forums, issue 14) ------------------------------------------------
        // An account opens only its own organisation's forums (checked by each handler: another's is "not found").
        ["GET /api/forums/{forumId:guid}/"] = Account,
        ["POST /api/forums/{forumId:guid}/members/"] = Account,
        ["POST /api/forums/{forumId:guid}/members/from-meeting"] = Account,
        ["POST /api/forums/{forumId:guid}/members/{memberId:guid}/details"] = Account,
        ["POST /api/forums/{forumId:guid}/members/{memberId:guid}/card"] = Account,
        ["GET /api/forums/{forumId:guid}/members/{memberId:guid}/export"] = Account,
        ["POST /api/forums/{forumId:guid}/members/{memberId:guid}/erase"] = Account,
        ["GET /api/forums/{forumId:guid}/members/{memberId:guid}/record"] = Account, // My forum record, for the facilitator to print with them
        ["POST /api/forums/{forumId:guid}/planned/"] = Account,
        ["POST /api/forums/{forumId:guid}/planned/{plannedId:guid}/start"] = Account,
        ["POST /api/forums/{forumId:guid}/planned/{plannedId:guid}/details"] = Account,
        ["POST /api/forums/{forumId:guid}/planned/{plannedId:guid}/cancel"] = Account,
        // Public only when the facilitator chose so (the handler answers "not found" otherwise, unless signed in).
        ["GET /api/invitations/{key}"] = [Who.Anyone, Who.Account],
        // The forum card is the credential; wrong codes are slowed, then refused, like join codes.
        ["POST /api/forum-cards/join"] = Anyone,
        ["POST /api/forum-cards/invitation"] = Anyone,
        ["POST /api/forum-cards/record"] = Anyone, // My forum record: the card's code in the body
        ["GET /api/meetings/{meetingId:guid}/forum-members/"] = FacilitatorOnly,
        ["POST /api/meetings/{meetingId:guid}/forum-members/{memberId:guid}/add"] = FacilitatorOnly,

        // ---- Administrators ---------------------------------------------------------------------------------
        ["GET /api/admin/facilitators/"] = Admin,
        ["POST /api/admin/facilitators/"] = Admin,
        ["POST /api/admin/facilitators/{accountId:guid}/reset"] = Admin,
        ["POST /api/admin/facilitators/{accountId:guid}/unlock"] = Admin,
        ["POST /api/admin/facilitators/{accountId:guid}/disable"] = Admin,
        ["POST /api/admin/facilitators/{accountId:guid}/enable"] = Admin,
        ["POST /api/admin/forums/"] = Admin,
        ["POST /api/admin/forums/{forumId:guid}/rename"] = Admin,
        ["GET /api/admin/audit"] = Admin,
        ["GET /api/admin/audit/actions"] = Admin,
    };

    /// <summary>The rule for an endpoint: its exact verb first, then "*".</summary>
    public static (string Operation, Who[] Allowed)? ForEndpoint(string method, string routePattern)
    {
        var exact = $"{method.ToUpperInvariant()} {routePattern}";
        if (Rules.TryGetValue(exact, out var allowed)) return (exact, allowed);
        var any = $"* {routePattern}";
        return Rules.TryGetValue(any, out allowed) ? (any, allowed) : null;
    }

    public static bool AllowsHub(string method, Role role) =>
        Rules.TryGetValue(HubPrefix + method, out var allowed) && allowed.Contains(WhoOf(role));

    public static Who WhoOf(Role role) => role switch
    {
        Role.Member => Who.Member,
        Role.Supporter => Who.Supporter,
        Role.Listener => Who.Listener,
        Role.Screen => Who.Screen,
        Role.Facilitator => Who.Facilitator,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };
}
