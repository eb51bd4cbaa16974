using ForumHub.Api.Infrastructure;
using ForumHub.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ForumHub.Api.Features.Forums;

/// <summary>A meeting role (chair, timekeeper, noteTaker, welcome) and in how many meetings they held it.</summary>
public sealed record RoleHeld(string Role, int Meetings);

/// <summary>The numbers of a member's forum record (ForumRecordSql.cs says what counts).</summary>
public sealed record ForumRecordCounts(
    int Meetings, DateOnly? FirstMeeting, DateOnly? LastMeeting, IReadOnlyList<RoleHeld> Roles,
    int IdeasProposed, int IdeasOnAgenda, int VotesCast, int ActionsOwned, int ActionsDone);

/// <summary>One Easy Read sentence of the record, with its picture, in a section (meetings, roles, ideas, votes, actions, consent).</summary>
public sealed record RecordLine(string Section, string Picture, string Text);

/// <summary>
/// "My forum record" (issue 14). Counts is null when the member said no to keeping a record (then Lines say so):
/// a withdrawn consent shows no numbers at all, not even those of the meetings before it.
/// </summary>
public sealed record ForumRecordView(
    Guid MemberId, string Kind, string DisplayName, string? Picture, string ForumName, bool KeepsRecord,
    ForumRecordCounts? Counts, IReadOnlyList<RecordLine> Lines, DateOnly MadeOn, string MadeOnWords);

public static class ForumRecord
{
    /// <summary>The roles a meeting can give, in the order they are shown (MeetingRole, JSON camelCase).</summary>
    public static readonly IReadOnlyList<string> RoleNames = ["chair", "timekeeper", "noteTaker", "welcome"];

    public static async Task<ForumRecordView> ComputeAsync(ForumDbContext db, ForumMemberRow member, string forumName, DateTimeOffset now, CancellationToken ct)
    {
        var today = EasyReadDates.UkDate(now);
        ForumRecordCounts? counts = null;
        if (member.KeepsRecord)
        {
            var f = (await db.Database.SqlQuery<ForumRecordSql.Row>(ForumRecordSql.Figures(member.Id)).ToListAsync(ct)).Single();
            var roles = (await db.Database.SqlQuery<ForumRecordSql.RoleRow>(ForumRecordSql.Roles(member.Id)).ToListAsync(ct))
                .ToDictionary(r => r.Role, r => r.Meetings, StringComparer.Ordinal);
            counts = new ForumRecordCounts(f.Meetings, Day(f.FirstMeeting), Day(f.LastMeeting),
                RoleNames.Select(r => new RoleHeld(r, roles.GetValueOrDefault(r))).ToList(),
                f.Ideas, f.IdeasOnAgenda, f.Votes, f.Actions, f.ActionsDone);
        }
        return new ForumRecordView(member.Id, member.Kind, member.DisplayName, member.Picture, forumName, member.KeepsRecord, counts,
            ForumRecordWords.Lines(counts), today, EasyReadDates.FullDate(today));
    }

    private static DateOnly? Day(DateTimeOffset? at) => at is { } a ? EasyReadDates.UkDate(a) : null;
}
