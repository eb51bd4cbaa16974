using ForumHub.Api.Access;
using ForumHub.Api.Audit;
using ForumHub.Api.Features.Accounts;
using ForumHub.Api.Persistence;
using ForumHub.Api.Runtime;
using MediatR;
using Microsoft.EntityFrameworkCore;

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
        var name = AccountRules.Name(request.Name, "forum name");
        await EnsureNameFreeAsync(db, request.Admin.OrganisationId, name, null, ct);
        var forum = new ForumRow
        {
            Id = Guid.NewGuid(),
            OrganisationId = request.Admin.OrganisationId,
            Name = name,
            CreatedAt = clock.GetUtcNow(),
        };
        db.Forums.Add(forum);
        audit.Add(db, new AuditLog.Entry("admin.forum_created", request.Admin.OrganisationId, request.Admin.AccountId, Target: forum.Id.ToString()));
        await db.SaveChangesAsync(ct);
        return new ForumView(forum.Id, forum.Name, forum.CreatedAt);
    }

    /// <summary>
    /// Two forums with the same name would look the same in the "new meeting" form. Checked here, not by an index: an
    /// administrator adding the same name twice at the same moment is unlikely and harmless (rename one).
    /// </summary>
    internal static async Task EnsureNameFreeAsync(ForumDbContext db, Guid organisationId, string name, Guid? except, CancellationToken ct)
    {
        var lower = name.ToLowerInvariant();
        if (await db.Forums.AnyAsync(f => f.OrganisationId == organisationId && f.Id != except && f.Name.ToLower() == lower, ct))
            throw new CommandException(AccountErrorCodes.ForumNameTaken, "There is already a forum with this name. Please choose another name.",
                StatusCodes.Status409Conflict);
    }
}
