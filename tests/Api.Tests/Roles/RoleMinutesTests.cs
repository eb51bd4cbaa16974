using ForumHub.Api.Features.Minutes.Writing;
using ForumHub.Domain.Meetings;

namespace ForumHub.Api.Tests.Roles;

/// <summary>The minutes name who had each role at the end of the meeting, in Easy Read ("Sam was the chair.").</summary>
public sealed class RoleMinutesTests
{
    private static readonly DateTimeOffset Now = new(2026, 4, 7, 18, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Each_role_held_at_the_end_is_one_easy_read_sentence_in_its_own_section_with_a_picture()
    {
        var meeting = Meeting.Create(Guid.NewGuid(), "North forum, April", Now);
        var fay = meeting.Join(Guid.NewGuid(), "Fay", Role.Facilitator, null, null, Now).Id;
        var sam = meeting.Join(Guid.NewGuid(), "Sam", Role.Member, null, null, Now).Id;
        var ann = meeting.Join(Guid.NewGuid(), "Ann", Role.Member, null, null, Now).Id;
        var lou = meeting.Join(Guid.NewGuid(), "Lou", Role.Member, null, null, Now).Id;
        meeting.GiveRole(fay, ann, MeetingRole.Chair, Now);
        meeting.TakeRole(fay, ann, MeetingRole.Chair, Now); // a mistake, put right: Sam chaired
        meeting.GiveRole(fay, sam, MeetingRole.Chair, Now);
        meeting.GiveRole(fay, sam, MeetingRole.Welcome, Now);
        meeting.GiveRole(fay, ann, MeetingRole.NoteTaker, Now);
        meeting.GiveRole(fay, ann, MeetingRole.Timekeeper, Now);
        Assert.Throws<Domain.Rules.BusinessRuleBrokenException>(() => meeting.GiveRole(fay, lou, MeetingRole.Timekeeper, Now)); // Ann has it
        meeting.MoveTo(fay, Phase.Closed, Now);

        var markdown = EasyReadGenerator.Generate(meeting, new MinutesOptions());
        var section = markdown[markdown.IndexOf("Jobs in the meeting", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("\n## ", StringComparison.Ordinal)];
        Assert.Contains("![A star]", section, StringComparison.Ordinal);
        Assert.Equal(["Sam was the chair.", "Ann was the timekeeper.", "Ann was the note taker.", "Sam welcomed people."],
            section.Split('\n').Select(l => l.Trim().TrimStart('-', ' ')).Where(l => l.EndsWith('.') && !l.StartsWith('!')).ToList());
        var report = EasyReadChecker.Check(markdown, MinutesStyle.Default, ["Fay", "Sam", "Ann", "Lou"]);
        Assert.True(report.PassedExceptUserText, string.Join("\n", report.Findings.Where(f => !f.InUserText)));
        Assert.Contains("- Roles: Sam was the chair. Ann was the timekeeper. Ann was the note taker. Sam welcomed people.",
            StandardGenerator.Generate(meeting, new MinutesOptions()), StringComparison.Ordinal);
    }

    [Fact]
    public void A_meeting_where_nobody_had_a_role_has_no_such_section()
    {
        var meeting = Meeting.Create(Guid.NewGuid(), "North forum, April", Now);
        var fay = meeting.Join(Guid.NewGuid(), "Fay", Role.Facilitator, null, null, Now).Id;
        meeting.MoveTo(fay, Phase.Closed, Now);
        Assert.DoesNotContain("Jobs in the meeting", EasyReadGenerator.Generate(meeting, new MinutesOptions()), StringComparison.Ordinal);
        Assert.DoesNotContain("Roles:", StandardGenerator.Generate(meeting, new MinutesOptions()), StringComparison.Ordinal);
    }
}
