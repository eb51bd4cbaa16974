using ForumHub.Api.Runtime;
using MediatR;

namespace ForumHub.Api.Features.Meetings;

public sealed record GetSnapshot(Guid MeetingId) : IRequest<MeetingSnapshot>;

public sealed class GetSnapshotHandler(MeetingRuntime runtime) : IRequestHandler<GetSnapshot, MeetingSnapshot>
{
    public Task<MeetingSnapshot> Handle(GetSnapshot request, CancellationToken ct) =>
        runtime.ReadAsync(request.MeetingId, MeetingSnapshot.Of, ct);
}
