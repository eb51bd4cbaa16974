using System.Globalization;

namespace ForumHub.Api.Features.Minutes.Writing;

/// <summary>
/// How minutes look, as values the checker can test (rules 5, 6, 7 and 10) and the CSS is built from, so the
/// page can never drift from what was checked. The browser test measures the computed styles as well.
/// </summary>
public sealed record MinutesStyle
{
    public string FontFamily { get; init; } = "Arial, \"Liberation Sans\", \"DejaVu Sans\", Helvetica, sans-serif";
    public double ScreenFontPx { get; init; } = 22;
    public double PrintFontPt { get; init; } = 16;
    public double LineHeight { get; init; } = 1.6;
    public string TextAlign { get; init; } = "left";
    public int Columns { get; init; } = 1;
    public string Hyphens { get; init; } = "none";
    public bool UnderlineLinks { get; init; }
    public string TextColor { get; init; } = "#1a1a1a";
    public string Background { get; init; } = "#ffffff";
    public string LinkColor { get; init; } = "#0b4a8f";
    public string NoticeBackground { get; init; } = "#fff4cc";
    /// <summary>A background picture or pattern behind the words; the rules ask for a plain background.</summary>
    public string? BackgroundImage { get; init; }

    public static MinutesStyle Default { get; } = new();

    public string Css()
    {
        string N(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);
        var decoration = UnderlineLinks ? "underline" : "none";
        var backgroundImage = BackgroundImage is null ? "none" : BackgroundImage;
        return $$"""
            html { background: {{Background}}; background-image: {{backgroundImage}}; color: {{TextColor}}; }
            body { margin: 0; font-family: {{FontFamily}}; font-size: {{N(ScreenFontPx)}}px; line-height: {{N(LineHeight)}};
              text-align: {{TextAlign}}; hyphens: {{Hyphens}}; -webkit-hyphens: {{Hyphens}}; column-count: {{Columns}};
              overflow-wrap: anywhere; word-break: normal; font-style: normal; text-transform: none; }
            main, footer { max-width: 46rem; padding: 0 1rem; margin: 0 auto 0 0; }
            h1, h2, h3 { line-height: {{N(LineHeight)}}; margin: 1.2em 0 0.4em; font-weight: bold; }
            h1 { font-size: 1.6em; } h2 { font-size: 1.3em; } h3 { font-size: 1.15em; }
            p, li, blockquote { margin: 0 0 0.6em; }
            ul, ol { padding-left: 1.4em; }
            em, i { font-style: normal; }
            strong, b { font-weight: bold; }
            a { color: {{LinkColor}}; font-weight: bold; text-decoration: {{decoration}}; }
            a:focus { outline: 3px solid {{LinkColor}}; outline-offset: 2px; }
            blockquote { border-left: 6px solid {{TextColor}}; padding: 0.2em 0 0.2em 0.8em; margin-left: 0; }
            .section { display: flex; flex-direction: row; align-items: flex-start; gap: 1rem; margin: 1.2em 0;
              break-inside: avoid-page; page-break-inside: avoid; }
            .section-picture { flex: 0 0 5rem; width: 5rem; height: 5rem; margin-top: 1.1em; }
            .section-words { flex: 1 1 auto; min-width: 0; }
            .section-words > h2:first-child, .section-words > h3:first-child { margin-top: 1em; }
            .inline-picture { width: 1.6em; height: 1.6em; vertical-align: middle; margin-right: 0.3em; }
            .notice { background: {{NoticeBackground}}; color: {{TextColor}}; border: 3px solid {{TextColor}}; padding: 0 0.8em; }
            .copy-for { break-before: page; page-break-before: always; }
            .copy-for:first-of-type { break-before: auto; page-break-before: auto; }
            footer { margin-top: 2em; padding-bottom: 2em; }
            @media print {
              @page { size: A4; margin: 15mm; }
              html { background: #ffffff; }
              body { font-size: {{N(PrintFontPt)}}pt; }
              main, footer { max-width: none; padding: 0; }
              a { color: {{TextColor}}; }
            }
            """;
    }
}
