using MediatR;

namespace ForumHub.Api.Features.Privacy;

/// <summary>Deletes a person's name (and what they said about themselves) from a meeting, on their request.</summary>
public sealed record ErasePersonalData(Guid MeetingId, Guid ParticipantId, PersonalDataEraser.Requester By) : IRequest<PersonalDataErased>;

/// <summary>NewName is what the meeting and its minutes now show instead of the name.</summary>
public sealed record PersonalDataErased(Guid ParticipantId, string NewName);

public sealed class ErasePersonalDataHandler(PersonalDataEraser eraser) : IRequestHandler<ErasePersonalData, PersonalDataErased>
{
    public async Task<PersonalDataErased> Handle(ErasePersonalData request, CancellationToken ct) =>
        new(request.ParticipantId, await eraser.EraseAsync(request.MeetingId, request.ParticipantId, request.By, ct));
}
