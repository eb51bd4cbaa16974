using System.Text;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ForumHub.Api.Features.Minutes.Writing;

/// <summary>Reading stored minutes Markdown into sections and lines, and what a reader sees of a line (plain words).</summary>
public static partial class MinutesPlainText
{
    /// <summary>
    /// Reads minutes Markdown line by line, in the shape EasyReadWriter writes it (headings, one picture each, paragraphs,
    /// lists, quote blocks); anything else a hand edit left is read as a paragraph line.
    /// </summary>
    private static Parsed Parse(string markdown)
    {
        var title = "";
        var sections = new List<SourceSection>();
        SourceSection? current = null;
        var block = 0;
        var lastKind = (Kind?)null;
        foreach (var raw in markdown.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = raw.TrimEnd();
            if (line.Length == 0)
            {
                block++;
                lastKind = null;
                continue;
            }
            if (HeadingLine().Match(line) is { Success: true } heading)
            {
                var level = heading.Groups[1].Length;
                if (level == 1 && title.Length == 0 && current is null)
                {
                    title = line;
                    continue;
                }
                current = new SourceSection { Level = level, HeadingMarkdown = heading.Groups[2].Value.Trim() };
                sections.Add(current);
                continue;
            }
            if (current is null)
            {
                current = new SourceSection { Level = 2, HeadingMarkdown = "" };
                sections.Add(current);
            }
            if (current.PictureLine.Length == 0 && current.Lines.Count == 0 && PictureLine().Match(line) is { Success: true } picture)
            {
                current.PictureLine = line;
                current.Alt = Plain(picture.Groups[1].Value);
                current.Picture = PictureLibrary.WordOf(picture.Groups[2].Value) ?? picture.Groups[2].Value;
                continue;
            }
            SourceLine Add(Kind kind, string inline, int number = 0)
            {
                var source = new SourceLine(kind, inline, Plain(inline), block, number);
                if (source.Plain.Length > 0) current!.Lines.Add(source);
                lastKind = kind;
                return source;
            }
            if (line.StartsWith('>'))
            {
                var inner = line.TrimStart('>').Trim();
                if (inner.Length > 0) Add(Kind.Quote, inner);
            }
            else if (line.Length > 1 && line[0] is '-' or '*' or '+' && line[1] == ' ') Add(Kind.Bullet, line[2..].Trim());
            else if (NumberedLine().Match(line) is { Success: true } numbered)
                Add(Kind.Numbered, numbered.Groups[2].Value.Trim(), int.Parse(numbered.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
            else Add(lastKind is Kind.Quote ? Kind.Quote : Kind.Paragraph, line.Trim());
        }
        return new Parsed(title, sections);
    }

    /// <summary>What a reader sees of one line of Markdown: its words, without escapes, marks or pictures.</summary>
    public static string Plain(string inlineMarkdown)
    {
        var ast = Markdown.Parse(inlineMarkdown, MinutesRenderer.Pipeline);
        var sb = new StringBuilder();
        foreach (var inline in ast.Descendants<Inline>())
        {
            if (inline.Parent is LinkInline { IsImage: true } || inline is LinkInline { IsImage: true }) continue;
            InlineLeafText.TryAppend(inline, sb, ' ');
        }
        return EasyReadText.Clean(sb.ToString());
    }

    [GeneratedRegex(@"^(#{1,6})\s+(.*)$")]
    private static partial Regex HeadingLine();

    [GeneratedRegex(@"^!\[([^\]]*)\]\(([^)\s]*)\)$")]
    private static partial Regex PictureLine();

    [GeneratedRegex(@"^(\d{1,4})\. (.*)$")]
    private static partial Regex NumberedLine();
}
