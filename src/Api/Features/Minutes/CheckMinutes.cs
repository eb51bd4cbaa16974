using ForumHub.Api.Features.Minutes.Writing;
using ForumHub.Api.Persistence;
using ForumHub.Api.Runtime;
using MediatR;

namespace ForumHub.Api.Features.Minutes;

/// <summary>
/// Checks Easy Read words that are not saved yet, while the facilitator edits them (facilitator only): plain words per
/// section of version BasedOn (what the web app sends), or Markdown.
/// </summary>
public sealed record CheckMinutes(Caller Caller, string? EasyReadMarkdown, int? BasedOn = null, IReadOnlyList<PlainSectionEdit>? Sections = null)
    : IRequest<CheckReport>;

public sealed class CheckMinutesHandler(ForumDbContext db, MeetingRuntime runtime, TimeProvider clock) : IRequestHandler<CheckMinutes, CheckReport>
{
    public async Task<CheckReport> Handle(CheckMinutes request, CancellationToken ct)
    {
        MinutesStore.RequireFacilitator(request.Caller);
        var store = new MinutesStore(db, runtime, clock);
        var basedOn = request.Sections is null ? "" : request.BasedOn is { } number
            ? (await store.VersionAsync(request.Caller.MeetingId, number, ct)).EasyRead
            : throw new CommandException(ApiErrorCodes.InvalidRequest, "Please say which draft these words change (basedOn).");
        var markdown = EditMinutesHandler.EasyReadOf(request.Sections, request.Sections is null ? request.EasyReadMarkdown ?? "" : null, basedOn, saving: false);
        var facts = await store.FactsAsync(request.Caller.MeetingId, ct);
        return EasyReadChecker.Check(markdown, MinutesStyle.Default, facts.UserPhrases);
    }
}
