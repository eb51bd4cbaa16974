using System.Text.Json.Serialization;
using ForumHub.Api.Access;
using ForumHub.Api.Audit;
using ForumHub.Api.Persistence;
using MediatR;

namespace ForumHub.Api.Features.Forums;

/// <summary>
/// Changes a member's or listener's details (all fields, as on the form; the kind stays). KeepsRecord false is a
/// withdrawn consent: they keep attending, and record-keeping features must stop keeping or showing their record.
/// </summary>
public sealed record UpdateForumMember(
    string? DisplayName, string? Picture, string? Represents, string? UsualSupporter, string? RoleWords, bool? KeepsRecord)
    : IRequest<ForumMemberView>
{
    [JsonIgnore] public AccountCaller Account { get; init; } = null!;
    [JsonIgnore] public Guid ForumId { get; init; }
    [JsonIgnore] public Guid MemberId { get; init; }
}

public sealed class UpdateForumMemberHandler(ForumDbContext db, AuditLog audit, TimeProvider clock, ILogger<UpdateForumMemberHandler> log) : IRequestHandler<UpdateForumMember, ForumMemberView>
{
    public async Task<ForumMemberView> Handle(UpdateForumMember request, CancellationToken ct)
    {
        var forum = await ForumRules.ForumAsync(db, request.Account, request.ForumId, log, ct);
        var row = await ForumRules.MemberAsync(db, forum.Id, request.MemberId, ct);
        var now = clock.GetUtcNow();
        var changed = ForumMemberFields.Build(row.Id, forum.Id, row.Kind, request.DisplayName, request.Picture, request.Represents,
            request.UsualSupporter, request.RoleWords, request.KeepsRecord, now);
        await ForumRules.EnsureNameFreeAsync(db, forum.Id, changed.DisplayName, row.Id, ct);
        if (changed.KeepsRecord != row.KeepsRecord) row.ConsentChangedAt = now;
        (row.DisplayName, row.Picture, row.Represents, row.UsualSupporter, row.RoleWords, row.KeepsRecord) =
            (changed.DisplayName, changed.Picture, changed.Represents, changed.UsualSupporter, changed.RoleWords, changed.KeepsRecord);
        audit.Add(db, new AuditLog.Entry("forum.member_changed", request.Account.OrganisationId, request.Account.AccountId, Target: row.Id.ToString()));
        await db.SaveChangesAsync(ct);
        return ForumMemberView.Of(row);
    }
}
