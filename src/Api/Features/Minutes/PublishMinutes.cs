using ForumHub.Api.Features.Minutes.Writing;
using ForumHub.Api.Persistence;
using ForumHub.Api.Runtime;
using ForumHub.Domain.Meetings;
using MediatR;

namespace ForumHub.Api.Features.Minutes;

/// <summary>
/// Publishes a version after review: it is frozen from then on. The first publication uses Publish; every later one
/// is a Correction with a note saying what changed, and supersedes the one before. After the commit, every device in
/// the meeting is told "Your minutes are ready".
/// </summary>
public sealed record PublishMinutes(Caller Caller, int Version, Guid? ReviewedWithId) : IRequest<PublicationView>;

public sealed record CorrectMinutes(Caller Caller, int Version, string Note, Guid? ReviewedWithId) : IRequest<PublicationView>;

public sealed class PublishMinutesHandler(ForumDbContext db, MeetingRuntime runtime, TimeProvider clock, IMinutesReadyNotifier devices,
    ILogger<PublishMinutesHandler> log)
    : IRequestHandler<PublishMinutes, PublicationView>, IRequestHandler<CorrectMinutes, PublicationView>
{
    public const int MaxNote = 1000;

    public Task<PublicationView> Handle(PublishMinutes request, CancellationToken ct) =>
        PublishAsync(request.Caller, request.Version, request.ReviewedWithId, null, ct);

    public Task<PublicationView> Handle(CorrectMinutes request, CancellationToken ct)
    {
        var note = EasyReadText.Clean(request.Note);
        if (note.Length == 0)
            throw new CommandException(MinutesErrorCodes.NoteNeeded, "Please say what the correction changes.");
        if (note.Length > MaxNote)
            throw new CommandException(MinutesErrorCodes.TooLong, $"The note is too long. Please use {MaxNote} letters or fewer.");
        return PublishAsync(request.Caller, request.Version, request.ReviewedWithId, note, ct);
    }

    private async Task<PublicationView> PublishAsync(Caller caller, int versionNumber, Guid? reviewedWith, string? note, CancellationToken ct)
    {
        MinutesStore.RequireFacilitator(caller);
        var store = new MinutesStore(db, runtime, clock);
        var meetingId = caller.MeetingId;
        var facts = await store.FactsAsync(meetingId, ct);
        if (facts.Phase != Phase.Closed)
            throw new CommandException(MinutesErrorCodes.MeetingNotClosed, "Please close the meeting before you publish its minutes.", 409);
        string? reviewerName = null;
        if (reviewedWith is { } reviewer)
        {
            if (!facts.People.TryGetValue(reviewer, out var person) || person.Role is Role.Screen)
                throw new CommandException("participant_not_found", "We could not find that person in this meeting.", 404);
            reviewerName = person.DisplayName;
        }
        var version = await store.VersionAsync(meetingId, versionNumber, ct);
        var earlier = await store.PublicationsAsync(meetingId, ct);
        if (note is null && earlier.Count > 0)
            throw new CommandException(MinutesErrorCodes.AlreadyPublished,
                "These minutes are already published. To change them, publish a correction.", 409);
        if (note is not null && earlier.Count == 0)
            throw new CommandException(MinutesErrorCodes.NotPublished, "Nothing is published yet, so there is nothing to correct.", 409);
        if (earlier.Any(p => p.VersionId == version.Id))
            throw new CommandException(MinutesErrorCodes.VersionAlreadyPublished, "This version is already published.", 409);

        var row = await store.PublishAsync(meetingId, version, caller, facts.NameOf(caller.ParticipantId), reviewedWith, reviewerName,
            earlier.LastOrDefault()?.Number, note, ct);
        var versions = await store.VersionsAsync(meetingId, ct);
        var view = MinutesStore.Views([.. earlier, row], versions)[^1];

        var message = new MinutesReady(meetingId, row.Number, version.Number, note is not null, row.PublishedAt,
            $"/api/meetings/{meetingId}/minutes/easy-read.html", $"/api/meetings/{meetingId}/minutes/standard.html");
        try
        {
            await devices.MinutesReadyAsync(meetingId, message);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Published is published: a device that missed the message finds the minutes when it next asks.
            log.LogWarning(e, "Meeting {MeetingId}: telling devices about minutes {Publication} failed", meetingId, row.Number);
        }
        return view;
    }
}
