using ForumHub.Domain.Meetings;
using static ForumHub.Api.Features.Minutes.Writing.EasyReadWriter;

namespace ForumHub.Api.Features.Minutes.Writing;

public static partial class EasyReadGenerator
{
    /// <summary>Each meeting role as a sentence about the person who had it: "Sam was the chair.".</summary>
    internal static string RoleSentence(MeetingRole role, string name) => role switch
    {
        MeetingRole.Chair => $"{name} was the chair.",
        MeetingRole.Timekeeper => $"{name} was the timekeeper.",
        MeetingRole.NoteTaker => $"{name} was the note taker.",
        _ => $"{name} welcomed people.",
    };

    private sealed partial class Writer
    {
        /// <summary>
        /// Roles in the meeting (issue 14): who had each role at the end of the meeting, one sentence each (4 at most, so
        /// the section keeps to 5 sentences). Names come from the meeting as it is now, so an erased person's placeholder
        /// name is what shows. No section when nobody had a role.
        /// </summary>
        private void Roles()
        {
            var held = Enum.GetValues<MeetingRole>().Select(role => (role, holder: m.HolderOf(role))).Where(r => r.holder is not null).ToList();
            if (held.Count == 0) return;
            var section = Section(2, "Jobs in the meeting", "star", "A star");
            foreach (var (role, holder) in held) section.Add(Sentence(RoleSentence(role, Name(holder!.Id))));
        }
    }
}
