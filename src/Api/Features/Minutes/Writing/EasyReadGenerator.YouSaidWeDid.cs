using ForumHub.Domain.Meetings;
using static ForumHub.Api.Features.Minutes.Writing.EasyReadWriter;

namespace ForumHub.Api.Features.Minutes.Writing;

public static partial class EasyReadGenerator
{
    private sealed partial class Writer
    {
        /// <summary>
        /// "You said, we did": what listeners said at earlier meetings of the forum (or trustees and managers took on),
        /// as this meeting's review found it and left it ("On Tuesday 3 March 2026 Lee said: ... Now: done.").
        /// </summary>
        private void YouSaidWeDid()
        {
            var tracked = m.Review.Where(r => r.Entry.YouSaid).ToList();
            if (tracked.Count == 0) return;
            var section = Section(2, "You said, we did", "listen", "An ear", "More of what happened since");
            foreach (var r in tracked)
            {
                var e = r.Entry;
                var lines = new List<Line>();
                if (e.About is { } about) lines.AddRange(SayUser("You said:", about));
                var owner = e.OwnerName is null ? "The listener" : EasyReadText.Escape(e.OwnerName);
                _userText.Add(e.OwnerName ?? "");
                lines.AddRange(SayUser($"On {EasyReadText.FullDate(e.SaidOn)} {owner} said:", e.Kind == FollowUpKind.Response ? e.Text : e.Said ?? e.Text));
                if (r.Note is { } note) lines.AddRange(SayUser("News:", note));
                lines.Add(Sentence(r.Status switch
                {
                    FollowUpStatus.Done => "Now: done.",
                    FollowUpStatus.Stuck => "Now: stuck.",
                    FollowUpStatus.Dropped => "Now: dropped.",
                    _ => "Now: not yet.",
                }));
                if (r.DropReason is { } reason) lines.AddRange(SayUser("Why:", reason));
                section.Add(lines);
            }
        }
    }
}
