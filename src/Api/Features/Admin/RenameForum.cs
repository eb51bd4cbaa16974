using ForumHub.Api.Access;
using ForumHub.Api.Audit;
using ForumHub.Api.Features.Accounts;
using ForumHub.Api.Persistence;
using ForumHub.Api.Runtime;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ForumHub.Api.Features.Admin;

/// <summary>
/// An administrator renames a forum of their own organisation. Its meetings keep pointing at the same forum, so
/// what one meeting left open is still offered at the next one under the new name.
/// </summary>
public sealed record RenameForum(string? Name) : IRequest<ForumView>
{
    [System.Text.Json.Serialization.JsonIgnore]
    public AccountCaller Admin { get; init; } = null!;

    [System.Text.Json.Serialization.JsonIgnore]
    public Guid ForumId { get; init; }
}

public sealed class RenameForumHandler(ForumDbContext db, AuditLog audit, ILogger<RenameForumHandler> log) : IRequestHandler<RenameForum, ForumView>
{
    public async Task<ForumView> Handle(RenameForum request, CancellationToken ct)
    {
        // Another organisation's forum is "not found": administrators only see their own organisation.
        var forum = await db.Forums.FirstOrDefaultAsync(f => f.Id == request.ForumId && f.OrganisationId == request.Admin.OrganisationId, ct);
        if (forum is null)
        {
            log.LogWarning("Refused renaming forum {ForumId} for administrator {AdminId}: not in their organisation", request.ForumId, request.Admin.AccountId);
            throw new CommandException(AccountErrorCodes.ForumNotFound, "We could not find this forum.", StatusCodes.Status404NotFound);
        }
        var name = AccountRules.Name(request.Name, "forum name");
        if (name == forum.Name) return new ForumView(forum.Id, forum.Name, forum.CreatedAt);
        await CreateForumHandler.EnsureNameFreeAsync(db, request.Admin.OrganisationId, name, forum.Id, ct);
        forum.Name = name;
        audit.Add(db, new AuditLog.Entry("admin.forum_renamed", request.Admin.OrganisationId, request.Admin.AccountId, Target: forum.Id.ToString()));
        await db.SaveChangesAsync(ct);
        return new ForumView(forum.Id, forum.Name, forum.CreatedAt);
    }
}
