using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ForumHub.Api.Infrastructure;

namespace ForumHub.Api.Features.Minutes.Writing;

/// <summary>
/// The text rules shared by the generator and the checker, so both count sentences and words the same way:
/// cleaning and escaping user text for Markdown, splitting sentences, counting words, writing dates in full.
/// </summary>
public static partial class EasyReadText
{
    public const int MaxWordsPerSentence = 15;
    public const int MaxSentencesPerSection = 5;
    public const int MaxWords = 1000;

    private static readonly string[] NotSentenceEnds = ["e.g", "i.e", "mr", "mrs", "ms", "dr", "st", "vs"];

    /// <summary>
    /// User text made safe to show: control characters and direction overrides removed (they can make text
    /// read differently from how it is stored), every run of white space one space, trimmed.
    /// </summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                space = sb.Length > 0;
                continue;
            }
            if (c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\uFEFF') continue;
            if (space) sb.Append(' ');
            space = false;
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>
    /// User text as Markdown that can only ever mean the literal text: every ASCII punctuation character is
    /// backslash-escaped (CommonMark allows it for all of them), so no emphasis, link, image, HTML, entity,
    /// list, heading or code can start inside it. The renderer also disables raw HTML, as a second wall.
    /// </summary>
    public static string Escape(string? text)
    {
        var clean = Clean(text);
        var sb = new StringBuilder(clean.Length + 16);
        foreach (var c in clean)
        {
            if (char.IsAsciiLetterOrDigit(c) || c > '\u007F' || c == ' ') sb.Append(c);
            else sb.Append('\\').Append(c);
        }
        return sb.ToString();
    }

    /// <summary>Splits plain text into sentences at . ! ? followed by a space or the end (not "1.5", "e.g.", "Dr.").</summary>
    public static IReadOnlyList<string> Sentences(string plain)
    {
        var text = Clean(plain);
        var result = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is not ('.' or '!' or '?')) continue;
            var end = i;
            while (end + 1 < text.Length && text[end + 1] is '.' or '!' or '?' or '"' or '\'' or ')' or '’' or '”') end++;
            if (end + 1 < text.Length && text[end + 1] != ' ') continue;
            if (text[i] == '.' && EndsWithAbbreviation(text, start, i)) continue;
            var sentence = text[start..(end + 1)].Trim();
            if (HasWords(sentence)) result.Add(sentence);
            start = end + 1;
            i = end;
        }
        var rest = text[start..].Trim();
        if (HasWords(rest)) result.Add(rest);
        return result;
    }

    private static bool EndsWithAbbreviation(string text, int start, int dot)
    {
        var wordStart = dot;
        while (wordStart > start && text[wordStart - 1] != ' ') wordStart--;
        var word = text[wordStart..dot].ToLowerInvariant();
        return NotSentenceEnds.Contains(word);
    }

    public static IEnumerable<string> Words(string plain) => WordPattern().Matches(plain).Select(m => m.Value);

    public static int CountWords(string plain) => WordPattern().Count(plain);

    public static bool HasWords(string plain) => WordPattern().IsMatch(plain);

    /// <summary>"Tuesday 3 March 2026": see <see cref="EasyReadDates"/>.</summary>
    public static string FullDate(DateOnly date) => EasyReadDates.FullDate(date);

    /// <summary>The calendar day in the UK, where the forums meet.</summary>
    public static DateOnly LocalDate(DateTimeOffset at, TimeZoneInfo zone) => EasyReadDates.LocalDate(at, zone);

    public static TimeZoneInfo UkTime => EasyReadDates.UkTime;

    /// <summary>"1 person", "2 people": a digit and the right word.</summary>
    public static string Count(int n, string one, string many) => $"{n.ToString(CultureInfo.InvariantCulture)} {(n == 1 ? one : many)}";

    /// <summary>Adds a full stop when the text does not already end a sentence.</summary>
    public static string EndSentence(string text) =>
        text.Length > 0 && text[^1] is '.' or '!' or '?' ? text : text + ".";

    [GeneratedRegex(@"[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*")]
    private static partial Regex WordPattern();
}
