using System.Text;
using ForumHub.Api.Features.Minutes.Writing;

namespace ForumHub.Api.Tests.Minutes;

/// <summary>Each checker rule passes on good Easy Read and fails, at the right place, on text that breaks it.</summary>
public sealed class CheckerRuleTests
{
    private const string Good = """
        # Easy Read minutes

        ## About this meeting

        ![A calendar](picture:calendar)

        We met on Tuesday 3 March 2026.

        12 people came to the **NHS** building.

        - Ana said yes.

        ## Words we used

        ![An open book](picture:words)

        - **NHS**: the National Health Service, which gives free health care.
        """;

    /// <summary>The good document with one more line in its first section.</summary>
    private static string With(string line) => Good.Replace("12 people came", line + "\n\n12 people came", StringComparison.Ordinal);

    private static CheckResult Result(string markdown, string check, MinutesStyle? style = null) =>
        EasyReadChecker.Check(markdown, style).Checks.Single(c => c.Id == check);

    [Fact]
    public void The_good_document_passes_every_check()
    {
        var report = EasyReadChecker.Check(Good);
        Assert.True(report.Passed, string.Join("\n", report.Findings));
        Assert.Equal(17, report.Checks.Count);
        Assert.Equal(Enumerable.Range(1, 10), report.Checks.Select(c => c.Rule).Distinct().Order());
    }

    public static TheoryData<string, string, string> Broken => new()
    {
        { "sentence-length", "We talked about buses and trains and trams and taxis and bikes and cars and vans today.", "17 words" },
        { "one-sentence-per-line", "We met. We talked.", "2 sentences" },
        { "no-semicolons", "We met; we talked.", "semicolon" },
        { "no-italics", "We met *on Tuesday*.", "italics" },
        { "no-all-caps", "We met at the TOWNHALL.", "TOWNHALL" },
        { "numbers-as-digits", "Twelve people came.", "Twelve" },
        { "dates-in-full", "We met on 3/3/2026.", "3/3/2026" },
        { "dates-in-full", "We met on 3 March.", "3 March" },
        { "dates-in-full", "We met on Tuesday 3 March.", "Tuesday 3 March" },
        { "dates-in-full", "We met on March 3.", "March 3" },
        { "dates-in-full", "We met on the 3rd.", "3rd" },
        { "dates-in-full", "We met on Tuesday 3 Mar 2026.", "Mar" },
        { "dates-in-full", "We met on 2026-03-03.", "2026-03-03" },
        { "no-percentages", "50% of people came.", "50%" },
        { "no-percentages", "Half the people came, 50 percent.", "percent" },
        { "abbreviations-explained", "We met the CCG.", "CCG" },
        { "pictures-from-the-set", "We met ![a photo](https://example.org/photo.png) today.", "https://example.org/photo.png" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void A_line_that_breaks_a_rule_is_reported_with_its_place(string check, string line, string expected)
    {
        Assert.True(Result(Good, check).Passed);
        var result = Result(With(line), check);
        Assert.False(result.Passed);
        var finding = Assert.Single(result.Findings);
        Assert.Equal(9, finding.Line);
        Assert.Equal("About this meeting", finding.Section);
        Assert.Contains(expected, finding.Message + " " + finding.Found, StringComparison.Ordinal);
        Assert.False(finding.InUserText);
        // Every other check still passes: each rule is its own check.
        Assert.Empty(EasyReadChecker.Check(With(line)).Checks.Where(c => c.Id != check && !c.Passed).Select(c => c.Id));
    }

    [Fact]
    public void An_abbreviation_explained_in_words_we_used_passes()
    {
        var explained = With("We met the CCG.").Replace("- **NHS**", "- **CCG**: the group that pays for local health care.\n- **NHS**",
            StringComparison.Ordinal);
        Assert.True(Result(explained, "abbreviations-explained").Passed);
    }

    [Fact]
    public void Ordinary_numbers_words_and_times_are_not_dates_or_number_words()
    {
        var report = EasyReadChecker.Check(With("Jan paid 1.50 pounds at 2:30 for the first cake."));
        Assert.True(report.Passed, string.Join("\n", report.Findings));
    }

    [Fact]
    public void Six_sentences_in_a_section_are_too_many()
    {
        var markdown = With("One line.\n\nTwo lines.\n\nThree lines.\n\nFour lines.");
        var result = Result(markdown, "sentences-per-section");
        var finding = Assert.Single(result.Findings);
        Assert.Equal("About this meeting", finding.Section);
        Assert.Equal(3, finding.Line);
        Assert.Contains("7 sentences", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_thousand_words_are_too_many()
    {
        var md = new StringBuilder("# Easy Read minutes\n");
        for (var i = 0; i < 70; i++)
            md.Append($"\n## Part {i}\n\n![A calendar](picture:calendar)\n\nWe talked about the garden and the bus today.\n\nIt was a good meeting for us all.\n");
        var result = Result(md.ToString(), "total-words");
        Assert.Contains("words", Assert.Single(result.Findings).Message, StringComparison.Ordinal);
        var shorter = md.ToString()[..(md.Length / 2)];
        Assert.True(Result(shorter, "total-words").Passed);
    }

    public static TheoryData<string, string> PictureProblems => new()
    {
        { "## About this meeting\n\n![A calendar](picture:calendar)\n", "## About this meeting\n" },
        { "## About this meeting\n\n![A calendar](picture:calendar)\n", "## About this meeting\n\n![](picture:calendar)\n" },
        { "## About this meeting\n\n![A calendar](picture:calendar)\n", "## About this meeting\n\n![A cat](picture:no-such-picture)\n" },
        { "## About this meeting\n\n![A calendar](picture:calendar)\n", "## About this meeting\n\n![A calendar](picture:calendar)\n\n![A bus](picture:bus)\n" },
        { "## About this meeting\n\n![A calendar](picture:calendar)\n\nWe met on Tuesday 3 March 2026.\n",
          "## About this meeting\n\nWe met on Tuesday 3 March 2026.\n\n![A calendar](picture:calendar)\n" },
    };

    [Theory]
    [MemberData(nameof(PictureProblems))]
    public void Every_section_needs_one_known_picture_with_alt_text_before_its_words(string good, string bad)
    {
        var markdown = Good.Replace(good, bad, StringComparison.Ordinal);
        Assert.NotEqual(Good, markdown);
        var result = Result(markdown, "section-picture");
        Assert.False(result.Passed);
        Assert.All(result.Findings, f => Assert.Equal("About this meeting", f.Section));
    }

    public static TheoryData<string, MinutesStyle> BadStyles => new()
    {
        { "font", MinutesStyle.Default with { ScreenFontPx = 18 } },
        { "font", MinutesStyle.Default with { PrintFontPt = 12 } },
        { "font", MinutesStyle.Default with { LineHeight = 1.2 } },
        { "font", MinutesStyle.Default with { FontFamily = "\"Times New Roman\", serif" } },
        { "layout", MinutesStyle.Default with { TextAlign = "justify" } },
        { "layout", MinutesStyle.Default with { Columns = 2 } },
        { "layout", MinutesStyle.Default with { Hyphens = "auto" } },
        { "no-underline", MinutesStyle.Default with { UnderlineLinks = true } },
        { "contrast", MinutesStyle.Default with { TextColor = "#999999" } },
        { "contrast", MinutesStyle.Default with { LinkColor = "#7aa7ff" } },
        { "contrast", MinutesStyle.Default with { BackgroundImage = "linear-gradient(#fff, #eee)" } },
    };

    [Theory]
    [MemberData(nameof(BadStyles))]
    public void A_style_that_breaks_a_rule_is_reported(string check, MinutesStyle style)
    {
        Assert.True(Result(Good, check, MinutesStyle.Default).Passed);
        var result = Result(Good, check, style);
        Assert.False(result.Passed);
        Assert.All(result.Findings, f => Assert.Equal("(style)", f.Section));
        Assert.True(EasyReadChecker.Check(Good, style).Checks.Where(c => c.Id != check).All(c => c.Passed));
    }

    [Fact]
    public void Contrast_is_computed_as_in_WCAG()
    {
        Assert.Equal(21, Contrast.Ratio("#000000", "#ffffff"), 3);
        Assert.Equal(4.54, Contrast.Ratio("#767676", "#ffffff"), 2);
        Assert.True(Contrast.Ratio(MinutesStyle.Default.TextColor, MinutesStyle.Default.Background) >= 4.5);
    }

    [Fact]
    public void Words_in_a_quote_block_are_the_participants_own_and_are_reported_as_such()
    {
        var said = "I come every month because I like hearing what everyone has been doing and the tea is nice";
        var markdown = With($"Cara said:\n\n> {EasyReadText.Escape(said)}");
        var finding = Assert.Single(Result(markdown, "sentence-length").Findings);
        Assert.True(finding.InUserText);
        Assert.Equal(said, finding.Found);
    }

    [Fact]
    public void A_name_the_meeting_holds_is_reported_as_user_text()
    {
        var report = EasyReadChecker.Check(With("- Members: ROBERTA and Ana."), null, ["ROBERTA"]);
        var finding = Assert.Single(report.Findings);
        Assert.Equal("no-all-caps", finding.Check);
        Assert.True(finding.InUserText);
    }

    [Fact]
    public void Sentences_split_at_full_stops_but_not_inside_numbers_or_abbreviations()
    {
        Assert.Equal(["It costs 1.50 pounds.", "Dr. Lee came, e.g. on Monday!", "Why?"],
            EasyReadText.Sentences("It costs 1.50 pounds. Dr. Lee came, e.g. on Monday! Why?"));
        Assert.Equal(4, EasyReadText.CountWords("Tuesday 3 March 2026"));
        Assert.Equal("Tuesday 3 March 2026", EasyReadText.FullDate(new DateOnly(2026, 3, 3)));
    }
}
