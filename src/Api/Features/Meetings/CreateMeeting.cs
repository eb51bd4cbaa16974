using System.Text.Json.Serialization;
using ForumHub.Api.Access;
using ForumHub.Api.Audit;
using ForumHub.Api.Features.Review;
using ForumHub.Api.Persistence;
using ForumHub.Api.Runtime;
using ForumHub.Domain.Meetings;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ForumHub.Api.Features.Meetings;

/// <summary>
/// Starts a meeting with a blank agenda. Only a signed-in facilitator account may (Access/AccessTable.cs); the
/// meeting belongs to the account's organisation (and ForumId, if given) and the creator becomes its facilitator.
/// </summary>
public sealed record CreateMeeting(Guid CommandId, string Title, string FacilitatorName, Guid? ForumId = null)
    : IRequest<CreatedMeeting>, IIdempotentRequest
{
    /// <summary>Set by the endpoint from the facilitator cookie; never read from the request body.</summary>
    [JsonIgnore]
    public AccountCaller? Account { get; init; }
}

/// <summary>Tokens are shown once; a repeat of the same command gets fresh tokens for the same people.</summary>
public sealed record CreatedMeeting(
    Guid MeetingId, Guid FacilitatorId, string? FacilitatorToken, string JoinCode, string ListenerCode,
    Guid ScreenId, string? ScreenToken, long Seq);

public sealed class CreateMeetingHandler(MeetingRuntime runtime, AccessTokens tokens, ForumDbContext db, TimeProvider clock, IIdSource ids, AuditLog audit)
    : IRequestHandler<CreateMeeting, CreatedMeeting>
{
    public async Task<CreatedMeeting> Handle(CreateMeeting request, CancellationToken ct)
    {
        var account = request.Account
            ?? throw new CommandException(ApiErrorCodes.Unauthenticated, "Please sign in as a facilitator to start a meeting.", StatusCodes.Status401Unauthorized);
        if (await runtime.FindAppliedAsync<CreatedMeeting>(request.CommandId, nameof(CreateMeeting), ct) is { } earlier)
        {
            // A repeat hands out fresh tokens: only to the organisation that owns the meeting.
            if (!await db.MeetingOwners.AnyAsync(o => o.MeetingId == earlier.MeetingId && o.OrganisationId == account.OrganisationId, ct))
                throw new CommandException(ApiErrorCodes.DuplicateCommandId, "This command id was already used. Please send a new one.", StatusCodes.Status409Conflict);
            return await ReissueAsync(earlier, ct);
        }
        if (request.ForumId is { } forumId && !await db.Forums.AnyAsync(f => f.Id == forumId && f.OrganisationId == account.OrganisationId, ct))
            throw new CommandException(AccountErrorCodes.ForumNotFound, "We could not find this forum.", StatusCodes.Status404NotFound);

        var now = clock.GetUtcNow();
        var meeting = Meeting.Create(ids.NewId(), request.Title, now);
        var facilitator = meeting.Join(ids.NewId(), request.FacilitatorName, Role.Facilitator, null, null, now);
        var screen = meeting.Join(ids.NewId(), "Shared screen", Role.Screen, "screen", null, now);
        // A forum's meeting opens with what earlier meetings left open (Features/Review); nothing open, no review.
        if (request.ForumId is { } forum) meeting.PrepareReview(await ForumFollowUps.ForReviewAsync(db, forum, ct));
        var facilitatorAccess = tokens.Issue(meeting.Id, facilitator.Id, Role.Facilitator);
        var screenAccess = tokens.Issue(meeting.Id, screen.Id, Role.Screen);
        var row = new MeetingRow
        {
            Id = meeting.Id,
            Title = meeting.Title,
            Phase = meeting.Phase.ToString(),
            CreatedAt = now,
            JoinCode = await FreeCodeAsync(JoinCodes.MemberLength, ct),
            ListenerCode = await FreeCodeAsync(JoinCodes.ListenerLength, ct),
        };
        var result = new CreatedMeeting(meeting.Id, facilitator.Id, facilitatorAccess.Token, row.JoinCode, row.ListenerCode,
            screen.Id, screenAccess.Token, meeting.Version);
        var owner = new MeetingOwnerRow
        {
            MeetingId = meeting.Id,
            OrganisationId = account.OrganisationId,
            ForumId = request.ForumId,
            CreatedByAccountId = account.AccountId,
            FacilitatorParticipantId = facilitator.Id,
            ScreenParticipantId = screen.Id,
        };
        var created = await runtime.CreateAsync(row, meeting, request.CommandId, nameof(CreateMeeting), [facilitatorAccess.Row, screenAccess.Row],
            result, result with { FacilitatorToken = null, ScreenToken = null }, ct, [owner]);
        await audit.WriteAsync(new AuditLog.Entry("meeting.created", account.OrganisationId, account.AccountId, meeting.Id, facilitator.Id), ct);
        return created;
    }

    private async Task<CreatedMeeting> ReissueAsync(CreatedMeeting earlier, CancellationToken ct)
    {
        var fresh = tokens.IssueInto(db, earlier.MeetingId, (earlier.FacilitatorId, Role.Facilitator), (earlier.ScreenId, Role.Screen));
        await db.SaveChangesAsync(ct);
        return earlier with { FacilitatorToken = fresh[0], ScreenToken = fresh[1] };
    }

    private async Task<string> FreeCodeAsync(int length, CancellationToken ct)
    {
        // 24^6 codes: a clash is rare, but check rather than hope.
        while (true)
        {
            var code = JoinCodes.New(length);
            if (!await db.Meetings.AnyAsync(m => m.JoinCode == code || m.ListenerCode == code, ct)) return code;
        }
    }
}
