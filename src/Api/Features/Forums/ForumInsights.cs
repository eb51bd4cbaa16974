using ForumHub.Api.Access;
using ForumHub.Api.Persistence;
using ForumHub.Api.Runtime;
using Microsoft.EntityFrameworkCore;

namespace ForumHub.Api.Features.Forums;

public static class ForumInsightErrorCodes
{
    public const string SearchWordsNeeded = "search_words_needed";
    public const string SearchTooLong = "search_too_long";
    public const string SearchWordsTooCommon = "search_words_too_common";
    public const string PeriodInvalid = "period_invalid";
}

/// <summary>What every forum insight needs first: the forum is one of the signed-in facilitator's organisation.</summary>
public static class ForumInsightAccess
{
    /// <summary>
    /// Unknown forums and forums of another organisation get the same answer, so nobody learns that a forum exists
    /// elsewhere. Returns the forum's name.
    /// </summary>
    public static async Task<string> RequireForumAsync(ForumDbContext db, AccountCaller account, Guid forumId, ILogger log, CancellationToken ct)
    {
        var name = await db.Forums.AsNoTracking().Where(f => f.Id == forumId && f.OrganisationId == account.OrganisationId)
            .Select(f => f.Name).FirstOrDefaultAsync(ct);
        if (name is not null) return name;
        // Every refusal is logged (docs/access.md): a caller trying forum ids of another organisation shows up.
        log.LogWarning("Refused forum insight on forum {ForumId} for account {AccountId}: not in their organisation", forumId, account.AccountId);
        throw new CommandException(AccountErrorCodes.ForumNotFound, "We could not find this forum.", StatusCodes.Status404NotFound);
    }
}
