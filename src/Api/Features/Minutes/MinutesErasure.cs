using System.Text.RegularExpressions;
using ForumHub.Api.Features.Minutes.Writing;
using ForumHub.Api.Features.Privacy;
using ForumHub.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ForumHub.Api.Features.Minutes;

/// <summary>
/// Erasure reaches the saved minutes too: in every version and publication of the meeting's minutes the person's
/// name becomes "A member" (as the minutes writer escapes names, and as typed), the names kept beside them are
/// replaced by id, and what they said about themselves becomes "Removed on request.". Saved minutes are otherwise
/// never changed (a trigger refuses it); 0004_minutes_erasure.sql lets this transaction, and only it, through.
/// </summary>
public sealed class MinutesErasure : IPersonalDataEraser
{
    public async Task EraseAsync(ErasureContext context, CancellationToken ct)
    {
        var db = context.Db;
        var versions = await db.Set<MinutesVersionRow>().Where(v => v.MeetingId == context.MeetingId).ToListAsync(ct);
        var publications = await db.Set<MinutesPublicationRow>().Where(p => p.MeetingId == context.MeetingId).ToListAsync(ct);
        if (versions.Count == 0 && publications.Count == 0) return;

        await db.Database.ExecuteSqlRawAsync("SELECT set_config('forumhub.erasing', 'on', true)", ct);
        foreach (var v in versions)
        {
            v.EasyRead = Replace(v.EasyRead, context);
            v.Standard = Replace(v.Standard, context);
            if (v.AuthorId == context.ParticipantId) v.AuthorName = context.NewName;
        }
        foreach (var p in publications)
        {
            if (p.PublishedById == context.ParticipantId) p.PublishedByName = context.NewName;
            if (p.ReviewedWithId == context.ParticipantId) p.ReviewedWithName = context.NewName;
            if (p.CorrectionNote is not null) p.CorrectionNote = Replace(p.CorrectionNote, context);
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Whole-word replacement of the name and of each removed text, escaped as the minutes writer escapes user text.</summary>
    internal static string Replace(string markdown, ErasureContext context)
    {
        var result = markdown;
        foreach (var text in context.RemovedTexts.Where(t => !string.IsNullOrWhiteSpace(t)).Distinct())
            result = WholeWords(result, text, PersonalDataEraser.RemovedText);
        return WholeWords(result, context.OldName, context.NewName);
    }

    private static string WholeWords(string markdown, string said, string replacement)
    {
        foreach (var form in new[] { EasyReadText.Escape(said), said }.Distinct())
            markdown = Regex.Replace(markdown, $@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(form)}(?![\p{{L}}\p{{N}}])",
                EasyReadText.Escape(replacement).Replace("$", "$$", StringComparison.Ordinal));
        return markdown;
    }
}
