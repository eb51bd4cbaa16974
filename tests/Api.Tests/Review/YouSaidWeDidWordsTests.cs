using ForumHub.Api.Features.Minutes.Writing;
using ForumHub.Api.Features.Review;
using ForumHub.Domain.Meetings;

namespace ForumHub.Api.Tests.Review;

/// <summary>The review's and the forum page's fixed words pass the Easy Read checker's text rules.</summary>
public sealed class YouSaidWeDidWordsTests
{
    private static ReviewEntry Entry(FollowUpKind kind, string? about, string? said) => new(
        Guid.NewGuid(), kind, kind == FollowUpKind.Response ? "I will ask" : "Write a letter", null, about, said, Guid.NewGuid(), "Tom", null,
        Role.Listener, true, Guid.NewGuid(), new DateOnly(2026, 3, 3), FollowUpStatus.NotYet, null);

    public static TheoryData<FollowUpKind, string?, string?, FollowUpStatus> Cases => new()
    {
        { FollowUpKind.Response, "More buses", null, FollowUpStatus.Done },
        { FollowUpKind.Action, "More buses", "I will ask", FollowUpStatus.NotYet },
        { FollowUpKind.Action, null, null, FollowUpStatus.Stuck },
        { FollowUpKind.Response, null, null, FollowUpStatus.Dropped },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_line_is_one_short_easy_read_sentence_with_the_date_in_full(FollowUpKind kind, string? about, string? said, FollowUpStatus status)
    {
        var lines = YouSaidWeDidWords.Lines(Entry(kind, about, said), status, "Sent", status == FollowUpStatus.Dropped ? "No money" : null)
            .Append(YouSaidWeDidWords.OpenFor(35)).Append(YouSaidWeDidWords.OpenFor(1)).Append(YouSaidWeDidWords.OpenFor(0)).ToList();
        Assert.Contains(lines, l => l.Contains("Tuesday 3 March 2026", StringComparison.Ordinal));
        foreach (var line in lines)
        {
            Assert.Empty(EasyReadRules.ProblemsIn(line));
            Assert.InRange(EasyReadText.CountWords(line), 1, 15);
        }
        Assert.Equal(status switch
        {
            FollowUpStatus.Done => "Now: done.",
            FollowUpStatus.Stuck => "Now: stuck.",
            FollowUpStatus.Dropped => "Now: dropped. Why: No money.",
            _ => "Now: not yet.",
        }, lines[^4]);
    }

    [Fact]
    public void The_minutes_of_a_meeting_that_reviewed_a_listeners_words_show_their_progress_in_easy_read()
    {
        var now = new DateTimeOffset(2026, 4, 7, 18, 0, 0, TimeSpan.Zero);
        var meeting = Meeting.Create(Guid.NewGuid(), "North forum, April", now);
        var fay = meeting.Join(Guid.NewGuid(), "Fay", Role.Facilitator, null, null, now).Id;
        meeting.Join(Guid.NewGuid(), "Lee", Role.Listener, null, null, now);
        var (bus, cafe) = (Guid.NewGuid(), Guid.NewGuid());
        meeting.PrepareReview([
            Entry(FollowUpKind.Action, "More buses", "I will ask the bus company") with { FollowUpId = bus, OwnerName = "Lee" },
            Entry(FollowUpKind.Response, "Cheaper cafe", null) with { FollowUpId = cafe, OwnerName = "Lee" },
        ]);
        meeting.SetFollowUpStatus(fay, bus, FollowUpStatus.Done, null, "They add a bus at 6", now);
        meeting.SetFollowUpStatus(fay, cafe, FollowUpStatus.Dropped, "The cafe closed", null, now);
        meeting.MoveTo(fay, Phase.Closed, now);

        var markdown = EasyReadGenerator.Generate(meeting, new MinutesOptions());
        Assert.Contains("You said, we did", markdown);
        Assert.Contains("On Tuesday 3 March 2026 Lee said:", markdown);
        Assert.Contains("Now: done.", markdown);
        Assert.Contains("Now: dropped.", markdown);
        Assert.Contains("The cafe closed", markdown);
        var report = EasyReadChecker.Check(markdown, MinutesStyle.Default, ["Fay", "Lee", "More buses", "Cheaper cafe"]);
        Assert.True(report.PassedExceptUserText, string.Join("\n", report.Findings.Where(f => !f.InUserText)));
    }
}
