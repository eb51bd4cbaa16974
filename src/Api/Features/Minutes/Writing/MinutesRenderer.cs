using System.Net;
using System.Text;
using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ForumHub.Api.Features.Minutes.Writing;

/// <summary>A notice shown above the minutes (a draft, a correction, minutes that were corrected later).</summary>
public sealed record MinutesNotice(string Heading, IReadOnlyList<string> Sentences, string? AsSaid = null, string Picture = "correction",
    string Alt = "A pen");

/// <summary>
/// Renders minutes Markdown to one self-contained HTML page with Markdig 1.6.0. Safety does not rest on Markdig:
/// raw HTML is disabled, user text was escaped before it entered the Markdown, every link that is not http, https
/// or mailto becomes plain text, every image that is not one of our pictures becomes its alt text, and the page
/// carries a Content-Security-Policy that allows no script at all. Each section's picture is inlined as SVG to the
/// left of its words.
/// </summary>
public static class MinutesRenderer
{
    public static MarkdownPipeline Pipeline { get; } = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseSoftlineBreakAsHardlineBreak()
        .Build();

    /// <summary>Also sent as an HTTP header with every minutes page.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

    private static readonly string[] SafeSchemes = ["http://", "https://", "mailto:"];

    public static bool IsSafeUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) return false;
        var trimmed = url.Trim();
        return SafeSchemes.Any(s => trimmed.StartsWith(s, StringComparison.OrdinalIgnoreCase)) &&
               !trimmed.Any(c => char.IsControl(c) || char.IsWhiteSpace(c));
    }

    /// <summary>The minutes as a whole HTML page.</summary>
    public static string Page(string markdown, string pageTitle, MinutesStyle? style = null, IEnumerable<MinutesNotice>? notices = null) =>
        Document(pageTitle, style, Notices(notices) + Body(markdown));

    /// <summary>Several copies in one page, each starting on a new sheet: the print pack for people with no device.</summary>
    public static string Pack(string markdown, string pageTitle, IEnumerable<string> forNames, MinutesStyle? style = null,
        IEnumerable<MinutesNotice>? notices = null)
    {
        var body = Notices(notices) + Body(markdown);
        var html = new StringBuilder();
        foreach (var name in forNames)
        {
            var forWhom = new MinutesNotice("Your copy", [$"These minutes are for {EasyReadText.Clean(name)}."], null, "member", "A person");
            html.Append("<div class=\"copy-for\">").Append(Notices([forWhom])).Append(body).Append("</div>\n");
        }
        return Document(pageTitle, style, html.ToString());
    }

    private static string Document(string pageTitle, MinutesStyle? style, string main)
    {
        var css = (style ?? MinutesStyle.Default).Css();
        return $"""
            <!DOCTYPE html>
            <html lang="en-GB">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="{ContentSecurityPolicy}">
            <title>{WebUtility.HtmlEncode(EasyReadText.Clean(pageTitle))}</title>
            <style>
            {css}
            </style>
            </head>
            <body>
            <main>
            {main}</main>
            <footer><p>Pictures: <a href="https://openmoji.org/">OpenMoji</a>, licence <a href="https://creativecommons.org/licenses/by-sa/4.0/">CC BY-SA 4.0</a>.</p></footer>
            </body>
            </html>

            """;
    }

    private static string Notices(IEnumerable<MinutesNotice>? notices)
    {
        if (notices is null) return "";
        var html = new StringBuilder();
        foreach (var notice in notices)
        {
            var md = new StringBuilder();
            md.Append("## ").Append(EasyReadText.Escape(notice.Heading)).Append("\n\n![").Append(EasyReadText.Escape(notice.Alt))
                .Append("](").Append(PictureLibrary.Scheme).Append(notice.Picture).Append(")\n");
            foreach (var sentence in notice.Sentences) md.Append('\n').Append(EasyReadText.Escape(sentence)).Append('\n');
            if (notice.AsSaid is { } said)
                foreach (var sentence in EasyReadText.Sentences(said)) md.Append("\n> ").Append(EasyReadText.Escape(sentence)).Append("\n>");
            html.Append(Body(md.ToString(), "notice"));
        }
        return html.ToString();
    }

    /// <summary>The minutes' HTML without the page around it: the title, then one &lt;section&gt; per heading.</summary>
    public static string Body(string markdown, string? sectionClass = null)
    {
        var ast = Markdown.Parse(markdown, Pipeline);
        var pictures = MakeSafe(ast);
        var html = new StringBuilder();
        var section = new List<Block>();
        HeadingBlock? heading = null;
        foreach (var block in ast.ToList())
        {
            if (block is HeadingBlock { Level: 1 } && heading is null && section.Count == 0)
            {
                html.Append(Render(block));
                continue;
            }
            if (block is HeadingBlock)
            {
                if (heading is not null || section.Count > 0) html.Append(Section(heading, section, sectionClass, pictures));
                heading = (HeadingBlock)block;
                section = [];
                continue;
            }
            section.Add(block);
        }
        if (heading is not null || section.Count > 0) html.Append(Section(heading, section, sectionClass, pictures));
        return html.ToString();
    }

    private static string Section(HeadingBlock? heading, List<Block> blocks, string? sectionClass, Dictionary<Block, string> pictures)
    {
        // The section's picture is its first standalone picture, if it comes before any words.
        var picture = blocks.FirstOrDefault(b => pictures.ContainsKey(b) || b is not LinkReferenceDefinitionGroup);
        var html = new StringBuilder();
        html.Append("<section class=\"section").Append(sectionClass is null ? "" : " " + sectionClass).Append("\">\n");
        if (picture is not null && pictures.TryGetValue(picture, out var svg))
        {
            html.Append(svg).Append('\n');
            blocks.Remove(picture);
        }
        html.Append("<div class=\"section-words\">\n");
        if (heading is not null) html.Append(Render(heading));
        foreach (var block in blocks) html.Append(Render(block));
        html.Append("</div>\n</section>\n");
        return html.ToString();
    }

    private static string Render(Block block)
    {
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(block);
        writer.Flush();
        return writer.ToString();
    }

    /// <summary>
    /// Pictures become inline SVG (a standalone one is the section's picture); any other image becomes its alt
    /// text; links other than http, https and mailto become their text; stray raw HTML becomes text.
    /// </summary>
    private static Dictionary<Block, string> MakeSafe(MarkdownDocument ast)
    {
        var pictures = new Dictionary<Block, string>();
        foreach (var block in ast.Descendants<HtmlBlock>().ToList())
        {
            var text = new ParagraphBlock { Inline = new ContainerInline() };
            text.Inline.AppendChild(new LiteralInline(block.Lines.ToString()));
            var parent = block.Parent!;
            parent.Insert(parent.IndexOf(block), text);
            parent.Remove(block);
        }
        foreach (var inline in ast.Descendants<Inline>().ToList())
        {
            if (inline.Parent is null) continue;
            switch (inline)
            {
                case LinkInline { IsImage: true } image:
                    var alt = PlainText(image);
                    var word = PictureLibrary.WordOf(image.Url);
                    var paragraph = image.Parent is { } parent && parent.Count() == 1 && parent.ParentBlock is ParagraphBlock p ? p : null;
                    if (word is not null && alt.Length > 0 && paragraph?.Parent is MarkdownDocument)
                        pictures[paragraph] = PictureLibrary.InlineSvg(word, alt, "section-picture");
                    image.ReplaceBy(word is null ? new LiteralInline(alt) : new HtmlInline(PictureLibrary.InlineSvg(word, alt, "inline-picture")));
                    break;
                case LinkInline link when !IsSafeUrl(link.Url):
                    link.ReplaceBy(new LiteralInline(PlainText(link)));
                    break;
                case AutolinkInline auto when !IsSafeUrl(auto.Url):
                    auto.ReplaceBy(new LiteralInline(auto.Url));
                    break;
                case HtmlInline html:
                    html.ReplaceBy(new LiteralInline(html.Tag));
                    break;
            }
        }
        return pictures;
    }

    private static string PlainText(ContainerInline container)
    {
        var sb = new StringBuilder();
        foreach (var child in container.Descendants<Inline>())
        {
            if (child is LiteralInline literal) sb.Append(literal.Content.ToString());
            else if (child is CodeInline code) sb.Append(code.Content);
            else if (child is HtmlEntityInline entity) sb.Append(entity.Transcoded.ToString());
        }
        return sb.ToString();
    }
}
