using ForumHub.Api.Minutes;
using ForumHub.Api.Persistence;
using ForumHub.Api.Runtime;
using MediatR;

namespace ForumHub.Api.Features.Minutes;

/// <summary>Checks Easy Read Markdown that is not saved yet, while the facilitator edits it (facilitator only).</summary>
public sealed record CheckMinutes(Caller Caller, string EasyReadMarkdown) : IRequest<CheckReport>;

public sealed class CheckMinutesHandler(ForumDbContext db, MeetingRuntime runtime, TimeProvider clock) : IRequestHandler<CheckMinutes, CheckReport>
{
    public async Task<CheckReport> Handle(CheckMinutes request, CancellationToken ct)
    {
        MinutesStore.RequireFacilitator(request.Caller);
        var markdown = request.EasyReadMarkdown ?? "";
        if (markdown.Length > MinutesStore.MaxMarkdown)
            throw new CommandException(MinutesErrorCodes.TooLong, $"The minutes are too long. Please keep them under {MinutesStore.MaxMarkdown} letters.");
        var facts = await new MinutesStore(db, runtime, clock).FactsAsync(request.Caller.MeetingId, ct);
        return EasyReadChecker.Check(markdown, MinutesStyle.Default, facts.UserPhrases);
    }
}
