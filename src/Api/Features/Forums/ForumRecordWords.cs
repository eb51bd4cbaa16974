using ForumHub.Api.Infrastructure;

namespace ForumHub.Api.Features.Forums;

/// <summary>
/// The record in Easy Read, as the member says it ("I went to 5 meetings."): one short sentence a line, numbers as
/// digits, dates in full, each line with a picture; a section appears only when it has something to say, except
/// the meetings. Checked by the Easy Read checker's text rules (ForumRecordWordsTests).
/// </summary>
public static class ForumRecordWords
{
    public static IReadOnlyList<RecordLine> Lines(ForumRecordCounts? c)
    {
        if (c is null)
            return [new("consent", "cross", "We do not keep a record for you."), new("consent", "no", "You said no."),
                new("consent", "question", "You can change your mind. Please ask the facilitator.")];
        var lines = new List<RecordLine>
        {
            new("meetings", "meeting", c.Meetings switch
            {
                0 => "I have not been to a meeting yet.",
                1 => "I went to 1 meeting.",
                _ => $"I went to {c.Meetings} meetings.",
            }),
        };
        if (c.FirstMeeting is { } first)
            lines.Add(new("meetings", "calendar", $"{(c.Meetings == 1 ? "It" : "My first meeting")} was on {EasyReadDates.FullDate(first)}."));
        if (c.Meetings > 1 && c.LastMeeting is { } last) lines.Add(new("meetings", "calendar", $"My last meeting was on {EasyReadDates.FullDate(last)}."));
        foreach (var role in c.Roles.Where(r => r.Meetings > 0))
            lines.Add(new("roles", RolePicture(role.Role), RoleSentence(role.Role, role.Meetings)));
        if (c.IdeasProposed > 0)
        {
            lines.Add(new("ideas", "idea", c.IdeasProposed == 1 ? "I had 1 idea for the agenda." : $"I had {c.IdeasProposed} ideas for the agenda."));
            lines.Add(new("ideas", "agenda", c.IdeasProposed == 1
                ? (c.IdeasOnAgenda == 1 ? "It went on the agenda." : "It did not go on the agenda.")
                : $"{c.IdeasOnAgenda} of them went on the agenda."));
        }
        if (c.VotesCast > 0) lines.Add(new("votes", "vote", $"I voted {Times(c.VotesCast)}."));
        if (c.ActionsOwned > 0)
        {
            lines.Add(new("actions", "action", c.ActionsOwned == 1 ? "I took on 1 action." : $"I took on {c.ActionsOwned} actions."));
            lines.Add(new("actions", "check", c.ActionsOwned == 1
                ? (c.ActionsDone == 1 ? "I did it." : "It is not done yet.")
                : $"I did {c.ActionsDone} of them."));
        }
        return lines;
    }

    public static string RoleSentence(string role, int meetings) => role switch
    {
        "chair" => $"I was the chair {Times(meetings)}.",
        "timekeeper" => $"I kept the time {Times(meetings)}.",
        "noteTaker" => $"I wrote the notes {Times(meetings)}.",
        "welcome" => $"I welcomed people {Times(meetings)}.",
        _ => $"I had a role {Times(meetings)}.",
    };

    private static string RolePicture(string role) => role switch
    {
        "chair" => "facilitator",
        "timekeeper" => "clock",
        "noteTaker" => "notes",
        "welcome" => "hello",
        _ => "star",
    };

    private static string Times(int n) => n == 1 ? "1 time" : $"{n} times";
}
