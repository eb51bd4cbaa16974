using ForumHub.Api.Features.Minutes.Writing;
using ForumHub.Api.Runtime;
using ForumHub.Domain.Meetings;

namespace ForumHub.Api.Tests.Minutes;

/// <summary>
/// Issue 11, item 8: the minutes say things in words (which vote, which item), a long section goes on under a heading
/// that says what follows (never "(part 2)"), and the plain-words view turns back into the same Markdown.
/// </summary>
public sealed class MinutesWordingTests
{
    private static readonly DateTimeOffset Start = new(2026, 5, 5, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = DateOnly.FromDateTime(Start.UtcDateTime);

    private const string LongTitle = "Talking about the buses that do not come on time to the day centre on Mondays";

    /// <summary>A meeting with a vote and the decision that came from it, a long-titled item carried forward, a long decision.</summary>
    private static Meeting Meeting()
    {
        var m = Domain.Meetings.Meeting.Create(Guid.NewGuid(), "West forum", Start);
        var fay = m.Join(Guid.NewGuid(), "Fay", Role.Facilitator, null, null, Start).Id;
        var ana = m.Join(Guid.NewGuid(), "Ana", Role.Member, null, null, Start).Id;
        var ben = m.Join(Guid.NewGuid(), "Ben", Role.Member, null, null, Start).Id;
        var buses = m.ProposeItem(ana, "Sunday buses", "bus", null).Id;
        var quiet = m.ProposeItem(ben, "A quiet room", null, null).Id;
        var longOne = m.ProposeItem(ben, LongTitle, null, null).Id;
        m.MoveTo(fay, Phase.Agenda, Start);
        m.AgreeAgenda(fay, [buses, quiet, longOne]);
        m.MoveTo(fay, Phase.Items, Start);
        m.StartItem(fay, buses);
        var vote = m.OpenPoll(fay, buses, "Shall we ask for Sunday buses?", null, false, PollMode.Devices, Start).Id;
        m.CastBallot(ana, vote, "yes", null);
        m.CastBallot(ben, vote, "yes", null);
        m.ClosePoll(fay, vote, Start);
        m.RecordDecision(fay, buses, "We will write to the council.", ParticipationLevel.CoProduction, vote);
        m.RecordDecision(fay, buses,
            "We will ask the council for a bus every hour. We will ask for the bus to stop at the day centre. " +
            "We will ask for a bus that takes wheelchairs. We will ask again in June.", ParticipationLevel.Consultation, vote);
        m.AddAction(fay, buses, "Write the letter", ana, null, null, null, Today);
        m.FinishItem(fay, buses);
        m.StartItem(fay, quiet);
        m.FinishItem(fay, quiet);
        m.MoveTo(fay, Phase.Closed, Start);
        return m;
    }

    private static string Generate() => EasyReadGenerator.Generate(Meeting(), new MinutesOptions(new DateOnly(2026, 6, 2)));

    [Fact]
    public void A_decision_says_which_vote_it_came_from_in_words()
    {
        var markdown = Generate();
        Assert.Contains(@"This came from the vote: Shall we ask for Sunday buses\?", markdown);
        Assert.DoesNotContain("This came from vote 1", markdown);
    }

    [Fact]
    public void A_long_section_goes_on_under_a_heading_that_says_what_follows()
    {
        var markdown = Generate();
        Assert.Contains("### Who made this decision", markdown);
        foreach (var (_, meeting, options) in MinutesFixtures.All())
            Assert.DoesNotContain(@"\(part ", EasyReadGenerator.Generate(meeting, options));
    }

    [Fact]
    public void Items_are_named_by_their_title_never_by_their_number_alone()
    {
        var markdown = Generate();
        var plain = string.Join("\n", MinutesPlainText.ToPlain(markdown).Select(s => s.Heading + "\n" + s.Text));
        Assert.DoesNotMatch(@"(?m)^(- )?Item \d+\.$", plain);
        Assert.Contains("1. Sunday buses", plain);
        Assert.Contains("3. This item is called:\n\"" + LongTitle + "\"", plain);
        Assert.Contains("- Item 3 is called:\n\"" + LongTitle + "\"", plain); // next meeting: carried forward
    }

    [Fact]
    public void The_plain_words_of_generated_minutes_turn_back_into_the_same_Markdown()
    {
        foreach (var markdown in MinutesFixtures.All().Select(f => EasyReadGenerator.Generate(f.Meeting, f.Options)).Append(Generate()))
        {
            var plain = MinutesPlainText.ToPlain(markdown);
            Assert.DoesNotContain(plain, s => s.Text.Contains('\\') || s.Heading.Contains('\\') || s.Text.Contains("picture:"));
            Assert.Equal(markdown, MinutesPlainText.FromPlain(markdown, [.. plain.Select(s => new PlainSectionEdit(s.Heading, s.Text))]));
        }
    }

    [Fact]
    public void Plain_words_show_no_escapes_and_changed_words_are_escaped_by_the_server()
    {
        const string markdown = "# Easy Read minutes\n\n## About this meeting\n\n![A calendar](picture:calendar)\n\nThe meeting was called: North forum\\, June\\.\n";
        var section = Assert.Single(MinutesPlainText.ToPlain(markdown));
        Assert.Equal(("About this meeting", "calendar", "A calendar", "The meeting was called: North forum, June."),
            (section.Heading, section.Picture, section.Alt, section.Text));

        var edited = MinutesPlainText.FromPlain(markdown, [new("About this meeting", "The meeting was called: North forum, June.\nWe met at 10 <b>o'clock</b> [here].")]);
        Assert.Contains(@"We met at 10 \<b\>o\'clock\<\/b\> \[here\]\.", edited);
        Assert.Equal("We met at 10 <b>o'clock</b> [here].", MinutesPlainText.ToPlain(edited)[0].Text.Split('\n')[1]);
        Assert.DoesNotContain("<b>", MinutesRenderer.Body(edited));
    }

    [Theory]
    [InlineData("We will _really_ do it.", "italics")]
    [InlineData("We will *really* do it.", "italics")]
    [InlineData("We will **really** do it.", "bold")]
    [InlineData("Read [the letter](https://example.org).", "a link")]
    [InlineData("Read <https://example.org>.", "a link")]
    [InlineData("![A cat](picture:cat) here.", "a picture")]
    public void Typed_formatting_in_plain_words_is_refused_with_a_code(string line, string what)
    {
        var markdown = Generate();
        var sections = MinutesPlainText.ToPlain(markdown).Select(s => new PlainSectionEdit(s.Heading, s.Text)).ToList();
        sections[0] = sections[0] with { Text = sections[0].Text + "\n" + line };
        var refusal = Assert.Throws<CommandException>(() => MinutesPlainText.FromPlain(markdown, sections));
        Assert.Equal("minutes_formatting_not_allowed", refusal.Code);
        Assert.Contains(what, refusal.Message);
        Assert.Contains("About this meeting", refusal.Message);
    }

    [Theory]
    [InlineData("We will _really_ do it.")]
    [InlineData("Read [the letter](https://example.org).")]
    [InlineData("Read <https://example.org>.")]
    public void Italics_and_links_in_Markdown_edits_are_refused_but_bold_and_pictures_stay(string line)
    {
        var markdown = Generate();
        var refusal = Assert.Throws<CommandException>(() => MinutesPlainText.RequireNoItalicsOrLinks(markdown + "\n" + line + "\n"));
        Assert.Equal("minutes_formatting_not_allowed", refusal.Code);
        MinutesPlainText.RequireNoItalicsOrLinks(markdown + "\n**Bold** words and snake_case_words, 2 * 3 * 4.\n");
    }

    [Fact]
    public void Lines_can_be_added_removed_and_moved_and_unchanged_lines_keep_their_pictures()
    {
        var markdown = Generate();
        var plain = MinutesPlainText.ToPlain(markdown);
        var vote = plain.Single(s => s.Heading.StartsWith("Vote 1", StringComparison.Ordinal));
        var lines = vote.Text.Split('\n').ToList();
        lines.Reverse();
        lines.Add("Everyone was happy.");
        var edits = plain.Select(s => new PlainSectionEdit(s.Heading, s == vote ? string.Join("\n", lines) : s.Text)).ToList();
        var edited = MinutesPlainText.FromPlain(markdown, edits);
        Assert.Contains("![](picture:yes) Yes: 2 votes.", edited);
        Assert.Contains("Everyone was happy\\.", edited);
        Assert.Equal(string.Join("\n", lines), MinutesPlainText.ToPlain(edited).Single(s => s.Heading == vote.Heading).Text);

        // Emptying a section (heading and words) leaves it out; a section count that does not match is refused.
        var without = MinutesPlainText.FromPlain(markdown, [.. plain.Select(s => new PlainSectionEdit(s == vote ? "" : s.Heading, s == vote ? "" : s.Text))]);
        Assert.DoesNotContain(vote.Heading, MinutesPlainText.ToPlain(without).Select(s => s.Heading));
        Assert.Equal(ApiErrorCodes.InvalidRequest, Assert.Throws<CommandException>(() => MinutesPlainText.FromPlain(markdown, [])).Code);
    }
}
