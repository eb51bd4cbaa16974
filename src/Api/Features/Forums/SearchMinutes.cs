using System.Text.RegularExpressions;
using ForumHub.Api.Access;
using ForumHub.Api.Infrastructure;
using ForumHub.Api.Persistence;
using ForumHub.Api.Runtime;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ForumHub.Api.Features.Forums;

/// <summary>
/// Archive search: the forum's PUBLISHED Easy Read minutes (the current publication of each meeting; never drafts,
/// never superseded versions), PostgreSQL full-text search in English, best match first. For the forum's
/// facilitators (signed-in accounts of its organisation).
/// </summary>
public sealed record SearchMinutes(AccountCaller Account, Guid ForumId, string? Words) : IRequest<MinutesSearchResults>;

/// <summary>Part of a snippet: Found parts are the words that matched (the web app shows them highlighted).</summary>
public sealed record SnippetPart(string Text, bool Found);

public sealed record MinutesSearchHit(Guid MeetingId, string Title, DateOnly Date, string DateWords, double Rank, IReadOnlyList<SnippetPart> Snippet);

public sealed record MinutesSearchResults(Guid ForumId, string ForumName, string Words, IReadOnlyList<MinutesSearchHit> Hits);

public sealed partial class SearchMinutesHandler(ForumDbContext db, ILogger<SearchMinutesHandler> log) : IRequestHandler<SearchMinutes, MinutesSearchResults>
{
    public const int MaxWords = 100;
    public const int MaxHits = 20;
    // Private-use characters mark the found words: removed from the text first, so no minutes text can fake one, and
    // the snippet comes back as plain parts (never HTML), so nothing in the minutes can inject markup.
    private const char Start = '\uE000';
    private const char Stop = '\uE001';

    public async Task<MinutesSearchResults> Handle(SearchMinutes request, CancellationToken ct)
    {
        var words = (request.Words ?? "").Trim();
        if (words.Length == 0)
            throw new CommandException(ForumInsightErrorCodes.SearchWordsNeeded, "Please type a word to look for.");
        if (words.Length > MaxWords)
            throw new CommandException(ForumInsightErrorCodes.SearchTooLong, $"Please use fewer words. Type less than {MaxWords} letters.");
        var forumName = (await ForumRules.ForumAsync(db, request.Account, request.ForumId, log, ct)).Name;

        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = Sql;
        Add(command, "forum", request.ForumId);
        Add(command, "words", words);
        Add(command, "limit", MaxHits);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var hits = new List<MinutesSearchHit>();
        bool? anyWords = null;
        while (await reader.ReadAsync(ct))
        {
            anyWords = reader.GetBoolean(0);
            if (reader.IsDBNull(1)) continue;
            var date = EasyReadDates.LocalDate(reader.GetFieldValue<DateTimeOffset>(3), EasyReadDates.UkTime);
            hits.Add(new MinutesSearchHit(reader.GetGuid(1), reader.GetString(2), date, EasyReadDates.FullDate(date), Math.Round(reader.GetFloat(4), 6),
                Parts(OneLine(reader.GetString(5)))));
        }
        if (anyWords == false)
            throw new CommandException(ForumInsightErrorCodes.SearchWordsTooCommon,
                "Those words are too common to look for. Please type a word about the meeting, like \"bus\".");
        return new MinutesSearchResults(request.ForumId, forumName, words, hits);
    }

    private static void Add(System.Data.Common.DbCommand command, string name, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
    }

    /// <summary>Lines and the gaps left by removed pictures or tags become single spaces; no space before a full stop.</summary>
    private static string OneLine(string headline) =>
        WhiteSpace().Replace(headline, " ").Replace(" .", ".", StringComparison.Ordinal).Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    internal static IReadOnlyList<SnippetPart> Parts(string headline)
    {
        var parts = new List<SnippetPart>();
        var rest = headline.AsSpan();
        while (rest.Length > 0)
        {
            var start = rest.IndexOf(Start);
            if (start < 0) { parts.Add(new SnippetPart(rest.ToString(), false)); break; }
            if (start > 0) parts.Add(new SnippetPart(rest[..start].ToString(), false));
            rest = rest[(start + 1)..];
            var stop = rest.IndexOf(Stop);
            var found = stop < 0 ? rest : rest[..stop];
            parts.Add(new SnippetPart(found.ToString(), true));
            rest = stop < 0 ? [] : rest[(stop + 1)..];
        }
        return parts;
    }

    // websearch_to_tsquery never fails on what people type ("bus -train", quotes, stray symbols). A query with no
    // searchable words ("the") has no nodes: one row says so. The current publication of each meeting is the
    // publication with the highest number. The snippet is made from the same Easy Read text without pictures,
    // markdown marks or escapes, and each line (a heading too) ends
    // with a full stop, so it reads as plain sentences.
    private static readonly string Sql = $$"""
        WITH q AS (SELECT websearch_to_tsquery('english', @words) AS query),
        hits AS (
            SELECT m.id, m.title, m.created_at, ts_rank(v.search_vector, q.query) AS rank, v.easy_read
              FROM q, meeting_owners o
              JOIN meetings m ON m.id = o.meeting_id
              JOIN LATERAL (SELECT p.version_id FROM minutes_publications p WHERE p.meeting_id = m.id ORDER BY p.number DESC LIMIT 1) cur ON true
              JOIN minutes_versions v ON v.id = cur.version_id
             WHERE o.forum_id = @forum AND numnode(q.query) > 0 AND v.search_vector @@ q.query
             ORDER BY rank DESC, m.created_at DESC
             LIMIT @limit)
        SELECT numnode(q.query) > 0, h.id, h.title, h.created_at, h.rank,
               ts_headline('english',
                   regexp_replace(regexp_replace(regexp_replace(regexp_replace(translate(h.easy_read, E'\uE000\uE001', ''),
                       '!\[[^]]*\]\([^)]*\)', ' ', 'g'), '\\(.)', '\1', 'g'), '^[ \t]*(#+|-|>|\*)[ \t]*', '', 'gn'),
                       '([^.!?:[:space:]])[ \t]*$', '\1.', 'gn'),
                   q.query, 'StartSel={{Start}}, StopSel={{Stop}}, MaxWords=25, MinWords=10, MaxFragments=1')
          FROM q LEFT JOIN hits h ON true
         ORDER BY h.rank DESC NULLS LAST, h.created_at DESC
        """;
}
