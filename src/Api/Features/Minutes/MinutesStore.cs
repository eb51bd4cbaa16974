using System.Text;
using ForumHub.Api.Features.Minutes.Writing;
using ForumHub.Api.Persistence;
using ForumHub.Api.Runtime;
using ForumHub.Domain.Meetings;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ForumHub.Api.Features.Minutes;

public static class MinutesErrorCodes
{
    public const string NoMinutes = "minutes_not_found";
    public const string NotPublished = "minutes_not_published";
    public const string VersionNotFound = "minutes_version_not_found";
    public const string PublicationNotFound = "minutes_publication_not_found";
    public const string AlreadyPublished = "minutes_already_published";
    public const string VersionAlreadyPublished = "minutes_version_already_published";
    public const string Changed = "minutes_changed";
    public const string MeetingNotClosed = "meeting_not_closed";
    public const string TooLong = "minutes_too_long";
    public const string NoteNeeded = "correction_note_needed";
    public const string FormattingNotAllowed = "minutes_formatting_not_allowed"; // MinutesPlainText.FormattingNotAllowed
}

public sealed record MinutesVersionSummary(int Number, string Source, string AuthorName, DateTimeOffset CreatedAt, int? BasedOn,
    int? PublishedAs);

public sealed record MinutesVersionView(
    int Number, string Source, Guid AuthorId, string AuthorName, DateTimeOffset CreatedAt, int? BasedOn, long MeetingSeq,
    DateOnly? NextMeeting, int? PublishedAs, string EasyReadMarkdown, string StandardMarkdown, CheckReport Check,
    IReadOnlyList<PlainSection> EasyReadSections);

public sealed record PublicationView(
    int Number, int Version, DateTimeOffset PublishedAt, string PublishedByName, string? ReviewedWithName, int? Corrects,
    string? CorrectionNote, bool IsCurrent, int? SupersededBy);

public sealed record MinutesStatus(bool Published, PublicationView? Current, IReadOnlyList<PublicationView> Publications);

/// <summary>A rendered file: the text, its content type, and a file name when it is a download.</summary>
public sealed record MinutesFile(string Content, string ContentType, string? DownloadName);

/// <summary>Sent to every device in the meeting once a publication is committed.</summary>
public sealed record MinutesReady(Guid MeetingId, int Publication, int Version, bool IsCorrection, DateTimeOffset PublishedAt,
    string EasyReadPath, string StandardPath);

/// <summary>What the minutes features need of the live meeting, read in one consistent step.</summary>
public sealed record MeetingFacts(string Title, DateOnly Date, Phase Phase, long Seq, IReadOnlyDictionary<Guid, Participant> People,
    IReadOnlyList<string> UserPhrases)
{
    public static MeetingFacts Of(Meeting m) => new(m.Title, EasyReadText.LocalDate(m.CreatedAt, EasyReadText.UkTime), m.Phase, m.Version,
        m.Participants.ToDictionary(p => p.Id),
        [
            .. m.Participants.Select(p => p.DisplayName), .. m.Items.Select(i => i.Title), .. m.Polls.Select(p => p.Question),
            .. m.Polls.SelectMany(p => p.Options.Select(o => o.Label)), m.Title,
        ]);

    public string NameOf(Guid id) => People.TryGetValue(id, out var p) ? p.DisplayName : "Someone";
}

/// <summary>Versions and publications of a meeting's minutes in PostgreSQL. Rows are only ever added.</summary>
public sealed class MinutesStore(ForumDbContext db, MeetingRuntime runtime, TimeProvider clock)
{
    public const int MaxMarkdown = 200_000;

    public Task<MeetingFacts> FactsAsync(Guid meetingId, CancellationToken ct) => runtime.ReadAsync(meetingId, MeetingFacts.Of, ct);

    public static void RequireFacilitator(Caller caller)
    {
        if (caller.Role != Role.Facilitator)
            throw new CommandException(ApiErrorCodes.NotAllowed, "Only the facilitator can do this.", 403);
    }

    public async Task<MinutesVersionRow> AddVersionAsync(Guid meetingId, Caller author, string authorName, string easyRead, string standard,
        string source, int? basedOn, long meetingSeq, DateOnly? nextMeeting, CancellationToken ct)
    {
        if (easyRead.Length > MaxMarkdown || standard.Length > MaxMarkdown)
            throw new CommandException(MinutesErrorCodes.TooLong, $"The minutes are too long. Please keep them under {MaxMarkdown} letters.");
        var number = await db.MinutesVersions.Where(v => v.MeetingId == meetingId).MaxAsync(v => (int?)v.Number, ct) ?? 0;
        if (basedOn is { } based && based != number)
            throw new CommandException(MinutesErrorCodes.Changed,
                $"Someone saved version {number} after version {based}. Please open version {number} and make your change again.", 409);
        var row = new MinutesVersionRow
        {
            Id = Guid.NewGuid(),
            MeetingId = meetingId,
            Number = number + 1,
            EasyRead = easyRead,
            Standard = standard,
            Source = source,
            BasedOn = basedOn,
            AuthorId = author.ParticipantId,
            AuthorName = authorName,
            CreatedAt = clock.GetUtcNow(),
            MeetingSeq = meetingSeq,
            NextMeeting = nextMeeting,
        };
        db.MinutesVersions.Add(row);
        await SaveAsync("Someone saved the minutes at the same moment. Please try again.", ct);
        return row;
    }

    public async Task<MinutesVersionRow> VersionAsync(Guid meetingId, int number, CancellationToken ct) =>
        await db.MinutesVersions.AsNoTracking().FirstOrDefaultAsync(v => v.MeetingId == meetingId && v.Number == number, ct)
        ?? throw new CommandException(MinutesErrorCodes.VersionNotFound, $"There is no version {number} of these minutes.", 404);

    public async Task<List<MinutesVersionRow>> VersionsAsync(Guid meetingId, CancellationToken ct) =>
        await db.MinutesVersions.AsNoTracking().Where(v => v.MeetingId == meetingId).OrderBy(v => v.Number).ToListAsync(ct);

    public async Task<List<MinutesPublicationRow>> PublicationsAsync(Guid meetingId, CancellationToken ct) =>
        await db.MinutesPublications.AsNoTracking().Where(p => p.MeetingId == meetingId).OrderBy(p => p.Number).ToListAsync(ct);

    public async Task<MinutesPublicationRow> PublishAsync(Guid meetingId, MinutesVersionRow version, Caller by, string byName,
        Guid? reviewedWith, string? reviewedWithName, int? corrects, string? note, CancellationToken ct)
    {
        var number = await db.MinutesPublications.Where(p => p.MeetingId == meetingId).MaxAsync(p => (int?)p.Number, ct) ?? 0;
        var row = new MinutesPublicationRow
        {
            Id = Guid.NewGuid(),
            MeetingId = meetingId,
            Number = number + 1,
            VersionId = version.Id,
            PublishedAt = clock.GetUtcNow(),
            PublishedById = by.ParticipantId,
            PublishedByName = byName,
            ReviewedWithId = reviewedWith,
            ReviewedWithName = reviewedWithName,
            Corrects = corrects,
            CorrectionNote = note,
        };
        db.MinutesPublications.Add(row);
        await SaveAsync("The minutes were published at the same moment. Please look again.", ct);
        return row;
    }

    private async Task SaveAsync(string conflictMessage, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } unique)
        {
            throw unique.ConstraintName == "ix_minutes_publications_version_id"
                ? new CommandException(MinutesErrorCodes.VersionAlreadyPublished, "This version is already published.", 409)
                : new CommandException(ApiErrorCodes.Conflict, conflictMessage, 409, retriable: true);
        }
    }

    public static IReadOnlyList<PublicationView> Views(List<MinutesPublicationRow> publications, IReadOnlyList<MinutesVersionRow> versions)
    {
        var numbers = versions.ToDictionary(v => v.Id, v => v.Number);
        return publications.Select((p, i) => new PublicationView(p.Number, numbers.GetValueOrDefault(p.VersionId), p.PublishedAt, p.PublishedByName,
            p.ReviewedWithName, p.Corrects, p.CorrectionNote, i == publications.Count - 1,
            i == publications.Count - 1 ? null : publications[i + 1].Number)).ToList();
    }

    public static MinutesVersionView View(MinutesVersionRow v, int? publishedAs, MeetingFacts facts) => new(
        v.Number, v.Source, v.AuthorId, v.AuthorName, v.CreatedAt, v.BasedOn, v.MeetingSeq, v.NextMeeting, publishedAs, v.EasyRead, v.Standard,
        EasyReadChecker.Check(v.EasyRead, MinutesStyle.Default, facts.UserPhrases), MinutesPlainText.ToPlain(v.EasyRead));

    public static string FileName(string title, string kind, string extension)
    {
        var slug = new StringBuilder();
        foreach (var c in title.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c)) slug.Append(c);
            else if (slug.Length > 0 && slug[^1] != '-') slug.Append('-');
        }
        var name = slug.ToString().Trim('-');
        if (name.Length > 40) name = name[..40].TrimEnd('-');
        return $"minutes-{(name.Length == 0 ? "meeting" : name)}-{kind}.{extension}";
    }
}
