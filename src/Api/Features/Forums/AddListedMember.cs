using ForumHub.Api.Audit;
using ForumHub.Api.Persistence;
using ForumHub.Api.Runtime;
using ForumHub.Domain.Meetings;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ForumHub.Api.Features.Forums;

/// <summary>
/// One tap: the meeting's facilitator adds a member from the forum's list who is in the room without a device. The
/// same path as AddMemberWithoutDevice (the domain's rules, the same participantJoined), with the name and picture from
/// the list and the participant linked to the forum member.
/// </summary>
public sealed record AddListedMember(Guid CommandId, Caller Caller, Guid ForumMemberId) : IRequest<CommandAck>, IIdempotentRequest, IMeetingWrite
{
    Guid IMeetingWrite.WrittenMeetingId => Caller.MeetingId;
}

public sealed class AddListedMemberHandler(MeetingRuntime runtime, ForumDbContext db, IIdSource ids) : IRequestHandler<AddListedMember, CommandAck>
{
    public async Task<CommandAck> Handle(AddListedMember request, CancellationToken ct)
    {
        var forumId = await ListedMembers.ForumOfAsync(db, request.Caller.MeetingId, ct);
        var member = await db.ForumMembers.AsNoTracking()
            .FirstOrDefaultAsync(m => m.Id == request.ForumMemberId && m.ForumId == forumId && m.Kind == ForumRules.Member, ct)
            ?? throw new CommandException(ForumErrorCodes.MemberNotFound, "We could not find this member on the forum's list.", StatusCodes.Status404NotFound);
        return await runtime.ExecuteAsync(request.Caller.MeetingId, request.CommandId, nameof(AddListedMember), request.Caller.ParticipantId,
            (meeting, now) =>
            {
                var added = meeting.AddMemberWithoutDevice(request.Caller.ParticipantId, ids.NewId(), member.DisplayName, member.Picture, null, now, member.Id);
                return new CommandOutcome<CommandAck>(new CommandAck(meeting.Version, added.Id),
                    Audit: AuditLog.ForCommand(request.Caller, nameof(AddListedMember), added.Id));
            }, ct);
    }
}

/// <summary>The forum's members and listeners as the meeting's facilitator sees them: who is here already.</summary>
public sealed record ListedMemberView(Guid Id, string Kind, string DisplayName, string? Picture, string? Represents, Guid? ParticipantId);

public sealed record ListListedMembers(Caller Caller) : IRequest<IReadOnlyList<ListedMemberView>>;

public sealed class ListListedMembersHandler(ForumDbContext db) : IRequestHandler<ListListedMembers, IReadOnlyList<ListedMemberView>>
{
    public async Task<IReadOnlyList<ListedMemberView>> Handle(ListListedMembers request, CancellationToken ct)
    {
        var meetingId = request.Caller.MeetingId;
        var forumId = await ListedMembers.ForumOfAsync(db, meetingId, ct);
        var here = await db.Participants.AsNoTracking().Where(p => p.MeetingId == meetingId && p.ForumMemberId != null && !p.Removed)
            .Select(p => new { p.Id, p.ForumMemberId }).ToListAsync(ct);
        var people = await db.ForumMembers.AsNoTracking().Where(m => m.ForumId == forumId).OrderBy(m => m.Kind).ThenBy(m => m.DisplayName).ToListAsync(ct);
        return people.Select(m => new ListedMemberView(m.Id, m.Kind, m.DisplayName, m.Picture, m.Represents,
            here.FirstOrDefault(h => h.ForumMemberId == m.Id)?.Id)).ToList();
    }
}

public static class ListedMembers
{
    public static async Task<Guid> ForumOfAsync(ForumDbContext db, Guid meetingId, CancellationToken ct) =>
        await db.MeetingOwners.AsNoTracking().Where(o => o.MeetingId == meetingId).Select(o => o.ForumId).FirstOrDefaultAsync(ct)
        ?? throw new CommandException(ForumErrorCodes.NotAForumMeeting, "This meeting is not a meeting of a forum, so it has no list of members.",
            StatusCodes.Status404NotFound);
}
