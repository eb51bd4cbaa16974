using ForumHub.Api.Access;
using ForumHub.Api.Persistence;
using ForumHub.Api.Runtime;
using ForumHub.Domain.Meetings;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ForumHub.Api.Features.Review;

/// <summary>
/// "You said, we did" for the forum page: the forum's open follow-ups that a listener said or a trustee or manager
/// owns, oldest first, with how long each has been open and its Easy Read lines. Only the forum's organisation.
/// </summary>
public sealed record ListForumFollowUps(Guid ForumId, AccountCaller Account) : IRequest<ForumFollowUpList>;

public sealed record ForumFollowUpView(
    Guid FollowUpId, FollowUpKind Kind, string Text, string? About, string? Said, string? OwnerName, string? OwnerPicture, Role? OwnerRole,
    Guid FromMeetingId, DateOnly SaidOn, FollowUpStatus Status, string? Note, DateTimeOffset OpenedAt, int DaysOpen,
    IReadOnlyList<string> EasyRead);

public sealed record ForumFollowUpList(Guid ForumId, string ForumName, IReadOnlyList<ForumFollowUpView> FollowUps);

public sealed class ListForumFollowUpsHandler(ForumDbContext db, TimeProvider clock, ILogger<ListForumFollowUpsHandler> log)
    : IRequestHandler<ListForumFollowUps, ForumFollowUpList>
{
    public async Task<ForumFollowUpList> Handle(ListForumFollowUps request, CancellationToken ct)
    {
        var forum = await db.Forums.AsNoTracking().FirstOrDefaultAsync(f => f.Id == request.ForumId && f.OrganisationId == request.Account.OrganisationId, ct);
        if (forum is null)
        {
            log.LogWarning("Refused follow-ups of forum {ForumId} for account {AccountId}: not in their organisation", request.ForumId, request.Account.AccountId);
            throw new CommandException(AccountErrorCodes.ForumNotFound, "We could not find this forum.", StatusCodes.Status404NotFound);
        }
        var rows = await ForumFollowUps.Open(db, forum.Id).Where(f => f.YouSaid).OrderBy(f => f.OpenedAt).ThenBy(f => f.Id).ToListAsync(ct);
        var today = ReviewDates.UkDate(clock.GetUtcNow());
        return new ForumFollowUpList(forum.Id, forum.Name, rows.Select(r =>
        {
            var entry = ForumFollowUps.ToEntry(r);
            var days = Math.Max(0, today.DayNumber - ReviewDates.UkDate(r.OpenedAt).DayNumber);
            var lines = YouSaidWeDidWords.Lines(entry, entry.Status, r.Note, r.DropReason).Append(YouSaidWeDidWords.OpenFor(days)).ToList();
            return new ForumFollowUpView(r.Id, entry.Kind, r.Text, r.About, r.Said, r.OwnerName, r.OwnerPicture, entry.OwnerRole, r.MeetingId,
                r.SaidOn, entry.Status, r.Note, r.OpenedAt, days, lines);
        }).ToList());
    }
}
