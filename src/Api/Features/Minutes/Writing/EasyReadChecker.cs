using System.Globalization;

namespace ForumHub.Api.Features.Minutes.Writing;

/// <summary>
/// One broken rule at one place. InUserText is true when the words that break it are a participant's own words
/// (kept as said in a quote block, or a name or title the meeting holds): the report names them, nothing is cut.
/// </summary>
public sealed record CheckFinding(int Rule, string Check, string Message, int Line, string Section, string Found, bool InUserText);

public sealed record CheckResult(string Id, int Rule, string Title, bool Passed, IReadOnlyList<CheckFinding> Findings);

public sealed record CheckReport(IReadOnlyList<CheckResult> Checks, int WordCount)
{
    public IEnumerable<CheckFinding> Findings => Checks.SelectMany(c => c.Findings);
    public bool Passed => Checks.All(c => c.Passed);
    /// <summary>True when every finding is in the participants' own words.</summary>
    public bool PassedExceptUserText => Findings.All(f => f.InUserText);
}

/// <summary>What a check looks at: the parsed Markdown, the style it will be shown in, and the meeting's own words.</summary>
public sealed class CheckInput(MinutesDocument document, MinutesStyle style, IReadOnlyCollection<string> userPhrases)
{
    private readonly Dictionary<DocLine, IReadOnlyList<TextProblem>> _problems = [];

    public MinutesDocument Document { get; } = document;
    public MinutesStyle Style { get; } = style;
    public IReadOnlyCollection<string> UserPhrases { get; } = userPhrases;

    public IReadOnlyList<TextProblem> ProblemsIn(DocLine line)
    {
        if (!_problems.TryGetValue(line, out var found))
            _problems[line] = found = EasyReadRules.ProblemsIn(line.Text, Document.Explained);
        return found;
    }

    /// <summary>The words are a participant's: the line is a quote, or they sit inside a name or title on this line.</summary>
    public bool IsUserText(DocLine line, string found) =>
        line.InQuote || UserPhrases.Any(p => p.Length > 0 && p.Contains(found, StringComparison.Ordinal) &&
                                             line.Text.Contains(p, StringComparison.Ordinal));

    public CheckFinding Finding(IEasyReadCheck check, string message, DocLine line, string section, string found) =>
        new(check.Rule, check.Id, message, line.Line, section, found, IsUserText(line, found));
}

public interface IEasyReadCheck
{
    string Id { get; }
    int Rule { get; }
    string Title { get; }
    IEnumerable<CheckFinding> Run(CheckInput input);
}

/// <summary>
/// Every machine-checkable Easy Read rule (docs/easy-read.md), each as its own check that reports where it failed.
/// Rules 5, 6 (layout), 7 (underline) and 10 are checked on the style the minutes are shown in; the browser test
/// measures the same things on the rendered page.
/// </summary>
public static class EasyReadChecker
{
    public static IReadOnlyList<IEasyReadCheck> Checks { get; } =
    [
        new SentenceLength(),
        new OneSentencePerLine(),
        new LineRule(2, EasyReadRules.Semicolons, "No semicolons"),
        new SentencesPerSection(),
        new TotalWords(),
        new SectionPicture(),
        new PicturesFromTheSet(),
        new StyleCheck(5, "font", "Sans-serif font, at least 16pt in print and 21px on screen, line-height at least 1.5", FontProblems),
        new StyleCheck(6, "layout", "Left-aligned, one column, no hyphenation", LayoutProblems),
        new Italics(),
        new StyleCheck(7, "no-underline", "No underlined text", s => s.UnderlineLinks ? ["Links are underlined. Use bold instead."] : []),
        new LineRule(7, EasyReadRules.AllCaps, "No words in capital letters"),
        new LineRule(8, EasyReadRules.Digits, "Numbers as digits"),
        new LineRule(8, EasyReadRules.FullDates, "Dates in full"),
        new LineRule(8, EasyReadRules.Percentages, "No percentages"),
        new LineRule(9, EasyReadRules.Abbreviations, "Abbreviations explained in \"Words we used\""),
        new StyleCheck(10, "contrast", "Contrast at least 4.5:1 on a plain background", ContrastProblems),
    ];

    public static CheckReport Check(string markdown, MinutesStyle? style = null, IReadOnlyCollection<string>? userPhrases = null)
    {
        var document = MinutesDocument.Parse(markdown);
        var input = new CheckInput(document, style ?? MinutesStyle.Default, userPhrases ?? []);
        var results = Checks.Select(c =>
        {
            var findings = c.Run(input).ToList();
            return new CheckResult(c.Id, c.Rule, c.Title, findings.Count == 0, findings);
        }).ToList();
        return new CheckReport(results, document.WordCount);
    }

    private static IEnumerable<(DocSection Section, DocLine Line)> Lines(MinutesDocument d) =>
        d.Sections.SelectMany(s => s.Lines.Select(l => (s, l)));

    private static string Name(DocSection s) => s.Heading.Length > 0 ? s.Heading : "(before the first heading)";

    private sealed class SentenceLength : IEasyReadCheck
    {
        public string Id => "sentence-length";
        public int Rule => 1;
        public string Title => "No sentence over 15 words";

        public IEnumerable<CheckFinding> Run(CheckInput input) =>
            from x in Lines(input.Document)
            from sentence in x.Line.IsHeading ? [x.Line.Text] : x.Line.Sentences
            let words = EasyReadText.CountWords(sentence)
            where words > EasyReadText.MaxWordsPerSentence
            select new CheckFinding(Rule, Id, $"This sentence has {words} words. Use 15 or fewer.", x.Line.Line, Name(x.Section),
                sentence, x.Line.InQuote);
    }

    private sealed class OneSentencePerLine : IEasyReadCheck
    {
        public string Id => "one-sentence-per-line";
        public int Rule => 2;
        public string Title => "One sentence per line or list item";

        public IEnumerable<CheckFinding> Run(CheckInput input) =>
            from x in Lines(input.Document)
            where !x.Line.IsHeading && x.Line.Sentences.Count > 1
            select new CheckFinding(Rule, Id, $"This line has {x.Line.Sentences.Count} sentences. Put each on its own line.",
                x.Line.Line, Name(x.Section), x.Line.Text, x.Line.InQuote);
    }

    private sealed class SentencesPerSection : IEasyReadCheck
    {
        public string Id => "sentences-per-section";
        public int Rule => 3;
        public string Title => "At most 5 sentences per section";

        public IEnumerable<CheckFinding> Run(CheckInput input)
        {
            foreach (var section in input.Document.Sections)
            {
                var body = section.Lines.Where(l => !l.IsHeading).ToList();
                var count = body.Sum(l => l.Sentences.Count);
                if (count <= EasyReadText.MaxSentencesPerSection) continue;
                // Had each quote been 1 sentence the section would pass: the participant's own words made it long.
                var ifQuotesWereOne = body.Where(l => !l.InQuote).Sum(l => l.Sentences.Count) +
                                      body.Where(l => l.InQuote).Select(l => l.QuoteId).Distinct().Count();
                yield return new CheckFinding(Rule, Id, $"This section has {count} sentences. Use 5 or fewer, or split it.",
                    section.Line, Name(section), section.Heading, ifQuotesWereOne <= EasyReadText.MaxSentencesPerSection);
            }
        }
    }

    private sealed class TotalWords : IEasyReadCheck
    {
        public string Id => "total-words";
        public int Rule => 3;
        public string Title => "Under 1,000 words in total";

        public IEnumerable<CheckFinding> Run(CheckInput input)
        {
            var words = input.Document.WordCount;
            if (words < EasyReadText.MaxWords) yield break;
            var quoted = input.Document.AllLines.Where(l => l.InQuote).Sum(l => l.Words);
            yield return new CheckFinding(Rule, Id, $"The minutes have {words} words. Use fewer than 1000.", 1, "(all)",
                words.ToString(CultureInfo.InvariantCulture), words - quoted < EasyReadText.MaxWords);
        }
    }

    private sealed class SectionPicture : IEasyReadCheck
    {
        public string Id => "section-picture";
        public int Rule => 4;
        public string Title => "Every section has 1 picture with alt text, left of its words";

        public IEnumerable<CheckFinding> Run(CheckInput input)
        {
            foreach (var section in input.Document.Sections)
            {
                var name = Name(section);
                if (section.Pictures.Count == 0)
                {
                    yield return new CheckFinding(Rule, Id, "This section has no picture.", section.Line, name, section.Heading, false);
                    continue;
                }
                if (section.Pictures.Count > 1)
                    yield return new CheckFinding(Rule, Id, $"This section has {section.Pictures.Count} pictures. Use 1.", section.Pictures[1].Line,
                        name, section.Pictures[1].Url, false);
                var picture = section.Pictures[0];
                if (!section.PictureFirst)
                    yield return new CheckFinding(Rule, Id, "Put the picture before the words, so it shows on their left.", picture.Line, name,
                        picture.Url, false);
                if (picture.Alt.Length == 0)
                    yield return new CheckFinding(Rule, Id, "The picture has no alt text. Say what it shows.", picture.Line, name, picture.Url, false);
                if (PictureLibrary.WordOf(picture.Url) is null)
                    yield return new CheckFinding(Rule, Id, "This is not one of our pictures. Use picture:word.", picture.Line, name, picture.Url, false);
            }
        }
    }

    private sealed class PicturesFromTheSet : IEasyReadCheck
    {
        public string Id => "pictures-from-the-set";
        public int Rule => 4;
        public string Title => "Pictures come from the OpenMoji set, so the minutes work offline";

        public IEnumerable<CheckFinding> Run(CheckInput input) =>
            from image in input.Document.Images
            where PictureLibrary.WordOf(image.Url) is null
            select new CheckFinding(Rule, Id, $"\"{image.Url}\" is not one of our pictures. It will not show.", image.Line, image.Section, image.Url,
                false);
    }

    private sealed class Italics : IEasyReadCheck
    {
        public string Id => "no-italics";
        public int Rule => 7;
        public string Title => "No italics";

        public IEnumerable<CheckFinding> Run(CheckInput input) =>
            from italic in input.Document.Italics
            select new CheckFinding(Rule, Id, "This is in italics. Use bold, or plain text.", italic.Line, italic.Section, italic.Text, false);
    }

    /// <summary>A rule checked on each line, from the sentence-level rules in <see cref="EasyReadRules"/>.</summary>
    private sealed class LineRule(int rule, string id, string title) : IEasyReadCheck
    {
        public string Id => id;
        public int Rule => rule;
        public string Title => title;

        public IEnumerable<CheckFinding> Run(CheckInput input) =>
            from x in Lines(input.Document)
            from problem in input.ProblemsIn(x.Line)
            where problem.Check == id
            select input.Finding(this, problem.Message, x.Line, Name(x.Section), problem.Found);
    }

    private sealed class StyleCheck(int rule, string id, string title, Func<MinutesStyle, IEnumerable<string>> problems) : IEasyReadCheck
    {
        public string Id => id;
        public int Rule => rule;
        public string Title => title;

        public IEnumerable<CheckFinding> Run(CheckInput input) =>
            problems(input.Style).Select(p => new CheckFinding(Rule, Id, p, 0, "(style)", "", false));
    }

    private static IEnumerable<string> FontProblems(MinutesStyle s)
    {
        var families = s.FontFamily.Split(',').Select(f => f.Trim().Trim('"', '\'').ToLowerInvariant()).ToList();
        var generic = families.FirstOrDefault(f => f is "serif" or "sans-serif" or "monospace" or "cursive" or "fantasy" or "system-ui");
        var serifNamed = families.Any(f => f.Contains("times", StringComparison.Ordinal) || f.Contains("georgia", StringComparison.Ordinal) ||
                                           (f.Contains("serif", StringComparison.Ordinal) && !f.Contains("sans", StringComparison.Ordinal)));
        if (generic != "sans-serif" || serifNamed) yield return $"The font \"{s.FontFamily}\" is not a sans-serif font. Use one.";
        if (s.ScreenFontPx < 21) yield return $"Text on screen is {s.ScreenFontPx}px. Use at least 21px.";
        if (s.PrintFontPt < 16) yield return $"Printed text is {s.PrintFontPt}pt. Use at least 16pt.";
        if (s.LineHeight < 1.5) yield return $"The line height is {s.LineHeight}. Use at least 1.5.";
    }

    private static IEnumerable<string> LayoutProblems(MinutesStyle s)
    {
        if (!s.TextAlign.Equals("left", StringComparison.OrdinalIgnoreCase) && !s.TextAlign.Equals("start", StringComparison.OrdinalIgnoreCase))
            yield return $"Text is aligned \"{s.TextAlign}\". Align it left.";
        if (s.Columns != 1) yield return $"Text is in {s.Columns} columns. Use 1.";
        if (!s.Hyphens.Equals("none", StringComparison.OrdinalIgnoreCase) && !s.Hyphens.Equals("manual", StringComparison.OrdinalIgnoreCase))
            yield return $"Hyphenation is \"{s.Hyphens}\". Turn it off.";
    }

    private static IEnumerable<string> ContrastProblems(MinutesStyle s)
    {
        if (s.BackgroundImage is not null) yield return "The background has a picture or pattern. Use a plain colour.";
        foreach (var (name, fore, back) in new[]
                 {
                     ("Text", s.TextColor, s.Background), ("Links", s.LinkColor, s.Background), ("Notices", s.TextColor, s.NoticeBackground),
                 })
        {
            var ratio = Contrast.Ratio(fore, back);
            if (ratio < 4.5) yield return $"{name} have contrast {ratio:0.00}:1 ({fore} on {back}). Use at least 4.5:1.";
        }
    }
}

/// <summary>WCAG 2 contrast ratio of two #rrggbb colours.</summary>
public static class Contrast
{
    public static double Ratio(string foreground, string background)
    {
        var a = Luminance(foreground);
        var b = Luminance(background);
        return (Math.Max(a, b) + 0.05) / (Math.Min(a, b) + 0.05);
    }

    public static double Luminance(string hex)
    {
        var h = hex.TrimStart('#');
        if (h.Length == 3) h = string.Concat(h.Select(c => $"{c}{c}"));
        if (h.Length != 6) throw new FormatException($"Not a #rrggbb colour: {hex}");
        double Channel(int i)
        {
            var c = int.Parse(h.Substring(i, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
            return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * Channel(0) + 0.7152 * Channel(2) + 0.0722 * Channel(4);
    }
}
