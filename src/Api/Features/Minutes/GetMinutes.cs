using ForumHub.Api.Features.Minutes.Writing;
using ForumHub.Api.Persistence;
using ForumHub.Api.Runtime;
using ForumHub.Domain.Meetings;
using MediatR;

namespace ForumHub.Api.Features.Minutes;

public enum MinutesKind { EasyRead, Standard }

public enum MinutesFormat { Html, Markdown }

/// <summary>Whether minutes are published, and every publication (anyone in the meeting, listeners included).</summary>
public sealed record GetMinutesStatus(Caller Caller) : IRequest<MinutesStatus>;

/// <summary>
/// Published minutes for anyone in the meeting: the current publication unless an earlier one is asked for, as a
/// page, a self-contained .html download, or Markdown.
/// </summary>
public sealed record GetPublishedMinutes(Caller Caller, MinutesKind Kind, MinutesFormat Format, int? Publication, bool Download)
    : IRequest<MinutesFile>;

/// <summary>A draft version as it will look (facilitator only).</summary>
public sealed record PreviewMinutes(Caller Caller, int Version, MinutesKind Kind) : IRequest<MinutesFile>;

/// <summary>The print pack: one copy of the Easy Read minutes per named person, each starting on a new sheet.</summary>
public sealed record PrintMinutesPack(Caller Caller, IReadOnlyList<Guid> For) : IRequest<MinutesFile>;

public sealed class GetMinutesHandler(ForumDbContext db, MeetingRuntime runtime, TimeProvider clock)
    : IRequestHandler<GetMinutesStatus, MinutesStatus>, IRequestHandler<GetPublishedMinutes, MinutesFile>,
        IRequestHandler<PreviewMinutes, MinutesFile>, IRequestHandler<PrintMinutesPack, MinutesFile>
{
    public async Task<MinutesStatus> Handle(GetMinutesStatus request, CancellationToken ct)
    {
        var store = new MinutesStore(db, runtime, clock);
        var publications = await store.PublicationsAsync(request.Caller.MeetingId, ct);
        var views = MinutesStore.Views(publications, publications.Count == 0 ? [] : await store.VersionsAsync(request.Caller.MeetingId, ct));
        return new MinutesStatus(views.Count > 0, views.LastOrDefault(), views);
    }

    public async Task<MinutesFile> Handle(GetPublishedMinutes request, CancellationToken ct)
    {
        var store = new MinutesStore(db, runtime, clock);
        var meetingId = request.Caller.MeetingId;
        var (publication, version, notices) = await PublishedAsync(store, meetingId, request.Publication, ct);
        var facts = await store.FactsAsync(meetingId, ct);
        var markdown = request.Kind == MinutesKind.EasyRead ? version.EasyRead : version.Standard;
        var kind = request.Kind == MinutesKind.EasyRead ? "easy-read" : "standard";
        if (request.Format == MinutesFormat.Markdown)
            return new MinutesFile(markdown, "text/markdown; charset=utf-8",
                request.Download ? MinutesStore.FileName(facts.Title, $"{kind}-{publication.Number}", "md") : null);
        var html = MinutesRenderer.Page(markdown, PageTitle(request.Kind, facts), MinutesStyle.Default, notices);
        return new MinutesFile(html, "text/html; charset=utf-8",
            request.Download ? MinutesStore.FileName(facts.Title, $"{kind}-{publication.Number}", "html") : null);
    }

    public async Task<MinutesFile> Handle(PreviewMinutes request, CancellationToken ct)
    {
        MinutesStore.RequireFacilitator(request.Caller);
        var store = new MinutesStore(db, runtime, clock);
        var version = await store.VersionAsync(request.Caller.MeetingId, request.Version, ct);
        var facts = await store.FactsAsync(request.Caller.MeetingId, ct);
        var draft = new MinutesNotice("This is a draft", ["These minutes are not published yet.", $"This is version {version.Number}."]);
        var markdown = request.Kind == MinutesKind.EasyRead ? version.EasyRead : version.Standard;
        return new MinutesFile(MinutesRenderer.Page(markdown, "Draft: " + PageTitle(request.Kind, facts), MinutesStyle.Default, [draft]),
            "text/html; charset=utf-8", null);
    }

    public async Task<MinutesFile> Handle(PrintMinutesPack request, CancellationToken ct)
    {
        MinutesStore.RequireFacilitator(request.Caller);
        var store = new MinutesStore(db, runtime, clock);
        var meetingId = request.Caller.MeetingId;
        var (_, version, notices) = await PublishedAsync(store, meetingId, null, ct);
        var facts = await store.FactsAsync(meetingId, ct);
        var people = request.For.Count > 0
            ? request.For.Select(id => facts.People.TryGetValue(id, out var p) && p.Role != Role.Screen
                ? p
                : throw new CommandException("participant_not_found", "We could not find that person in this meeting.", 404)).ToList()
            : facts.People.Values.Where(p => p.Role is Role.Member or Role.Listener).OrderBy(p => p.JoinedAt).ToList();
        var html = MinutesRenderer.Pack(version.EasyRead, "Print pack: " + PageTitle(MinutesKind.EasyRead, facts), people.Select(p => p.DisplayName),
            MinutesStyle.Default, notices);
        return new MinutesFile(html, "text/html; charset=utf-8", null);
    }

    private static string PageTitle(MinutesKind kind, MeetingFacts facts) =>
        $"{(kind == MinutesKind.EasyRead ? "Easy Read minutes" : "Minutes")}: {facts.Title}, {EasyReadText.FullDate(facts.Date)}";

    private static async Task<(MinutesPublicationRow, MinutesVersionRow, List<MinutesNotice>)> PublishedAsync(MinutesStore store, Guid meetingId,
        int? number, CancellationToken ct)
    {
        var publications = await store.PublicationsAsync(meetingId, ct);
        if (publications.Count == 0)
            throw new CommandException(MinutesErrorCodes.NotPublished, "The minutes are not ready yet. You will see a message when they are.", 404);
        var publication = number is { } n
            ? publications.FirstOrDefault(p => p.Number == n)
              ?? throw new CommandException(MinutesErrorCodes.PublicationNotFound, $"There is no publication {n} of these minutes.", 404)
            : publications[^1];
        var version = (await store.VersionsAsync(meetingId, ct)).Single(v => v.Id == publication.VersionId);
        var notices = new List<MinutesNotice>();
        if (publication.Corrects is { } corrects && publications.FirstOrDefault(p => p.Number == corrects) is { } corrected)
            notices.Add(new MinutesNotice("This is a correction",
                [$"These minutes replace the minutes from {UkDate(corrected.PublishedAt)}.", "This is what changed:"], publication.CorrectionNote));
        if (publications[^1].Number != publication.Number)
            notices.Add(new MinutesNotice("These minutes were corrected",
                [$"New minutes came out on {UkDate(publications[^1].PublishedAt)}.", "Please read the new minutes."]));
        return (publication, version, notices);
    }

    private static string UkDate(DateTimeOffset at) => EasyReadText.FullDate(EasyReadText.LocalDate(at, EasyReadText.UkTime));
}
