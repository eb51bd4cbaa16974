using System.Text.Json.Serialization;
using ForumHub.Api.Access;
using ForumHub.Api.Audit;
using ForumHub.Api.Persistence;
using ForumHub.Api.Runtime;
using ForumHub.Domain.Meetings;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ForumHub.Api.Features.Forums;

/// <summary>
/// Someone who came to one of the forum's meetings with its join code is added to the forum after, keeping the name
/// and picture they chose; their participant in that meeting is linked to the new forum member (participants
/// .forum_member_id), so that meeting counts as one they came to. A member of the meeting becomes a member, a
/// listener a listener. The answer carries their first forum card's code.
/// </summary>
public sealed record AddNewcomerToForum(Guid MeetingId, Guid ParticipantId, string? Represents, string? UsualSupporter, string? RoleWords, bool? KeepsRecord)
    : IRequest<ForumMemberCreated>
{
    [JsonIgnore] public AccountCaller Account { get; init; } = null!;
    [JsonIgnore] public Guid ForumId { get; init; }
}

public sealed class AddNewcomerToForumHandler(ForumDbContext db, AuditLog audit, TimeProvider clock, IIdSource ids, ILogger<AddNewcomerToForumHandler> log)
    : IRequestHandler<AddNewcomerToForum, ForumMemberCreated>
{
    public async Task<ForumMemberCreated> Handle(AddNewcomerToForum request, CancellationToken ct)
    {
        var forum = await ForumRules.ForumAsync(db, request.Account, request.ForumId, log, ct);
        var person = await (from p in db.Participants
                            join o in db.MeetingOwners on p.MeetingId equals o.MeetingId
                            where p.Id == request.ParticipantId && p.MeetingId == request.MeetingId && o.ForumId == forum.Id
                            select p).FirstOrDefaultAsync(ct);
        if (person is null || person.Removed || person.Role is not (nameof(Role.Member) or nameof(Role.Listener)))
            throw new CommandException(ForumErrorCodes.ParticipantNotFound, "We could not find this person in the forum's meetings.", StatusCodes.Status404NotFound);
        if (person.ForumMemberId is not null)
            throw new CommandException(ForumErrorCodes.AlreadyInForum, "This person is on the forum's list already.", StatusCodes.Status409Conflict);

        var kind = person.Role == nameof(Role.Listener) ? ForumRules.Listener : ForumRules.Member;
        var row = ForumMemberFields.Build(ids.NewId(), forum.Id, kind, person.DisplayName, person.Picture, request.Represents,
            request.UsualSupporter, request.RoleWords, request.KeepsRecord, clock.GetUtcNow());
        var card = await ForumMemberFields.AddWithFirstCardAsync(db, forum, row, ct);
        // The member row must exist before the participant points at it: two saves in one transaction.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        person.ForumMemberId = row.Id;
        audit.Add(db, new AuditLog.Entry("forum.newcomer_added", request.Account.OrganisationId, request.Account.AccountId,
            request.MeetingId, person.Id, Target: row.Id.ToString()));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new ForumMemberCreated(ForumMemberView.Of(row), card);
    }
}
