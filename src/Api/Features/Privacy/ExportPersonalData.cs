using ForumHub.Api.Features.Forums;
using ForumHub.Api.Features.Review;
using ForumHub.Api.Persistence;
using ForumHub.Api.Runtime;
using ForumHub.Domain.Rules;
using MediatR;

namespace ForumHub.Api.Features.Privacy;

/// <summary>
/// One person's data in one meeting (JSON or an Easy Read page). Their own export shows their secret votes; an
/// export a facilitator makes for them on request does not.
/// </summary>
public sealed record ExportPersonalData(Guid MeetingId, Guid ParticipantId, bool ShowSecretVotes) : IRequest<PersonalDataExport>;

public sealed class ExportPersonalDataHandler(MeetingRuntime runtime, TimeProvider clock, ForumDbContext db)
    : IRequestHandler<ExportPersonalData, PersonalDataExport>
{
    public async Task<PersonalDataExport> Handle(ExportPersonalData request, CancellationToken ct)
    {
        var export = await ReadAsync(request, ct);
        // The forum's follow-up list outlives the meeting's events: what this person owns there (Features/Review); and a
        // card holder's record on the forum's list of members (Features/Forums).
        return export with
        {
            ForumFollowUps = await FollowUpExport.OfAsync(db, request.ParticipantId, ct),
            ForumMember = await ForumMemberRecord.OfParticipantAsync(db, request.ParticipantId, clock.GetUtcNow(), ct),
        };
    }

    private async Task<PersonalDataExport> ReadAsync(ExportPersonalData request, CancellationToken ct) =>
        await runtime.ReadAsync(request.MeetingId, meeting => meeting.Participants.Any(p => p.Id == request.ParticipantId)
            ? PersonalDataExport.Of(meeting, request.ParticipantId, request.ShowSecretVotes, clock.GetUtcNow())
            : null, ct)
        ?? throw new CommandException(ErrorCodes.ParticipantNotFound, "We could not find this person in this meeting.", StatusCodes.Status404NotFound);
}
