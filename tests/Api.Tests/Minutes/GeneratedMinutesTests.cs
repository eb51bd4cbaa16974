using AngleSharp.Html.Parser;
using ForumHub.Api.Features.Minutes.Writing;
using ForumHub.Domain.Meetings;

namespace ForumHub.Api.Tests.Minutes;

/// <summary>What the generator promises: the Easy Read rules hold except where people's own words break them.</summary>
public sealed class GeneratedMinutesTests
{
    public static TheoryData<string> Fixtures => ["short", "long", "nothing-decided"];

    private static (Meeting Meeting, MinutesOptions Options) Fixture(string name)
    {
        var (_, meeting, options) = MinutesFixtures.All().Single(f => f.Name == name);
        return (meeting, options);
    }

    private static IReadOnlyList<string> UserPhrases(Meeting m) =>
        [.. m.Participants.Select(p => p.DisplayName), .. m.Items.Select(i => i.Title), .. m.Polls.Select(p => p.Question)];

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Generated_Easy_Read_passes_every_rule_except_in_the_participants_own_words(string fixture)
    {
        var (meeting, options) = Fixture(fixture);
        var report = EasyReadChecker.Check(EasyReadGenerator.Generate(meeting, options), MinutesStyle.Default, UserPhrases(meeting));
        Assert.True(report.PassedExceptUserText, string.Join("\n", report.Findings.Where(f => !f.InUserText)));
        Assert.True(report.WordCount < 1000, $"{report.WordCount} words");
    }

    [Fact]
    public void The_report_names_the_user_text_that_breaks_a_rule_and_keeps_it_whole()
    {
        var (meeting, options) = Fixture("short");
        var markdown = EasyReadGenerator.Generate(meeting, options);
        var findings = EasyReadChecker.Check(markdown, MinutesStyle.Default, UserPhrases(meeting)).Findings.ToList();
        Assert.Equal(2, findings.Count);
        Assert.All(findings, f => Assert.True(f.InUserText && f.Check == "sentence-length"));
        Assert.Contains(findings, f => f.Section == "Why people came" &&
            f.Found == "I come every month because I like hearing what everyone has been doing and the tea is always nice");
        Assert.Contains(findings, f => f.Section.StartsWith("Item 1", StringComparison.Ordinal) && f.Found.StartsWith("Ana said she cannot", StringComparison.Ordinal));
        // Not cut: the whole answer is in the minutes, in its own quote block.
        Assert.Contains("> I come every month because I like hearing what everyone has been doing and the tea is always nice\n", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Who_decided_is_said_in_plain_words_for_every_Camden_step()
    {
        foreach (var level in Enum.GetValues<ParticipationLevel>())
        {
            var (first, second) = EasyReadGenerator.WhoDecided(level);
            Assert.True(EasyReadText.CountWords(first) <= 15 && EasyReadText.CountWords(second) <= 15);
        }
        Assert.Equal("You decided.", EasyReadGenerator.WhoDecided(ParticipationLevel.CoProduction).First);
        Assert.Equal(("The managers will decide.", "They heard what you think."), EasyReadGenerator.WhoDecided(ParticipationLevel.Consultation));
        var (meeting, options) = Fixture("long");
        var markdown = EasyReadGenerator.Generate(meeting, options);
        foreach (var level in Enum.GetValues<ParticipationLevel>())
            Assert.Contains(EasyReadGenerator.WhoDecided(level).Second, markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void A_secret_vote_never_shows_who_voted_how()
    {
        var (meeting, options) = Fixture("short");
        var standard = StandardGenerator.Generate(meeting, options);
        var secretVote = standard[standard.IndexOf("### Vote 2", StringComparison.Ordinal)..];
        secretVote = secretVote[..secretVote.IndexOf("\n### Decisions", StringComparison.Ordinal)];
        Assert.Contains("Secret vote", secretVote, StringComparison.Ordinal);
        foreach (var person in meeting.Participants) Assert.DoesNotContain(person.DisplayName, secretVote, StringComparison.Ordinal);
        // The open vote does show who chose what, and who voted with support.
        Assert.Contains("Ben (with support from Sue)", standard, StringComparison.Ordinal);
        var easyRead = EasyReadGenerator.Generate(meeting, options);
        var easyVote = easyRead[easyRead.IndexOf("### Vote 2", StringComparison.Ordinal)..easyRead.IndexOf("### Decision\n\n![An ear]", StringComparison.Ordinal)];
        Assert.Contains("This was a secret vote.", easyVote, StringComparison.Ordinal);
        foreach (var person in meeting.Participants) Assert.DoesNotContain(person.DisplayName, easyVote, StringComparison.Ordinal);
    }

    [Fact]
    public void Dates_are_in_full_and_numbers_are_digits()
    {
        var (meeting, options) = Fixture("short");
        var markdown = EasyReadGenerator.Generate(meeting, options);
        Assert.Contains("We met on Tuesday 3 March 2026.", markdown, StringComparison.Ordinal);
        Assert.Contains("It will be done by Friday 20 March 2026.", markdown, StringComparison.Ordinal);
        Assert.Contains("Our next meeting is on Tuesday 7 April 2026.", markdown, StringComparison.Ordinal);
        Assert.Contains("Yes: 2 votes.", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_picture_word_has_its_OpenMoji_picture_and_the_page_credits_it()
    {
        Assert.True(PictureLibrary.Codes.Count >= 60);
        foreach (var word in PictureLibrary.Codes.Keys)
        {
            var svg = PictureLibrary.InlineSvg(word, "Alt", "inline-picture");
            Assert.StartsWith("<svg ", svg, StringComparison.Ordinal);
            Assert.DoesNotContain(" id=", svg, StringComparison.Ordinal);
            Assert.Matches("<(path|rect|polygon|polyline|line|circle|ellipse)", svg);
        }
        Assert.Contains("CC BY-SA 4.0", PictureLibrary.Attribution, StringComparison.Ordinal);
        var html = MinutesRenderer.Page(EasyReadGenerator.Generate(Fixture("short").Meeting, Fixture("short").Options), "Minutes");
        Assert.Contains("OpenMoji", new HtmlParser().ParseDocument(html).QuerySelector("footer")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_section_is_rendered_with_its_picture_first_then_its_words()
    {
        var (meeting, options) = Fixture("short");
        var doc = new HtmlParser().ParseDocument(MinutesRenderer.Page(EasyReadGenerator.Generate(meeting, options), "Minutes"));
        var sections = doc.QuerySelectorAll("main > section.section");
        Assert.True(sections.Length > 10);
        foreach (var section in sections)
        {
            var children = section.Children.ToList();
            Assert.Equal(2, children.Count);
            Assert.Equal("svg", children[0].LocalName);
            Assert.Equal("img", children[0].GetAttribute("role"));
            Assert.False(string.IsNullOrWhiteSpace(children[0].GetAttribute("aria-label")));
            Assert.Equal("section-words", children[1].ClassName);
        }
        Assert.Single(doc.QuerySelectorAll("h1"));
    }
}

public sealed class WordCountTests
{
    [Fact]
    public void The_generators_quick_word_count_equals_the_checkers()
    {
        foreach (var (_, meeting, options) in MinutesFixtures.All())
        {
            var markdown = EasyReadGenerator.Generate(meeting, options);
            Assert.Equal(MinutesDocument.Parse(markdown).WordCount, EasyReadGenerator.WordsIn(markdown));
        }
    }
}
