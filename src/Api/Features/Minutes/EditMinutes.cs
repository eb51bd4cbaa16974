using ForumHub.Api.Features.Minutes.Writing;
using ForumHub.Api.Persistence;
using ForumHub.Api.Runtime;
using MediatR;

namespace ForumHub.Api.Features.Minutes;

/// <summary>
/// The facilitator (ideally with a member) saves their changes to the Easy Read Markdown as a new version. BasedOn
/// must be the latest version, so nobody overwrites a change they have not seen. The standard text is kept unless
/// a new one is given.
/// The web app sends plain words per section (Sections), never Markdown; the server turns them into the
/// stored Markdown (MinutesPlainText). EasyReadMarkdown is still taken from API clients, without italics or links.
/// </summary>
public sealed record EditMinutes(Caller Caller, int BasedOn, string? EasyReadMarkdown, string? StandardMarkdown,
    IReadOnlyList<PlainSectionEdit>? Sections = null) : IRequest<MinutesVersionView>;

public sealed class EditMinutesHandler(ForumDbContext db, MeetingRuntime runtime, TimeProvider clock) : IRequestHandler<EditMinutes, MinutesVersionView>
{
    public async Task<MinutesVersionView> Handle(EditMinutes request, CancellationToken ct)
    {
        MinutesStore.RequireFacilitator(request.Caller);
        var store = new MinutesStore(db, runtime, clock);
        var meetingId = request.Caller.MeetingId;
        var facts = await store.FactsAsync(meetingId, ct);
        var based = await store.VersionAsync(meetingId, request.BasedOn, ct);
        var easyRead = EasyReadOf(request.Sections, request.EasyReadMarkdown, based.EasyRead);
        var row = await store.AddVersionAsync(meetingId, request.Caller, facts.NameOf(request.Caller.ParticipantId), easyRead, (request.StandardMarkdown ?? based.Standard).ReplaceLineEndings("\n"),
            "edited", request.BasedOn, based.MeetingSeq, based.NextMeeting, ct);
        return MinutesStore.View(row, null, facts);
    }

    /// <summary>
    /// The Easy Read Markdown an edit asks for: from plain words per section, or Markdown with no italics or links
    /// (a check of unsaved Markdown reports them as findings instead: <paramref name="saving"/> false).
    /// </summary>
    public static string EasyReadOf(IReadOnlyList<PlainSectionEdit>? sections, string? markdown, string basedOn, bool saving = true)
    {
        if (sections is not null && markdown is not null)
            throw new CommandException(ApiErrorCodes.InvalidRequest, "Please send either the sections in plain words or the Markdown, not both.");
        if (sections is not null) return MinutesPlainText.FromPlain(basedOn, sections);
        var text = (markdown ?? "").ReplaceLineEndings("\n");
        if (text.Length > MinutesStore.MaxMarkdown)
            throw new CommandException(MinutesErrorCodes.TooLong, $"The minutes are too long. Please keep them under {MinutesStore.MaxMarkdown} letters.");
        if (saving) MinutesPlainText.RequireNoItalicsOrLinks(text);
        return text;
    }
}
