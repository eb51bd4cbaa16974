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
}
