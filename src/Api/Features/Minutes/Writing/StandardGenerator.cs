using System.Globalization;
using System.Text;
using ForumHub.Domain.Meetings;

namespace ForumHub.Api.Features.Minutes.Writing;

/// <summary>
/// The standard minutes: everything the meeting recorded, in full, as Markdown (user text escaped). Secret votes
/// show totals only; open votes on devices show who chose what, and who voted with support.
/// </summary>
public static class StandardGenerator
{
    public static string Generate(Meeting m, MinutesOptions options)
    {
        var md = new StringBuilder();
        string E(string? text) => EasyReadText.Escape(text);
        string Name(Guid id) => m.FindParticipant(id) is { } p ? E(p.DisplayName) : "someone";
        string WithSupport(Guid person, Guid enteredBy) =>
            person == enteredBy ? Name(person) : $"{Name(person)} (with support from {Name(enteredBy)})";
        var people = m.Participants.Where(p => p.Role != Role.Screen).OrderBy(p => p.JoinedAt).ToList();
        var agenda = m.Items.Where(i => i.IsOnAgenda).OrderBy(i => i.Position).ToList();
        var onAgenda = agenda.Select(i => i.Id).ToHashSet();
        var pollNumbers = m.Polls.Select((p, i) => (p.Id, i + 1)).ToDictionary();
        var local = TimeZoneInfo.ConvertTime(m.CreatedAt, options.Zone);

        md.Append("# Minutes: ").Append(E(m.Title)).Append("\n\n");
        md.Append("Date: ").Append(EasyReadText.FullDate(DateOnly.FromDateTime(local.DateTime)))
            .Append(", started at ").Append(local.ToString("HH:mm", CultureInfo.InvariantCulture)).Append(" UK time.\n");

        md.Append("\n## Attendance\n\n");
        foreach (var (role, label) in new[] { (Role.Facilitator, "Facilitator"), (Role.Member, "Members"), (Role.Listener, "Listeners") })
        {
            var names = people.Where(p => p.Role == role).Select(p => Name(p.Id)).ToList();
            if (names.Count > 0) md.Append("- ").Append(label).Append(": ").Append(string.Join(", ", names)).Append('\n');
        }
        var supporters = people.Where(p => p.Role == Role.Supporter)
            .Select(p => p.SupportsMemberId is { } member ? $"{Name(p.Id)} (supporting {Name(member)})" : Name(p.Id)).ToList();
        if (supporters.Count > 0) md.Append("- Supporters: ").Append(string.Join(", ", supporters)).Append('\n');
        var left = people.Where(p => p.Removed).Select(p => Name(p.Id)).ToList();
        if (left.Count > 0) md.Append("- Left during the meeting: ").Append(string.Join(", ", left)).Append('\n');
        md.Append("- In total: ").Append(people.Count.ToString(CultureInfo.InvariantCulture)).Append(" people.\n");
        var roles = Enum.GetValues<MeetingRole>().Where(r => m.HolderOf(r) is not null)
            .Select(r => EasyReadGenerator.RoleSentence(r, Name(m.HolderOf(r)!.Id))).ToList();
        if (roles.Count > 0) md.Append("- Roles: ").Append(string.Join(" ", roles)).Append('\n');

        foreach (var (question, heading) in new[]
                 {
                     (Question.WhyAreYouHere, "Why are you here?"), (Question.WhatDoYouWantToDo, "What do you want to do?"),
                 })
        {
            var answers = m.Answers.Where(a => a.Question == question).ToList();
            md.Append("\n## ").Append(heading).Append("\n\n");
            if (answers.Count == 0) md.Append("No answers.\n");
            foreach (var a in answers)
            {
                md.Append("- ").Append(WithSupport(a.ParticipantId, a.EnteredById)).Append(": ").Append(E(a.Text));
                if (a.PromotedToItemId is { } itemId && m.FindItem(itemId) is { } item)
                    md.Append(item.Position is { } pos ? $" (agenda item {pos})" : " (proposed as an item)");
                md.Append('\n');
            }
        }

        md.Append("\n## Agenda\n\n");
        if (agenda.Count == 0) md.Append("No agenda was agreed.\n");
        foreach (var item in agenda)
            md.Append(item.Position!.Value.ToString(CultureInfo.InvariantCulture)).Append(". ").Append(E(item.Title))
                .Append(" (").Append(StatusText(item.Status)).Append(")\n");
        var notAgreed = m.Items.Where(i => !i.IsOnAgenda).ToList();
        if (notAgreed.Count > 0)
        {
            md.Append("\nProposed but not on the agenda:\n\n");
            foreach (var item in notAgreed) md.Append("- ").Append(E(item.Title)).Append(" (proposed by ").Append(Name(item.ProposedById)).Append(")\n");
        }

        foreach (var item in agenda)
        {
            md.Append("\n## ").Append(item.Position!.Value.ToString(CultureInfo.InvariantCulture)).Append(". ").Append(E(item.Title)).Append("\n\n");
            md.Append("Proposed by ").Append(WithSupport(item.ProposedById, item.EnteredById)).Append(". Status: ")
                .Append(StatusText(item.Status)).Append(".\n");
            if (item.Notes.Count > 0)
            {
                md.Append("\n### Notes\n\n");
                foreach (var note in item.Notes) md.Append("- ").Append(E(note.Text)).Append('\n');
            }
            Outcomes(md, m, pollNumbers, p => p == item.Id, E, Name, WithSupport);
        }

        if (m.Polls.Any(p => p.ItemId is null || !onAgenda.Contains(p.ItemId.Value)) ||
            m.Decisions.Any(d => d.ItemId is null || !onAgenda.Contains(d.ItemId.Value)) ||
            m.Actions.Any(a => a.FromResponseId is null && (a.ItemId is null || !onAgenda.Contains(a.ItemId.Value))))
        {
            md.Append("\n## Not linked to an agenda item\n");
            Outcomes(md, m, pollNumbers, p => p is null || !onAgenda.Contains(p.Value), E, Name, WithSupport);
        }

        if (m.Decisions.Count == 0) md.Append("\n## Decisions\n\nNo decisions were made at this meeting.\n");
        if (m.Actions.Count == 0) md.Append("\n## Actions\n\nNo actions were agreed at this meeting.\n");

        if (m.Responses.Count > 0)
        {
            md.Append("\n## Listener responses (You said, we will)\n\n");
            foreach (var r in m.Responses)
            {
                md.Append("- ").Append(Name(r.ListenerId));
                if (r.ItemId is { } id && m.FindItem(id)?.Position is { } pos) md.Append(" on item ").Append(pos.ToString(CultureInfo.InvariantCulture));
                md.Append(": ").Append(E(r.Text)).Append('\n');
                foreach (var a in m.Actions.Where(a => a.FromResponseId == r.Id))
                    md.Append("  - Action: ").Append(ActionText(a, E, Name)).Append('\n');
            }
        }

        var carried = agenda.Where(i => i.Status == ItemStatus.CarriedForward).ToList();
        if (carried.Count > 0 || options.NextMeeting is not null)
        {
            md.Append("\n## Next meeting\n\n");
            if (options.NextMeeting is { } next) md.Append("Date: ").Append(EasyReadText.FullDate(next)).Append(".\n");
            if (carried.Count > 0)
            {
                md.Append("\nCarried forward to the next meeting:\n\n");
                foreach (var item in carried) md.Append("- ").Append(E(item.Title)).Append('\n');
            }
        }
        return md.ToString();
    }

    private static void Outcomes(StringBuilder md, Meeting m, Dictionary<Guid, int> pollNumbers, Func<Guid?, bool> belongs,
        Func<string?, string> e, Func<Guid, string> name, Func<Guid, Guid, string> withSupport)
    {
        foreach (var poll in m.Polls.Where(p => belongs(p.ItemId)))
        {
            md.Append("\n### Vote ").Append(pollNumbers[poll.Id].ToString(CultureInfo.InvariantCulture)).Append(": ").Append(e(poll.Question)).Append("\n\n");
            md.Append(poll.Secret ? "Secret vote" : "Open vote").Append(poll.Mode == PollMode.HandCount ? ", hands counted in the room" : ", on devices");
            if (poll.Status != PollStatus.Closed)
            {
                md.Append(". The vote did not close.\n");
                continue;
            }
            var tally = poll.Tally();
            var voted = tally.Values.Sum();
            md.Append(". ").Append(voted.ToString(CultureInfo.InvariantCulture)).Append(" votes; ")
                .Append(poll.EligibleMemberIds.Count.ToString(CultureInfo.InvariantCulture)).Append(" people could vote.\n\n");
            foreach (var option in poll.Options)
            {
                md.Append("- ").Append(e(option.Label)).Append(": ").Append(tally[option.Id].ToString(CultureInfo.InvariantCulture));
                // Who chose what is shown only for open votes on devices; a secret vote never shows it.
                if (!poll.Secret && poll.Mode == PollMode.Devices)
                {
                    var voters = poll.Ballots.Where(b => b.OptionId == option.Id).Select(b => withSupport(b.MemberId, b.EnteredById)).ToList();
                    if (voters.Count > 0) md.Append(" (").Append(string.Join(", ", voters)).Append(')');
                }
                md.Append('\n');
            }
        }
        var decisions = m.Decisions.Where(d => belongs(d.ItemId)).ToList();
        if (decisions.Count > 0)
        {
            md.Append("\n### Decisions\n\n");
            foreach (var d in decisions)
            {
                var (first, second) = EasyReadGenerator.WhoDecided(d.Level);
                md.Append("- ").Append(e(d.Text)).Append(" Who decided: ").Append(LevelName(d.Level))
                    .Append(" (Camden Steps of Participation). ").Append(first).Append(' ').Append(second);
                if (d.PollId is { } poll && pollNumbers.TryGetValue(poll, out var n)) md.Append(" From vote ").Append(n.ToString(CultureInfo.InvariantCulture)).Append('.');
                md.Append('\n');
            }
        }
        var actions = m.Actions.Where(a => belongs(a.ItemId) && a.FromResponseId is null).ToList();
        if (actions.Count > 0)
        {
            md.Append("\n### Actions\n\n");
            foreach (var a in actions) md.Append("- ").Append(ActionText(a, e, name)).Append('\n');
        }
    }

    private static string ActionText(MeetingAction a, Func<string?, string> e, Func<Guid, string> name)
    {
        var text = new StringBuilder(e(a.What)).Append(". Owner: ").Append(name(a.OwnerId));
        if (a.SupporterId is { } s) text.Append(", supported by ").Append(name(s));
        if (a.DueDate is { } due) text.Append(", by ").Append(EasyReadText.FullDate(due));
        text.Append(". Status: ").Append(a.Status switch { ActionStatus.Done => "done", ActionStatus.Dropped => "dropped", _ => "open" }).Append('.');
        return text.ToString();
    }

    public static string LevelName(ParticipationLevel level) => level switch
    {
        ParticipationLevel.CoProduction => "co-production",
        ParticipationLevel.CoDesign => "co-design",
        _ => level.ToString().ToLowerInvariant(),
    };

    private static string StatusText(ItemStatus status) => status switch
    {
        ItemStatus.Done => "done",
        ItemStatus.CarriedForward => "carried forward to the next meeting",
        ItemStatus.Current => "in progress",
        ItemStatus.Agreed => "not started",
        _ => "proposed",
    };
}
