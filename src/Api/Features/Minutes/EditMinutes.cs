using ForumHub.Api.Persistence;
using ForumHub.Api.Runtime;
using MediatR;

namespace ForumHub.Api.Features.Minutes;

/// <summary>
/// The facilitator (ideally with a member) saves their changes to the Easy Read Markdown as a new version. BasedOn
/// must be the latest version, so nobody overwrites a change they have not seen. The standard text is kept unless
/// a new one is given.
/// </summary>
public sealed record EditMinutes(Caller Caller, int BasedOn, string EasyReadMarkdown, string? StandardMarkdown) : IRequest<MinutesVersionView>;

public sealed class EditMinutesHandler(ForumDbContext db, MeetingRuntime runtime, TimeProvider clock) : IRequestHandler<EditMinutes, MinutesVersionView>
{
    public async Task<MinutesVersionView> Handle(EditMinutes request, CancellationToken ct)
    {
        MinutesStore.RequireFacilitator(request.Caller);
        var store = new MinutesStore(db, runtime, clock);
        var meetingId = request.Caller.MeetingId;
        var facts = await store.FactsAsync(meetingId, ct);
        var based = await store.VersionAsync(meetingId, request.BasedOn, ct);
        var row = await store.AddVersionAsync(meetingId, request.Caller, facts.NameOf(request.Caller.ParticipantId),
            (request.EasyReadMarkdown ?? "").ReplaceLineEndings("\n"), (request.StandardMarkdown ?? based.Standard).ReplaceLineEndings("\n"),
            "edited", request.BasedOn, based.MeetingSeq, based.NextMeeting, ct);
        return MinutesStore.View(row, null, facts);
    }
}
