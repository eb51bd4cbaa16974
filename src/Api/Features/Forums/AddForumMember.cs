using System.Text.Json.Serialization;
using ForumHub.Api.Access;
using ForumHub.Api.Audit;
using ForumHub.Api.Persistence;
using MediatR;

namespace ForumHub.Api.Features.Forums;

/// <summary>
/// A facilitator of the forum's organisation adds a standing member (Kind "Member": the service or home they represent,
/// who usually supports them, their answer to "may we keep your record?") or a regular listener (Kind "Listener":
/// role words such as "Trustee"). The answer carries their first forum card's code, shown this once.
/// </summary>
public sealed record AddForumMember(
    string? Kind, string? DisplayName, string? Picture, string? Represents, string? UsualSupporter, string? RoleWords, bool? KeepsRecord)
    : IRequest<ForumMemberCreated>
{
    [JsonIgnore] public AccountCaller Account { get; init; } = null!;
    [JsonIgnore] public Guid ForumId { get; init; }
}

public sealed class AddForumMemberHandler(ForumDbContext db, AuditLog audit, TimeProvider clock, IIdSource ids, ILogger<AddForumMemberHandler> log)
    : IRequestHandler<AddForumMember, ForumMemberCreated>
{
    public async Task<ForumMemberCreated> Handle(AddForumMember request, CancellationToken ct)
    {
        var forum = await ForumRules.ForumAsync(db, request.Account, request.ForumId, log, ct);
        var row = ForumMemberFields.Build(ids.NewId(), forum.Id, request.Kind, request.DisplayName, request.Picture, request.Represents,
            request.UsualSupporter, request.RoleWords, request.KeepsRecord, clock.GetUtcNow());
        var card = await ForumMemberFields.AddWithFirstCardAsync(db, forum, row, ct);
        audit.Add(db, new AuditLog.Entry("forum.member_added", request.Account.OrganisationId, request.Account.AccountId, Target: row.Id.ToString()));
        await db.SaveChangesAsync(ct);
        return new ForumMemberCreated(ForumMemberView.Of(row), card);
    }
}

/// <summary>The fields of a member or listener, checked the same way when added, changed or added from a meeting.</summary>
public static class ForumMemberFields
{
    public static ForumMemberRow Build(Guid id, Guid forumId, string? kind, string? name, string? picture, string? represents,
        string? usualSupporter, string? roleWords, bool? keepsRecord, DateTimeOffset now)
    {
        var cleanKind = ForumRules.Kind(kind);
        var isMember = cleanKind == ForumRules.Member;
        return new ForumMemberRow
        {
            Id = id,
            ForumId = forumId,
            Kind = cleanKind,
            DisplayName = ForumRules.Name(name),
            Picture = ForumRules.Picture(picture),
            // A listener represents no service and has no supporter; a member has no role words: each keeps only its own.
            Represents = isMember ? ForumRules.Optional(represents, ForumRules.Represents, "service or home") : null,
            UsualSupporter = isMember ? ForumRules.Optional(usualSupporter, Domain.Meetings.Limits.DisplayName, "supporter's name") : null,
            RoleWords = isMember ? null : ForumRules.Optional(roleWords, ForumRules.RoleWords, "role"),
            KeepsRecord = ForumRules.Consent(cleanKind, keepsRecord),
            ConsentChangedAt = now,
            CreatedAt = now,
        };
    }

    /// <summary>
    /// A new member or listener joins the forum's list (not saved yet): their name must be free in the forum, and they get
    /// their first card. Answers the card with its code, shown this once (only its hash is kept).
    /// </summary>
    public static async Task<ForumCard> AddWithFirstCardAsync(ForumDbContext db, ForumRow forum, ForumMemberRow row, CancellationToken ct)
    {
        await ForumRules.EnsureNameFreeAsync(db, forum.Id, row.DisplayName, null, ct);
        var code = ForumRules.NewCardCode();
        row.CardCodeHash = ForumRules.CardHash(code);
        row.CardIssuedAt = row.CreatedAt;
        db.ForumMembers.Add(row);
        return new ForumCard(row.Id, row.Kind, row.DisplayName, row.Picture, forum.Name, code);
    }
}
