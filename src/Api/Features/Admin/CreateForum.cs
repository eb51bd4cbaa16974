using ForumHub.Api.Accounts;
using ForumHub.Api.Features.Accounts;
using ForumHub.Api.Persistence;
using ForumHub.Api.Privacy;
using MediatR;

namespace ForumHub.Api.Features.Admin;

/// <summary>An administrator adds a forum to their organisation; meetings can then be made in it.</summary>
public sealed record CreateForum(string? Name) : IRequest<ForumView>
{
    [System.Text.Json.Serialization.JsonIgnore]
    public AccountCaller Admin { get; init; } = null!;
}

public sealed class CreateForumHandler(ForumDbContext db, AuditLog audit, TimeProvider clock) : IRequestHandler<CreateForum, ForumView>
{
    public async Task<ForumView> Handle(CreateForum request, CancellationToken ct)
    {
        var forum = new ForumRow
        {
            Id = Guid.NewGuid(),
            OrganisationId = request.Admin.OrganisationId,
            Name = AccountRules.Name(request.Name, "forum name"),
            CreatedAt = clock.GetUtcNow(),
        };
        db.Forums.Add(forum);
        audit.Add(db, new AuditLog.Entry("admin.forum_created", request.Admin.OrganisationId, request.Admin.AccountId, Target: forum.Id.ToString()));
        await db.SaveChangesAsync(ct);
        return new ForumView(forum.Id, forum.Name, forum.CreatedAt);
    }
}
