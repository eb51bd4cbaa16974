using ForumHub.Domain.Meetings;
using ForumHub.Domain.Rules;

namespace ForumHub.Domain.Tests;

/// <summary>
/// Every text a command takes is trimmed, then must be non-empty and at most its limit:
/// exactly at the limit passes, one more letter fails. Optional texts (pictures) may be blank.
/// </summary>
public class TextLimitTests
{
    private sealed record TextField(
        int Limit, bool Optional, Func<TestMeeting> Arrange, Action<TestMeeting, string> Act, Func<Meeting, string?> Stored);

    private static readonly Dictionary<string, TextField> Fields = new()
    {
        ["display name"] = new(Limits.DisplayName, false, TestMeeting.InGathering,
            (t, s) => t.Meeting.Join(Guid.NewGuid(), s, Role.Member, null, null, t.Now), m => m.Participants.Last().DisplayName),
        ["participant picture"] = new(Limits.Picture, true, TestMeeting.InGathering,
            (t, s) => t.Meeting.Join(Guid.NewGuid(), "Dee", Role.Member, s, null, t.Now), m => m.Participants.Last().Picture),
        ["answer"] = new(Limits.Answer, false, TestMeeting.InGathering,
            (t, s) => t.Meeting.AnswerQuestion(t.Cast.Member1, t.Meeting.NextId(), Question.WhyAreYouHere, s, null, null), m => m.Answers[^1].Text),
        ["answer picture"] = new(Limits.Picture, true, TestMeeting.InGathering,
            (t, s) => t.Meeting.AnswerQuestion(t.Cast.Member1, t.Meeting.NextId(), Question.WhyAreYouHere, "Hi", s, null), m => m.Answers[^1].Picture),
        ["item title"] = new(Limits.Title, false, TestMeeting.InGathering,
            (t, s) => t.Meeting.ProposeItem(t.Cast.Member1, t.Meeting.NextId(), s, null, null), m => m.Items[^1].Title),
        ["item picture"] = new(Limits.Picture, true, TestMeeting.InGathering,
            (t, s) => t.Meeting.ProposeItem(t.Cast.Member1, t.Meeting.NextId(), "Trips", s, null), m => m.Items[^1].Picture),
        ["note"] = new(Limits.Note, false, () => TestMeeting.WithCurrentItem(),
            (t, s) => t.Meeting.AddNote(t.F, t.Meeting.NextId(), t.Item(0).Id, s), m => m.Items[0].Notes[^1].Text),
        ["poll question"] = new(Limits.PollQuestion, false, () => TestMeeting.InAgenda(),
            (t, s) => t.Meeting.OpenPoll(t.F, t.Meeting.NextId(), null, s, null, false, PollMode.Devices, t.Now), m => m.Polls[^1].Question),
        ["option label"] = new(Limits.OptionLabel, false, () => TestMeeting.InAgenda(),
            (t, s) => t.Meeting.OpenPoll(t.F, t.Meeting.NextId(), null, "Which?", [("Other", null), (s, null)], false, PollMode.Devices, t.Now),
            m => m.Polls[^1].Options[1].Label),
        ["option picture"] = new(Limits.Picture, true, () => TestMeeting.InAgenda(),
            (t, s) => t.Meeting.OpenPoll(t.F, t.Meeting.NextId(), null, "Which?", [("A", null), ("B", s)], false, PollMode.Devices, t.Now),
            m => m.Polls[^1].Options[1].Picture),
        ["decision"] = new(Limits.Decision, false, () => TestMeeting.InAgenda(),
            (t, s) => t.Meeting.RecordDecision(t.F, t.Meeting.NextId(), null, s, ParticipationLevel.CoProduction, null), m => m.Decisions[^1].Text),
        ["action"] = new(Limits.ActionWhat, false, () => TestMeeting.InAgenda(),
            (t, s) => t.Meeting.AddAction(t.F, t.Meeting.NextId(), null, s, t.Cast.Member1, null, null, null, TestCast.Today), m => m.Actions[^1].What),
        ["response"] = new(Limits.Response, false, InvitedListener,
            (t, s) => t.Meeting.Respond(t.Cast.Listener, t.Meeting.NextId(), s, null), m => m.Responses[^1].Text),
    };

    private static TestMeeting InvitedListener()
    {
        var t = TestMeeting.InItems();
        t.Do(m => m.InviteListener(t.F, t.Cast.Listener, null));
        return t;
    }

    public static TheoryData<string> FieldNames => new(Fields.Keys);

    public static TheoryData<string> RequiredFieldNames => new(Fields.Where(f => !f.Value.Optional).Select(f => f.Key));

    public static TheoryData<string> OptionalFieldNames => new(Fields.Where(f => f.Value.Optional).Select(f => f.Key));

    [Theory]
    [MemberData(nameof(FieldNames))]
    public void Text_exactly_at_the_limit_is_accepted_after_trimming(string field)
    {
        var f = Fields[field];
        var t = f.Arrange();
        var text = new string('a', f.Limit);

        t.Do(_ => f.Act(t, $"  {text}\t "));

        Assert.Equal(text, f.Stored(t.Meeting));
    }

    [Theory]
    [MemberData(nameof(FieldNames))]
    public void Text_one_letter_over_the_limit_is_refused(string field)
    {
        var f = Fields[field];
        var t = f.Arrange();
        t.Refuses(ErrorCodes.TextTooLong, _ => f.Act(t, new string('a', f.Limit + 1)));
    }

    [Theory]
    [MemberData(nameof(RequiredFieldNames))]
    public void Empty_or_whitespace_text_is_refused(string field)
    {
        var f = Fields[field];
        var t = f.Arrange();
        foreach (var blank in new[] { "", " ", " \t\n " })
            t.Refuses(ErrorCodes.TextEmpty, _ => f.Act(t, blank));
    }

    [Theory]
    [MemberData(nameof(OptionalFieldNames))]
    public void Blank_optional_text_means_none(string field)
    {
        var f = Fields[field];
        var t = f.Arrange();

        t.Do(_ => f.Act(t, "   "));

        Assert.Null(f.Stored(t.Meeting));
    }

    [Theory]
    [MemberData(nameof(RequiredFieldNames))]
    public void Control_characters_are_dropped_and_what_PostgreSQL_cannot_store_is_refused(string field)
    {
        // PostgreSQL's text and jsonb refuse \u0000 and unpaired surrogates: such text is refused with its own code
        // (the Api refuses it at its boundary too), other control characters are dropped.
        var f = Fields[field];
        var t = f.Arrange();
        foreach (var unstorable in new[] { "A\u0000b", "\ud800", "c\udc00 d", "\u0000\u0001\u0002 \ud800" })
            t.Refuses(ErrorCodes.TextInvalidCharacter, _ => f.Act(t, unstorable));
        t.Refuses(ErrorCodes.TextEmpty, _ => f.Act(t, "\u0001\u0002 \u007f"));

        t.Do(_ => f.Act(t, "Ab\u0007c d\tė 😀"));

        Assert.Equal("Abc d\tė 😀", f.Stored(t.Meeting));
    }

    [Fact]
    public void IsStorable_refuses_NUL_and_half_surrogate_pairs()
    {
        // Built here, not in [InlineData]: the test runner's serialisation would replace a lone surrogate with U+FFFD.
        foreach (var text in new[] { "plain words 😀 ė", "", null, "x\ud83d\ude00" })
            Assert.True(TextRules.IsStorable(text), text);
        foreach (var text in new[] { "a\u0000", "\ud83d", "\ude00x", "a\ud83dx" })
            Assert.False(TextRules.IsStorable(text), text);
    }

    [Fact]
    public void A_promoted_item_title_is_limited_like_any_item_title()
    {
        var t = TestMeeting.InGathering();
        var answer = t.Do(m => m.AnswerQuestion(t.Cast.Member1, m.NextId(), Question.WhatDoYouWantToDo, "Go bowling", null, null));

        t.Refuses(ErrorCodes.TextTooLong, m => m.PromoteAnswer(t.F, m.NextId(), answer.Id, new string('a', Limits.Title + 1)));
        Assert.Equal(Limits.Title, t.Do(m => m.PromoteAnswer(t.F, m.NextId(), answer.Id, new string('a', Limits.Title))).Title.Length);
    }

    [Fact]
    public void Clean_trims_and_checks_empty_before_length()
    {
        Assert.Equal("x", TextRules.Clean("  x  ", 1));
        Assert.Equal(ErrorCodes.TextEmpty, Assert.Throws<BusinessRuleBrokenException>(() => TextRules.Clean(null, 0)).Code);
        var tooLong = Assert.Throws<BusinessRuleBrokenException>(() => TextRules.Clean("abc", 2, "note"));
        Assert.Equal(ErrorCodes.TextTooLong, tooLong.Code);
        Assert.Contains("note", tooLong.Message);
        Assert.Contains("2", tooLong.Message);
    }

    [Fact]
    public void CleanOptional_gives_null_for_blank_and_checks_the_rest()
    {
        Assert.Equal(ErrorCodes.TextInvalidCharacter,
            Assert.Throws<BusinessRuleBrokenException>(() => TextRules.CleanOptional("\u0000", 5, "picture")).Code);
        Assert.Null(TextRules.CleanOptional("\u0001", 5, "picture"));
        Assert.Null(TextRules.CleanOptional(null, 5, "picture"));
        Assert.Null(TextRules.CleanOptional(" \t ", 5, "picture"));
        Assert.Equal("cat", TextRules.CleanOptional(" cat ", 3, "picture"));
        Assert.Equal(ErrorCodes.TextTooLong,
            Assert.Throws<BusinessRuleBrokenException>(() => TextRules.CleanOptional("cats", 3, "picture")).Code);
    }
}
