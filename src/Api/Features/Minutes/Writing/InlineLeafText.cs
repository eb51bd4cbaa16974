using System.Text;
using Markdig.Syntax.Inlines;

namespace ForumHub.Api.Features.Minutes.Writing;

/// <summary>
/// The words a reader sees of one leaf inline (text, code, entity, autolink, line break, raw tag). One place, so the
/// Easy Read checker (<see cref="MinutesDocument"/>) and the plain-words editor (<see cref="MinutesPlainText"/>) can
/// never disagree about what a line says.
/// </summary>
internal static class InlineLeafText
{
    /// <summary>Appends the leaf's words; false when <paramref name="inline"/> is not a leaf (a container, a link).</summary>
    public static bool TryAppend(Inline inline, StringBuilder sb, char lineBreak)
    {
        switch (inline)
        {
            case LiteralInline literal:
                sb.Append(literal.Content.ToString());
                return true;
            case CodeInline code:
                sb.Append(code.Content);
                return true;
            case HtmlEntityInline entity:
                sb.Append(entity.Transcoded.ToString());
                return true;
            case AutolinkInline auto:
                sb.Append(auto.Url);
                return true;
            case LineBreakInline:
                sb.Append(lineBreak);
                return true;
            case HtmlInline html:
                sb.Append(html.Tag);
                return true;
            default:
                return false;
        }
    }
}
