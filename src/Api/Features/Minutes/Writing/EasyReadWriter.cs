using System.Text;

namespace ForumHub.Api.Features.Minutes.Writing;

/// <summary>One line of Easy Read: a paragraph, a list item, or user text kept as said in its own quote block.</summary>
internal sealed record Line(string Markdown, int Sentences, LineKind Kind);

internal enum LineKind { Paragraph, Bullet, Numbered, Quote }

/// <summary>
/// A heading with its picture and its lines, in groups that stay together when a section is split. A section too long
/// for one goes on under a heading that says what follows: the group's own part name ("Who made this decision") or
/// <see cref="More"/> ("More about who came"), never "(part 2)".
/// </summary>
internal sealed class SectionDraft(int level, string heading, string picture, string alt, string? more = null)
{
    public int Level { get; } = level;
    public string Heading { get; } = heading;
    public string Picture { get; } = picture;
    public string Alt { get; } = alt;
    /// <summary>The heading of a part that goes on where the last one stopped.</summary>
    public string More { get; } = more ?? $"More about {char.ToLowerInvariant(heading[0])}{heading[1..]}";
    public List<List<Line>> Groups { get; } = [];
    /// <summary>Per group: the heading its part gets when the section is split just before it, or null for <see cref="More"/>.</summary>
    public List<string?> PartNames { get; } = [];
    public bool IsEmpty => Groups.Count == 0;

    public SectionDraft Add(params Line[] group) => AddPart(null, group);

    public SectionDraft Add(IEnumerable<Line> group) => Add([.. group]);

    public SectionDraft AddPart(string? partName, params Line[] group)
    {
        if (group.Length == 0) return this;
        Groups.Add([.. group]);
        PartNames.Add(partName);
        return this;
    }
}

/// <summary>
/// Builds Easy Read Markdown. Generated lines are written to the rules by construction; user text goes through
/// <see cref="Say"/>, which keeps short, plain text in the sentence and puts anything else, unchanged, in a quote
/// block of its own. Sections with more than 5 sentences are split into parts, each with its picture and a heading that says what it holds.
/// </summary>
internal static class EasyReadWriter
{
    public static Line Sentence(string markdown) => new(markdown, 1, LineKind.Paragraph);

    public static Line Bullet(string markdown) => new(markdown, 1, LineKind.Bullet);

    public static Line Numbered(int n, string markdown) => new($"{n}. {markdown}", 1, LineKind.Numbered);

    /// <summary>
    /// "Ana said: I like buses." when the user's words fit in one easy sentence with the lead-in;
    /// otherwise the lead-in, then the words as said in a quote block (one sentence per line, nothing cut).
    /// </summary>
    public static Line[] Say(string leadMarkdown, int leadWords, string? userText, bool asBullet = false)
    {
        var clean = EasyReadText.Clean(userText);
        if (FitsInline(clean, leadWords))
        {
            var markdown = $"{leadMarkdown} {EasyReadText.Escape(EasyReadText.EndSentence(clean))}";
            return [asBullet ? Bullet(markdown) : Sentence(markdown)];
        }
        return [asBullet ? Bullet(leadMarkdown) : Sentence(leadMarkdown), Quote(clean)];
    }

    /// <summary>User text exactly as given, one sentence per line, in its own quote block.</summary>
    public static Line Quote(string clean)
    {
        var sentences = EasyReadText.Sentences(clean);
        if (sentences.Count == 0) sentences = [clean];
        var markdown = string.Join("\n>\n", sentences.Select(s => "> " + EasyReadText.Escape(s)));
        return new Line(markdown, sentences.Count, LineKind.Quote);
    }

    /// <summary>Short, one sentence, and nothing in it that the checker would report.</summary>
    public static bool FitsInline(string clean, int leadWords)
    {
        if (clean.Length == 0) return false;
        var sentences = EasyReadText.Sentences(clean);
        return sentences.Count == 1 && leadWords + EasyReadText.CountWords(clean) <= EasyReadText.MaxWordsPerSentence &&
               EasyReadRules.ProblemsIn(clean).Count == 0;
    }

    public static string Write(string title, IEnumerable<SectionDraft> sections)
    {
        var md = new StringBuilder();
        md.Append("# ").Append(title).Append('\n');
        foreach (var section in sections.Where(s => !s.IsEmpty))
            foreach (var (heading, lines) in Parts(section))
                WritePart(md, section, heading, lines);
        return md.ToString();
    }

    private static IEnumerable<(string Heading, List<Line> Lines)> Parts(SectionDraft section)
    {
        var heading = section.Heading;
        var current = new List<Line>();
        var count = 0;
        foreach (var (group, name) in section.Groups.Zip(section.PartNames))
        {
            var sentences = group.Sum(l => l.Sentences);
            if (current.Count > 0 && count + sentences > EasyReadText.MaxSentencesPerSection)
            {
                yield return (heading, current);
                (heading, current, count) = (name ?? section.More, [], 0);
            }
            // A group too big for one section (only possible with long user text) is split line by line.
            foreach (var line in group)
            {
                if (current.Count > 0 && count + line.Sentences > EasyReadText.MaxSentencesPerSection)
                {
                    yield return (heading, current);
                    (heading, current, count) = (section.More, [], 0);
                }
                current.Add(line);
                count += line.Sentences;
            }
        }
        if (current.Count > 0) yield return (heading, current);
    }

    private static void WritePart(StringBuilder md, SectionDraft section, string heading, List<Line> lines)
    {
        md.Append('\n').Append('#', section.Level).Append(' ').Append(heading);
        md.Append("\n\n![").Append(EasyReadText.Escape(section.Alt)).Append("](").Append(PictureLibrary.Scheme)
            .Append(section.Picture).Append(')');
        LineKind? previous = null;
        foreach (var line in lines)
        {
            var sameList = previous == line.Kind && line.Kind is LineKind.Bullet or LineKind.Numbered;
            md.Append(sameList ? "\n" : "\n\n");
            if (line.Kind == LineKind.Bullet) md.Append("- ");
            md.Append(line.Markdown);
            previous = line.Kind;
        }
        md.Append('\n');
    }
}
