using ForumHub.Api.Features.Minutes.Writing;
using ForumHub.Api.Persistence;
using ForumHub.Api.Runtime;
using MediatR;

namespace ForumHub.Api.Features.Minutes;

/// <summary>The facilitator generates a new draft (Easy Read and standard) from the meeting as it stands.</summary>
public sealed record GenerateMinutes(Caller Caller, DateOnly? NextMeeting) : IRequest<MinutesVersionView>;

public sealed class GenerateMinutesHandler(ForumDbContext db, MeetingRuntime runtime, TimeProvider clock)
    : IRequestHandler<GenerateMinutes, MinutesVersionView>
{
    public async Task<MinutesVersionView> Handle(GenerateMinutes request, CancellationToken ct)
    {
        MinutesStore.RequireFacilitator(request.Caller);
        var store = new MinutesStore(db, runtime, clock);
        var options = new MinutesOptions(request.NextMeeting);
        var (easyRead, standard, facts) = await runtime.ReadAsync(request.Caller.MeetingId,
            m => (EasyReadGenerator.Generate(m, options), StandardGenerator.Generate(m, options), MeetingFacts.Of(m)), ct);
        var row = await store.AddVersionAsync(request.Caller.MeetingId, request.Caller, facts.NameOf(request.Caller.ParticipantId),
            easyRead, standard, "generated", null, facts.Seq, request.NextMeeting, ct);
        return MinutesStore.View(row, null, facts);
    }
}
