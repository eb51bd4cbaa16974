using System.Text;
using System.Text.RegularExpressions;
using ForumHub.Api.Runtime;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ForumHub.Api.Features.Minutes.Writing;

/// <summary>One section of the Easy Read minutes as people edit it: its heading and its lines in plain words.</summary>
/// <param name="Text">One sentence or list item per line: "- " starts a list item, "3. " a numbered one, a line in
/// quotation marks is someone's own words (kept as said); a blank line starts a new block of them.</param>
public sealed record PlainSection(int Level, string Heading, string Picture, string Alt, string Text);

/// <summary>A section as sent back by the editor: the same sections, in the same order, with changed words.</summary>
public sealed record PlainSectionEdit(string? Heading, string? Text);

/// <summary>
/// The minutes' plain-words view: the Markdown stays the stored form, people only ever see and type plain
/// sentences. Markdown to plain drops every escape and mark; plain to Markdown keeps each unchanged line exactly as
/// stored (its inline pictures and bold too) and escapes every changed one, so nothing typed can become formatting.
/// Typed formatting (italics, bold, links, pictures) is refused with minutes_formatting_not_allowed: Easy Read has no
/// italics, and a link would show its words twice.
/// </summary>
public static partial class MinutesPlainText
{
    public const string FormattingNotAllowed = "minutes_formatting_not_allowed";

    private enum Kind { Paragraph, Bullet, Numbered, Quote }

    private sealed record SourceLine(Kind Kind, string Markdown, string Plain, int Block, int Number);

    private sealed class SourceSection
    {
        public int Level;
        public string HeadingMarkdown = "";
        public string PictureLine = "";
        public string Picture = "";
        public string Alt = "";
        public List<SourceLine> Lines { get; } = [];
    }

    private sealed record Parsed(string TitleLine, List<SourceSection> Sections);

    /// <summary>The minutes in plain words, section by section.</summary>
    public static IReadOnlyList<PlainSection> ToPlain(string markdown) =>
        Parse(markdown).Sections.Select(s => new PlainSection(s.Level, Plain(s.HeadingMarkdown), s.Picture, s.Alt, PlainText(s.Lines))).ToList();

    /// <summary>
    /// The Markdown to store for plain-words edits of <paramref name="baseMarkdown"/>: one edit per section, in order. A
    /// section whose heading and words are both empty is left out.
    /// </summary>
    public static string FromPlain(string baseMarkdown, IReadOnlyList<PlainSectionEdit>? edits)
    {
        var parsed = Parse(baseMarkdown);
        if (edits is null || edits.Count != parsed.Sections.Count)
            throw new CommandException(ApiErrorCodes.InvalidRequest,
                $"These minutes have {parsed.Sections.Count} sections. Please send the words of each one, in order.");
        var md = new StringBuilder(parsed.TitleLine.Length > 0 ? parsed.TitleLine + "\n" : "");
        for (var i = 0; i < edits.Count; i++)
        {
            var source = parsed.Sections[i];
            var heading = EasyReadText.Clean(edits[i].Heading);
            var lines = ReadLines(edits[i].Text ?? "");
            if (heading.Length == 0 && lines.Count == 0) continue;
            var name = heading.Length > 0 ? heading : "(before the first heading)";
            if (heading.Length == 0 && source.HeadingMarkdown.Length > 0)
                throw new CommandException(Domain.Rules.ErrorCodes.TextEmpty, $"Please write the heading of the section with the words \"{lines[0].Text}\".");
            if (heading.Length > 0)
            {
                var headingMarkdown = heading == Plain(source.HeadingMarkdown) ? source.HeadingMarkdown : Typed(heading, name);
                md.Append('\n').Append('#', Math.Max(2, source.Level)).Append(' ').Append(headingMarkdown);
            }
            if (source.PictureLine.Length > 0) md.Append("\n\n").Append(source.PictureLine);
            WriteLines(md, source, lines, name);
        }
        return md.ToString();
    }

    /// <summary>
    /// For Markdown edits (the older way, kept for API clients): italics and links are refused the same way (bold and
    /// our pictures are allowed: the generator uses them).
    /// </summary>
    public static void RequireNoItalicsOrLinks(string markdown)
    {
        var section = "(before the first heading)";
        foreach (var block in Markdown.Parse(markdown, MinutesRenderer.Pipeline).Descendants<LeafBlock>())
        {
            if (block is HeadingBlock heading && heading.Inline is { } title) section = PlainOf(title);
            if (block.Inline is null) continue;
            var mark = block.Inline.Descendants<Inline>().FirstOrDefault(i =>
                i is EmphasisInline { DelimiterCount: 1 } or LinkInline { IsImage: false } or AutolinkInline);
            if (mark is null) continue;
            var what = mark is EmphasisInline ? "italics" : "a link";
            throw new CommandException(FormattingNotAllowed,
                $"Please take out {what} in \"{section}\". Easy Read minutes cannot have italics or links.");
        }
    }

    private static string PlainOf(ContainerInline inline) =>
        EasyReadText.Clean(string.Concat(inline.Descendants<LiteralInline>().Select(l => l.Content.ToString())));

    private sealed record TypedLine(Kind Kind, string Text, int Block, int Number);

    /// <summary>Plain lines: prefixes give the kind; consecutive quoted lines form one block, a blank line ends it.</summary>
    private static List<TypedLine> ReadLines(string text)
    {
        var lines = new List<TypedLine>();
        var block = 0;
        foreach (var raw in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = EasyReadText.Clean(raw);
            if (line.Length == 0)
            {
                block++;
                continue;
            }
            if (NumberedLine().Match(line) is { Success: true } numbered)
                lines.Add(new(Kind.Numbered, EasyReadText.Clean(numbered.Groups[2].Value), block, int.Parse(numbered.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)));
            else if (line.Length > 1 && line[0] is '-' or '•' or '*' && line[1] == ' ')
                lines.Add(new(Kind.Bullet, EasyReadText.Clean(line[2..]), block, 0));
            else if (line.Length >= 2 && line[0] is '"' or '“' && line[^1] is '"' or '”')
                lines.Add(new(Kind.Quote, EasyReadText.Clean(line[1..^1]), block, 0));
            else
                lines.Add(new(Kind.Paragraph, line, block, 0));
        }
        return lines.Where(l => l.Text.Length > 0).ToList();
    }

    private static void WriteLines(StringBuilder md, SourceSection source, List<TypedLine> lines, string section)
    {
        var unused = source.Lines.ToList();
        TypedLine? previous = null;
        foreach (var line in lines)
        {
            var kept = unused.FirstOrDefault(s => s.Kind == line.Kind && s.Plain == line.Text && (line.Kind != Kind.Numbered || s.Number == line.Number));
            if (kept is not null) unused.Remove(kept);
            var inline = kept?.Markdown ?? Typed(line.Text, section);
            var sameBlock = previous is not null && previous.Kind == line.Kind && previous.Block == line.Block;
            switch (line.Kind)
            {
                case Kind.Bullet:
                    md.Append(sameBlock ? "\n" : "\n\n").Append("- ").Append(inline);
                    break;
                case Kind.Numbered:
                    md.Append(sameBlock ? "\n" : "\n\n").Append(line.Number).Append(". ").Append(inline);
                    break;
                case Kind.Quote:
                    md.Append(sameBlock ? "\n>\n" : "\n\n").Append("> ").Append(inline);
                    break;
                default:
                    md.Append("\n\n").Append(inline);
                    break;
            }
            previous = line;
        }
        md.Append('\n');
    }

    /// <summary>Words a person typed, as Markdown that can only mean those words; typed formatting is refused.</summary>
    private static string Typed(string plain, string section)
    {
        var ast = Markdown.Parse(plain, MinutesRenderer.Pipeline);
        var mark = ast.Descendants<Inline>().FirstOrDefault(i => i is EmphasisInline or LinkInline or AutolinkInline);
        if (mark is not null)
        {
            var what = mark switch
            {
                EmphasisInline { DelimiterCount: 1 } => "italics",
                EmphasisInline => "bold",
                LinkInline { IsImage: true } => "a picture",
                _ => "a link",
            };
            throw new CommandException(FormattingNotAllowed,
                $"Please write plain words in \"{section}\". The words \"{plain}\" have {what}. Easy Read minutes cannot have italics, bold you type, or links.");
        }
        return EasyReadText.Escape(plain);
    }

    private static string PlainText(List<SourceLine> lines)
    {
        var sb = new StringBuilder();
        SourceLine? previous = null;
        foreach (var line in lines)
        {
            if (previous is not null)
                sb.Append(previous.Kind == Kind.Quote && line.Kind == Kind.Quote && previous.Block != line.Block ? "\n\n" : "\n");
            sb.Append(line.Kind switch
            {
                Kind.Bullet => "- " + line.Plain,
                Kind.Numbered => $"{line.Number}. {line.Plain}",
                Kind.Quote => $"\"{line.Plain}\"",
                _ => line.Plain,
            });
            previous = line;
        }
        return sb.ToString();
    }
}
