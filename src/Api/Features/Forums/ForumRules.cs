using System.Security.Cryptography;
using System.Text;
using ForumHub.Api.Access;
using ForumHub.Api.Persistence;
using ForumHub.Api.Runtime;
using ForumHub.Domain.Meetings;
using ForumHub.Domain.Rules;
using Microsoft.EntityFrameworkCore;

namespace ForumHub.Api.Features.Forums;

public static class ForumErrorCodes
{
    public const string MemberNotFound = "forum_member_not_found";
    public const string MemberNameTaken = "forum_member_name_taken";
    public const string KindInvalid = "forum_member_kind_invalid";
    public const string ConsentMissing = "consent_missing";
    public const string NoOpenMeeting = "no_open_meeting";
    public const string NotAForumMeeting = "not_a_forum_meeting";
    public const string ParticipantNotFound = "participant_not_found";
    public const string AlreadyInForum = "already_in_forum";
    public const string PlannedMeetingNotFound = "planned_meeting_not_found";
    public const string AlreadyStarted = "already_started";
    public const string InvitationNotFound = "invitation_not_found";
    public const string DateInvalid = "date_invalid";
}

/// <summary>The forum's members, listeners and their cards: the checks every forum use case shares.</summary>
public static class ForumRules
{
    public const string Member = "Member";
    public const string Listener = "Listener";
    /// <summary>10 keypad characters (24^10): long enough that guessing, slowed by the join guard, never finds one.</summary>
    public const int CardCodeLength = 10;
    public const int Represents = 100;
    public const int RoleWords = 60;
    public const int Place = 300;
    public const int About = 300;

    /// <summary>The forum, if it belongs to the caller's organisation; another organisation's forum is "not found".</summary>
    public static async Task<ForumRow> ForumAsync(ForumDbContext db, AccountCaller account, Guid forumId, ILogger log, CancellationToken ct)
    {
        var forum = await db.Forums.AsNoTracking().FirstOrDefaultAsync(f => f.Id == forumId, ct);
        if (forum is not null && forum.OrganisationId == account.OrganisationId) return forum;
        // Every refusal is logged (docs/access.md): a caller trying forum ids of another organisation shows up.
        log.LogWarning("Refused forum {ForumId} to account {AccountId}: not in their organisation", forumId, account.AccountId);
        throw new CommandException(AccountErrorCodes.ForumNotFound, "We could not find this forum.", StatusCodes.Status404NotFound);
    }

    public static async Task<ForumMemberRow> MemberAsync(ForumDbContext db, Guid forumId, Guid memberId, CancellationToken ct) =>
        await db.ForumMembers.FirstOrDefaultAsync(m => m.Id == memberId && m.ForumId == forumId, ct)
        ?? throw new CommandException(ForumErrorCodes.MemberNotFound, "We could not find this person in the forum.", StatusCodes.Status404NotFound);

    public static string Kind(string? kind) => kind switch
    {
        null or "" or "member" or Member => Member,
        "listener" or Listener => Listener,
        _ => throw new CommandException(ForumErrorCodes.KindInvalid, "Please choose: a member, or a listener."),
    };

    public static string Name(string? name) => TextRules.Clean(name, Limits.DisplayName, "name");
    public static string? Picture(string? picture) => TextRules.CleanOptional(picture, Limits.Picture, "picture name");
    public static string? Optional(string? text, int max, string what) => TextRules.CleanOptional(text, max, what);

    /// <summary>Members are asked (in Easy Read) whether we may keep their record; no answer is not a yes.</summary>
    public static bool Consent(string kind, bool? keepsRecord) => kind == Listener
        ? keepsRecord ?? false
        : keepsRecord ?? throw new CommandException(ForumErrorCodes.ConsentMissing,
            "Please say yes or no: may we keep a record of the meetings this person comes to?");

    /// <summary>Two people with the same name would look the same on the forum page and on the one-tap list.</summary>
    public static async Task EnsureNameFreeAsync(ForumDbContext db, Guid forumId, string name, Guid? except, CancellationToken ct)
    {
        var lower = name.ToLowerInvariant();
        if (await db.ForumMembers.AnyAsync(m => m.ForumId == forumId && m.Id != except && m.DisplayName.ToLower() == lower, ct))
            throw new CommandException(ForumErrorCodes.MemberNameTaken,
                $"There is already someone called {name} in this forum. Please add a letter, like {name} B.", StatusCodes.Status409Conflict);
    }

    public static string NewCardCode() => JoinCodes.New(CardCodeLength);

    /// <summary>SHA-256 (upper-case hex) of the code without spaces or dashes, in capitals: only this is stored.</summary>
    public static string CardHash(string? code) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(JoinCodes.Normalize(code))));

    /// <summary>The card's holder; an unknown code counts against the caller's address like a wrong join code.</summary>
    public static async Task<ForumMemberRow> CardHolderAsync(ForumDbContext db, string? code, CancellationToken ct)
    {
        var clean = JoinCodes.Normalize(code);
        var hash = CardHash(clean);
        return clean.Length == CardCodeLength
            ? await db.ForumMembers.AsNoTracking().FirstOrDefaultAsync(m => m.CardCodeHash == hash, ct) ?? throw UnknownCard()
            : throw UnknownCard();
    }

    private static CommandException UnknownCard() =>
        new(ApiErrorCodes.CodeUnknown, "We do not know this forum card. Please check the code, or ask the facilitator for a new card.", 404);

    /// <summary>The forum's meeting that is open now (the newest, if there are several).</summary>
    public static Task<Guid?> OpenMeetingAsync(ForumDbContext db, Guid forumId, CancellationToken ct) =>
        (from o in db.MeetingOwners
         join m in db.Meetings on o.MeetingId equals m.Id
         where o.ForumId == forumId && m.Phase != nameof(Phase.Closed)
         orderby m.CreatedAt descending
         select (Guid?)m.Id).FirstOrDefaultAsync(ct);
}
