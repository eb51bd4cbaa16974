using System.Text;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ForumHub.Api.Features.Minutes.Writing;

/// <summary>One line as a reader sees it: a heading, a paragraph line, a list item, or a line of a quote block.</summary>
public sealed record DocLine(string Text, int Line, bool IsHeading, int? QuoteId)
{
    public bool InQuote => QuoteId is not null;
    public IReadOnlyList<string> Sentences { get; } = EasyReadText.Sentences(Text);
    public int Words { get; } = EasyReadText.CountWords(Text);
}

public sealed record DocImage(string Url, string Alt, int Line, bool Standalone, string Section = "");

/// <summary>A heading and what follows it up to the next heading of level 2 or more.</summary>
public sealed class DocSection(string heading, int level, int line)
{
    public string Heading { get; } = heading;
    public int Level { get; } = level;
    public int Line { get; } = line;
    public List<DocLine> Lines { get; } = [];
    public List<DocImage> Pictures { get; } = [];
    /// <summary>True when a standalone picture came before any words of the section.</summary>
    public bool PictureFirst { get; set; }
}

/// <summary>
/// Easy Read Markdown parsed the way the renderer parses it (same Markdig pipeline), as the reader will see it:
/// sections, lines, pictures and emphasis, with source line numbers for the checker's report.
/// </summary>
public sealed class MinutesDocument
{
    private int _quotes;
    private string _section = "";

    private MinutesDocument() { }

    public string Title { get; private set; } = "";
    public List<DocSection> Sections { get; } = [];
    public List<DocImage> Images { get; } = [];
    /// <summary>Italic text (single * or _): line and the words.</summary>
    public List<(int Line, string Text, string Section)> Italics { get; } = [];
    public IEnumerable<DocLine> AllLines => Sections.SelectMany(s => s.Lines);
    public int WordCount => AllLines.Sum(l => l.Words) + (Title.Length > 0 ? EasyReadText.CountWords(Title) : 0);

    /// <summary>The words explained in the "Words we used" section ("**NHS**: …" or "NHS: …").</summary>
    public IReadOnlySet<string> Explained =>
        Sections.Where(s => s.Heading.StartsWith("Words we used", StringComparison.OrdinalIgnoreCase))
            .SelectMany(s => s.Lines).Where(l => !l.IsHeading && l.Text.Contains(':'))
            .Select(l => l.Text[..l.Text.IndexOf(':')].Trim()).ToHashSet(StringComparer.Ordinal);

    public static MinutesDocument Parse(string markdown)
    {
        var doc = new MinutesDocument();
        var ast = Markdown.Parse(markdown, MinutesRenderer.Pipeline);
        DocSection? current = null;
        foreach (var block in ast)
        {
            if (block is HeadingBlock { Level: 1 } h1 && doc.Title.Length == 0 && current is null)
            {
                doc.Title = doc.InlineText(h1.Inline, h1.Line).ToString().Trim();
                continue;
            }
            if (block is HeadingBlock heading)
            {
                var text = doc.InlineText(heading.Inline, heading.Line).ToString().Trim();
                current = new DocSection(text, heading.Level, heading.Line + 1);
                doc._section = text;
                current.Lines.Add(new DocLine(text, heading.Line + 1, true, null));
                doc.Sections.Add(current);
                continue;
            }
            if (current is null)
            {
                current = new DocSection("", 0, block.Line + 1);
                doc.Sections.Add(current);
            }
            doc.Walk(block, current, null);
        }
        return doc;
    }

    private void Walk(Block block, DocSection section, int? quoteId)
    {
        switch (block)
        {
            case ParagraphBlock paragraph when IsStandalonePicture(paragraph, out var image):
                var picture = new DocImage(image!.Url ?? "", AltOf(image), paragraph.Line + 1, true);
                Images.Add(picture);
                if (quoteId is null)
                {
                    if (section.Pictures.Count == 0 && !section.Lines.Any(l => !l.IsHeading)) section.PictureFirst = true;
                    section.Pictures.Add(picture);
                }
                break;
            case ParagraphBlock paragraph:
                AddLines(section, paragraph.Inline, paragraph.Line, quoteId);
                break;
            case QuoteBlock quote:
                var id = quoteId ?? ++_quotes;
                foreach (var child in quote) Walk(child, section, id);
                break;
            case ContainerBlock container:
                foreach (var child in container) Walk(child, section, quoteId);
                break;
            case LeafBlock leaf when leaf.Lines.Count > 0:
                var n = leaf.Line;
                foreach (var text in leaf.Lines.ToString().Split('\n'))
                    if (EasyReadText.HasWords(text)) section.Lines.Add(new DocLine(text.Trim(), ++n, false, quoteId));
                break;
        }
    }

    /// <summary>Each visual line of a paragraph (the renderer shows every source line break) is its own line.</summary>
    private void AddLines(DocSection section, ContainerInline? inline, int firstLine, int? quoteId)
    {
        var text = InlineText(inline, firstLine).ToString();
        var n = firstLine;
        foreach (var line in text.Split('\n'))
        {
            n++;
            if (EasyReadText.HasWords(line)) section.Lines.Add(new DocLine(line.Trim(), n, false, quoteId));
        }
    }

    private StringBuilder InlineText(ContainerInline? container, int line, StringBuilder? sb = null)
    {
        sb ??= new StringBuilder();
        if (container is null) return sb;
        foreach (var inline in container)
        {
            switch (inline)
            {
                case LinkInline { IsImage: true } image:
                    Images.Add(new DocImage(image.Url ?? "", AltOf(image), line + 1, false, _section));
                    break;
                case EmphasisInline emphasis:
                    var start = sb.Length;
                    InlineText(emphasis, line, sb);
                    if (emphasis.DelimiterCount == 1) Italics.Add((line + 1, sb.ToString(start, sb.Length - start), _section));
                    break;
                case ContainerInline child:
                    InlineText(child, line, sb);
                    break;
                default:
                    InlineLeafText.TryAppend(inline, sb, '\n');
                    break;
            }
        }
        return sb;
    }

    private static bool IsStandalonePicture(ParagraphBlock paragraph, out LinkInline? image)
    {
        image = null;
        if (paragraph.Inline is null) return false;
        foreach (var inline in paragraph.Inline)
        {
            if (inline is LinkInline { IsImage: true } found && image is null) image = found;
            else if (inline is LiteralInline literal && literal.Content.IsEmptyOrWhitespace()) continue;
            else return false;
        }
        return image is not null;
    }

    private static string AltOf(LinkInline image)
    {
        var sb = new StringBuilder();
        foreach (var child in image.Descendants<LiteralInline>()) sb.Append(child.Content.ToString());
        return sb.ToString().Trim();
    }
}
