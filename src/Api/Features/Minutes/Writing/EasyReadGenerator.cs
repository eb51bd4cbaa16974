using ForumHub.Domain.Meetings;
using static ForumHub.Api.Features.Minutes.Writing.EasyReadWriter;

namespace ForumHub.Api.Features.Minutes.Writing;

/// <summary>What the meeting's events do not hold but the minutes may say.</summary>
public sealed record MinutesOptions(DateOnly? NextMeeting = null)
{
    public TimeZoneInfo Zone { get; init; } = EasyReadText.UkTime;
}

/// <summary>
/// Writes the Easy Read minutes of a meeting as Markdown, to the rules in docs/easy-read.md. A long meeting is told more
/// briefly, step by step, until it fits in under 1,000 words; the standard minutes always hold everything.
/// </summary>
public static partial class EasyReadGenerator
{
    /// <summary>How much to tell, from everything (0) to the shortest (4).</summary>
    private sealed record Detail(bool QuoteNotes, bool ListAnswers, bool AgendaList, bool QuietItemSections, bool ListNames, bool Compact)
    {
        public bool Shortened => !(QuoteNotes && ListAnswers && AgendaList && QuietItemSections && ListNames) || Compact;

        public static Detail[] Levels { get; } =
        [
            new(true, true, true, true, true, false),
            new(false, true, true, true, true, false),
            new(false, false, true, true, true, false),
            new(false, false, false, false, true, false),
            new(false, false, false, false, false, false),
            // Compact: every vote in 1 line, no note counts, no "came from vote", short due dates.
            new(false, false, false, false, false, true),
        ];
    }

    public static string Generate(Meeting meeting, MinutesOptions options)
    {
        var markdown = "";
        foreach (var detail in Detail.Levels)
        {
            markdown = new Writer(meeting, options, detail).Write();
            if (WordsIn(markdown) < EasyReadText.MaxWords) break;
        }
        return markdown;
    }

    /// <summary>
    /// The words a reader sees, counted as the checker counts them (pictures' alt text and Markdown marks left out),
    /// without parsing: the generator may try several levels of detail.
    /// </summary>
    internal static int WordsIn(string markdown) =>
        EasyReadText.CountWords(ListNumber().Replace(Picture().Replace(markdown, " "), "").Replace("\\", "", StringComparison.Ordinal));

    [System.Text.RegularExpressions.GeneratedRegex(@"^\d+\. ", System.Text.RegularExpressions.RegexOptions.Multiline)]
    private static partial System.Text.RegularExpressions.Regex ListNumber();

    [System.Text.RegularExpressions.GeneratedRegex(@"!\[[^\]]*\]\([^)]*\)")]
    private static partial System.Text.RegularExpressions.Regex Picture();

    private static readonly Dictionary<ParticipationLevel, (string Picture, string Alt, string First, string Second)> Levels = new()
    {
        [ParticipationLevel.CoProduction] = ("co-production", "Two hands shaking", "You decided.", "You and the staff decided together, as equals."),
        [ParticipationLevel.CoDesign] = ("co-design", "A pencil", "You helped to plan this.", "The managers will make it happen."),
        [ParticipationLevel.Engagement] = ("engagement", "A person speaking", "The managers will decide.", "They talked it through with you first."),
        [ParticipationLevel.Consultation] = ("consultation", "An ear", "The managers will decide.", "They heard what you think."),
        [ParticipationLevel.Informing] = ("informing", "The letter i for information", "The managers decided.", "They told you about it."),
        [ParticipationLevel.Educating] = ("educating", "A graduation hat", "The managers decided.", "They showed you how it works."),
        [ParticipationLevel.Persuasion] = ("persuasion", "A loudspeaker", "The managers decided.", "You did not get a choice."),
    };

    /// <summary>Plain words for who decided, per Camden step: used by the Easy Read and the standard minutes.</summary>
    public static (string First, string Second) WhoDecided(ParticipationLevel level) => (Levels[level].First, Levels[level].Second);

    private sealed partial class Writer(Meeting m, MinutesOptions options, Detail detail)
    {
        private readonly HashSet<string> _terms = [];
        private readonly List<string> _userText = [];
        private readonly List<SectionDraft> _sections = [];
        private readonly Dictionary<Guid, int> _voteNumbers = m.Polls.Select((p, i) => (p.Id, i + 1)).ToDictionary();
        private readonly List<AgendaItem> _agenda = [.. m.Items.Where(i => i.IsOnAgenda).OrderBy(i => i.Position)];
        private readonly List<Participant> _people = [.. m.Participants.Where(p => p.Role != Role.Screen).OrderBy(p => p.JoinedAt)];

        public string Write()
        {
            About();
            WhoCame();
            Roles();
            Answers(Question.WhyAreYouHere, "Why people came", "question", "A question mark", "said why they came");
            Answers(Question.WhatDoYouWantToDo, "What people wanted to do", "idea", "A light bulb", "said what they wanted to do");
            Agenda();
            foreach (var item in _agenda) Item(item);
            QuietItems();
            Unlinked();
            NothingDecided();
            Responses();
            YouSaidWeDid();
            NextMeeting();
            WordsWeUsed();
            return EasyReadWriter.Write("Easy Read minutes", _sections);
        }

        private SectionDraft Section(int level, string heading, string picture, string alt, string? more = null)
        {
            var section = new SectionDraft(level, heading, picture, alt, more);
            _sections.Add(section);
            return section;
        }

        private Line[] SayUser(string lead, string? text, bool asBullet = false)
        {
            _userText.Add(text ?? "");
            return Say(lead, EasyReadText.CountWords(Unescape(lead)), text, asBullet);
        }

        private string Name(Guid id)
        {
            var name = m.FindParticipant(id)?.DisplayName;
            _userText.Add(name ?? "");
            return name is null ? "Someone" : EasyReadText.Escape(name);
        }

        private static string Unescape(string markdown) => markdown.Replace("\\", "", StringComparison.Ordinal);

        private static string JoinNames(IReadOnlyList<string> names) =>
            names.Count <= 1 ? names.FirstOrDefault() ?? "" : string.Join(", ", names.Take(names.Count - 1)) + " and " + names[^1];

        private void About()
        {
            var about = Section(2, "About this meeting", "calendar", "A calendar");
            about.Add(SayUser("The meeting was called:", m.Title));
            about.Add(Sentence($"We met on {EasyReadText.FullDate(EasyReadText.LocalDate(m.CreatedAt, options.Zone))}."));
            var facilitators = _people.Where(p => p.Role == Role.Facilitator).Select(p => Name(p.Id)).ToList();
            if (facilitators.Count > 0) about.Add(NameLines("", facilitators, " ran the meeting."));
            about.Add(Sentence("These are the minutes of the meeting."));
            _terms.Add("Minutes");
            if (detail.Shortened) about.Add(Sentence("The standard minutes have all the details."));
        }

        /// <summary>Names in as few lines as fit in 15 words: "Members: Ana, Ben and Cara." then "More members: …".</summary>
        private Line[] NameLines(string lead, List<string> names, string tail = ".", string? moreLead = null, bool asBullet = false)
        {
            var lines = new List<Line>();
            var current = new List<string>();
            var leadNow = lead;
            int Words(IEnumerable<string> n) => EasyReadText.CountWords(Unescape(leadNow + string.Join(" ", n) + tail));
            foreach (var name in names)
            {
                if (current.Count > 0 && Words(current.Append(name).Append("and")) > EasyReadText.MaxWordsPerSentence)
                {
                    lines.Add(Make(leadNow + JoinNames(current) + tail));
                    current = [];
                    leadNow = moreLead ?? lead;
                }
                current.Add(name);
            }
            if (current.Count > 0) lines.Add(Make(leadNow + JoinNames(current) + tail));
            return [.. lines];
            Line Make(string text) => asBullet ? Bullet(text) : Sentence(text);
        }

        private void WhoCame()
        {
            var who = Section(2, "Who came", "people", "A group of people");
            who.Add(Sentence($"{EasyReadText.Count(_people.Count, "person", "people")} came."));
            var groups = new (Role Role, string Lead, string More, string One, string Many, string Term)[]
            {
                (Role.Member, "Members: ", "More members: ", "member", "members", "Member"),
                (Role.Supporter, "Supporters: ", "More supporters: ", "supporter", "supporters", "Supporter"),
                (Role.Listener, "Listeners: ", "More listeners: ", "listener", "listeners", "Listener"),
            };
            foreach (var g in groups)
            {
                var people = _people.Where(p => p.Role == g.Role).ToList();
                if (people.Count == 0) continue;
                _terms.Add(g.Term);
                if (detail.ListNames)
                    foreach (var line in NameLines(g.Lead, [.. people.Select(p => Name(p.Id))], ".", g.More, asBullet: true))
                        who.Add(line);
                else who.Add(Sentence($"{EasyReadText.Count(people.Count, g.One, g.Many)} came."));
            }
        }

        private void Answers(Question question, string heading, string picture, string alt, string summary)
        {
            var answers = m.Answers.Where(a => a.Question == question).ToList();
            if (answers.Count == 0) return;
            var section = Section(2, heading, picture, alt);
            if (detail.ListAnswers)
            {
                foreach (var answer in answers) section.Add(SayUser($"{Name(answer.ParticipantId)}:", answer.Text, asBullet: true));
                return;
            }
            var people = answers.Select(a => a.ParticipantId).Distinct().Count();
            section.Add(Sentence($"{EasyReadText.Count(people, "person", "people")} {summary}."));
            section.Add(Sentence("You can read the answers in the standard minutes."));
        }

        private void Agenda()
        {
            if (_agenda.Count == 0)
            {
                Section(2, "The agenda", "agenda", "A clipboard with a list")
                    .Add(Sentence("We did not agree an agenda at this meeting."));
                _terms.Add("Agenda");
                return;
            }
            if (!detail.AgendaList) return;
            _terms.Add("Agenda");
            var section = Section(2, "The agenda", "agenda", "A clipboard with a list");
            section.Add(Sentence($"We agreed to talk about {EasyReadText.Count(_agenda.Count, "thing", "things")}."));
            foreach (var item in _agenda)
                section.Add(FitTitle(item) is { } title
                    ? [Numbered(item.Position!.Value, title)]
                    : [Numbered(item.Position!.Value, "This item is called:"), Quote(EasyReadText.Clean(item.Title))]);
            var left = m.Items.Count(i => !i.IsOnAgenda);
            if (left > 0) section.Add(Sentence($"{EasyReadText.Count(left, "other idea", "other ideas")} did not go on the agenda."));
        }

        /// <summary>
        /// The item's title when it fits in a heading or list line (1 sentence, 10 words or fewer); otherwise null, and
        /// the title is shown whole in a quote. Words that break an Easy Read rule stay: they are the members' own, and the
        /// checker reports them as such.
        /// </summary>
        private string? FitTitle(AgendaItem item)
        {
            _userText.Add(item.Title);
            var clean = EasyReadText.Clean(item.Title);
            return clean.Length > 0 && EasyReadText.Sentences(clean).Count <= 1 && EasyReadText.CountWords(clean) <= 10 && !clean.Contains(';')
                ? EasyReadText.Escape(clean) : null;
        }

        /// <summary>An item named in a list: "Item 3: Day trips." or, for a long title, "Item 3 is called:" and the title as said.</summary>
        private Line[] ItemLines(AgendaItem item) =>
            FitTitle(item) is { } title
                ? [Bullet($"Item {item.Position}: {title}{(title.EndsWith("\\.", StringComparison.Ordinal) || title.EndsWith("\\?", StringComparison.Ordinal) || title.EndsWith("\\!", StringComparison.Ordinal) ? "" : ".")}")]
                : [Bullet($"Item {item.Position} is called:"), Quote(EasyReadText.Clean(item.Title))];

        private string ItemHeading(AgendaItem item) =>
            FitTitle(item) is { } title ? $"Item {item.Position}: {title}" : $"Item {item.Position}";

        private bool HasOutcomes(AgendaItem item) =>
            m.Polls.Any(p => p.ItemId == item.Id) || m.Decisions.Any(d => d.ItemId == item.Id) ||
            m.Actions.Any(a => a.ItemId == item.Id && a.FromResponseId is null);

        private void Item(AgendaItem item)
        {
            if (!detail.QuietItemSections && !HasOutcomes(item)) return;
            var heading = ItemHeading(item);
            var picture = PictureLibrary.Pick(item.Picture, "talk");
            var section = Section(2, heading, picture, picture == "talk" ? "A speech bubble" : $"A picture of {picture.Replace('-', ' ')}",
                $"More about item {item.Position}");
            if (heading == $"Item {item.Position}") section.Add(SayUser("This item was about:", item.Title));
            if (item.Status == ItemStatus.CarriedForward)
                section.Add(Sentence("We did not finish this item."), Sentence("We will talk about it next time."));
            Notes(section, item);

            foreach (var poll in m.Polls.Where(p => p.ItemId == item.Id))
                if (detail.Compact) section.Add(CompactVote(poll));
                else Vote(3, poll);
            foreach (var decision in m.Decisions.Where(d => d.ItemId == item.Id)) Decision(3, decision);
            Actions(3, "Who will do what", m.Actions.Where(a => a.ItemId == item.Id && a.FromResponseId is null).ToList());
        }

        private void Notes(SectionDraft section, AgendaItem item)
        {
            if (item.Notes.Count == 0)
            {
                if (item.Status == ItemStatus.Done) section.Add(Sentence("We talked about this."));
                return;
            }
            if (detail.Compact) return;
            if (!detail.QuoteNotes)
            {
                section.Add(Sentence(item.Notes.Count == 1
                    ? "There is 1 note about this in the standard minutes."
                    : $"There are {item.Notes.Count} notes about this in the standard minutes."));
                return;
            }
            section.Add(Sentence("We wrote down what people said."));
            foreach (var note in item.Notes)
            {
                _userText.Add(note.Text);
                var clean = EasyReadText.Clean(note.Text);
                section.Add(FitsInline(clean, 0) ? Sentence(EasyReadText.Escape(EasyReadText.EndSentence(clean))) : Quote(clean));
            }
        }

        private void Vote(int level, Poll poll)
        {
            var number = _voteNumbers[poll.Id];
            _userText.Add(poll.Question);
            var question = EasyReadText.Clean(poll.Question);
            var inHeading = FitsInline(question, 3) && EasyReadText.CountWords(question) <= 12;
            var section = Section(level, inHeading ? $"Vote {number}: {EasyReadText.Escape(question)}" : $"Vote {number}", "vote",
                "A ballot box", $"More about vote {number}");
            if (!inHeading) section.Add(Say("We asked:", 2, question));

            var tally = poll.Status == PollStatus.Closed ? poll.Tally() : null;
            if (tally is null)
            {
                section.Add(Sentence("This vote did not finish."));
                return;
            }
            var labels = poll.Options.Select((o, i) => Label(o, i + 1)).ToList();
            var options = new List<Line>();
            var quoted = new List<Line>();
            foreach (var (option, index) in poll.Options.Select((o, i) => (o, i)))
            {
                var picture = PictureLibrary.Pick(option.Picture, "choice");
                var votes = EasyReadText.Count(tally[option.Id], "vote", "votes");
                options.Add(Bullet($"![]({PictureLibrary.Scheme}{picture}) {labels[index]}: {votes}."));
                if (labels[index].StartsWith("Choice ", StringComparison.Ordinal) && !IsDefault(option))
                    quoted.AddRange([Sentence($"{labels[index]} was:"), Quote(EasyReadText.Clean(option.Label))]);
            }
            section.Add(options);
            foreach (var line in quoted) section.Add(line);
            if (poll.Secret)
            {
                section.Add(Sentence("This was a secret vote."));
                _terms.Add("Secret vote");
            }
            if (poll.Mode == PollMode.HandCount) section.Add(Sentence("We counted hands in the room."));
            var total = tally.Values.Sum();
            var top = tally.Values.DefaultIfEmpty(0).Max();
            var winners = poll.Options.Select((o, i) => (o, i)).Where(x => tally[x.o.Id] == top).ToList();
            section.Add(Sentence(total == 0 ? "Nobody voted."
                : winners.Count > 1 ? "It was a tie."
                : $"Most votes: {labels[winners[0].i]}."));
        }

        /// <summary>A vote in 1 line: "Vote 3: 10 Yes, 4 No, 2 Not sure." with each choice's picture.</summary>
        private List<Line> CompactVote(Poll poll)
        {
            var number = _voteNumbers[poll.Id];
            if (poll.Status != PollStatus.Closed) return [Sentence($"Vote {number} did not finish.")];
            var tally = poll.Tally();
            var labels = poll.Options.Select((o, i) => Label(o, i + 1)).ToList();
            var parts = poll.Options.Select((o, i) =>
                $"![]({PictureLibrary.Scheme}{PictureLibrary.Pick(o.Picture, "choice")}) {tally[o.Id]} {labels[i]}");
            var lines = new List<Line> { Sentence($"Vote {number}: {string.Join(", ", parts)}.") };
            foreach (var (option, i) in poll.Options.Select((o, i) => (o, i)))
                if (labels[i].StartsWith("Choice ", StringComparison.Ordinal) && !IsDefault(option))
                    lines.AddRange([Sentence($"{labels[i]} was:"), Quote(EasyReadText.Clean(option.Label))]);
            if (poll.Secret)
            {
                lines.Add(Sentence("It was a secret vote."));
                _terms.Add("Secret vote");
            }
            if (poll.Mode == PollMode.HandCount) lines.Add(Sentence("We counted hands."));
            return lines;
        }

        private static bool IsDefault(PollOption option) => Poll.DefaultOptions.Contains(option);

        private string Label(PollOption option, int number)
        {
            _userText.Add(option.Label);
            var clean = EasyReadText.Clean(option.Label);
            return FitsInline(clean, 4) ? EasyReadText.Escape(clean) : $"Choice {number}";
        }

        private void Decision(int level, Decision decision)
        {
            var (picture, alt, first, second) = Levels[decision.Level];
            var section = Section(level, "Decision", picture, alt, "More about this decision");
            section.Add(SayUser("The decision:", decision.Text));
            var who = new List<Line> { Sentence(first), Sentence(second) };
            if (!detail.Compact && decision.PollId is { } pollId && m.Polls.FirstOrDefault(p => p.Id == pollId) is { } poll)
                who.Add(Sentence(CameFrom(poll)));
            section.AddPart("Who made this decision", [.. who]);
        }

        /// <summary>Which vote a decision came from, in words: its question when it fits in the sentence, else its number.</summary>
        private string CameFrom(Poll poll)
        {
            _userText.Add(poll.Question);
            var question = EasyReadText.Clean(poll.Question);
            return FitsInline(question, 6)
                ? $"This came from the vote: {EasyReadText.Escape(EasyReadText.EndSentence(question))}"
                : $"This came from vote {_voteNumbers[poll.Id]}.";
        }

        private void Actions(int level, string heading, List<MeetingAction> actions)
        {
            if (actions.Count == 0) return;
            _terms.Add("Action");
            var section = Section(level, heading, "action", "A pin");
            foreach (var action in actions) section.Add(ActionLines(action));
        }

        private List<Line> ActionLines(MeetingAction action)
        {
            var lines = new List<Line>(SayUser($"{Name(action.OwnerId)} will do this:", action.What));
            if (action.SupporterId is { } helper) lines.Add(Sentence($"{Name(helper)} will help."));
            if (action.DueDate is { } due)
                lines.Add(Sentence(detail.Compact ? $"By {EasyReadText.FullDate(due)}." : $"It will be done by {EasyReadText.FullDate(due)}."));
            if (action.Status == ActionStatus.Done) lines.Add(Sentence("This is done already."));
            if (action.Status == ActionStatus.Dropped) lines.Add(Sentence("We stopped this action."));
            return lines;
        }

        private void QuietItems()
        {
            if (detail.QuietItemSections) return;
            var quiet = _agenda.Where(i => !HasOutcomes(i)).ToList();
            var talked = quiet.Where(i => i.Status == ItemStatus.Done).ToList();
            if (talked.Count > 0)
            {
                var section = Section(2, "We also talked about", "talk", "A speech bubble");
                foreach (var item in talked) section.Add(ItemLines(item));
            }
        }

        /// <summary>Votes, decisions and actions that belong to no agenda item.</summary>
        private void Unlinked()
        {
            var onAgenda = _agenda.Select(i => i.Id).ToHashSet();
            bool Unlinked(Guid? itemId) => itemId is null || !onAgenda.Contains(itemId.Value);
            var polls = m.Polls.Where(p => Unlinked(p.ItemId)).ToList();
            var decisions = m.Decisions.Where(d => Unlinked(d.ItemId)).ToList();
            var actions = m.Actions.Where(a => Unlinked(a.ItemId) && a.FromResponseId is null).ToList();
            if (polls.Count + decisions.Count + actions.Count == 0) return;
            Section(2, "Other things we did", "check", "A tick").Add(Sentence("These were not about one item on the agenda."));
            foreach (var poll in polls)
                if (detail.Compact) Section(3, $"Vote {_voteNumbers[poll.Id]}", "vote", "A ballot box").Add(CompactVote(poll));
                else Vote(3, poll);
            foreach (var decision in decisions) Decision(3, decision);
            Actions(3, "Who will do what", actions);
        }

        private void NothingDecided()
        {
            if (m.Decisions.Count > 0 && m.Actions.Count > 0) return;
            var section = Section(2, "Decisions and actions", "decision", "A pair of scales");
            if (m.Decisions.Count == 0) section.Add(Sentence("We did not decide anything at this meeting."));
            if (m.Actions.Count == 0) section.Add(Sentence("Nobody took on an action at this meeting."));
        }

        private void Responses()
        {
            if (m.Responses.Count == 0) return;
            var section = Section(2, "You said, we will", "listen", "An ear", "More of what listeners said");
            foreach (var response in m.Responses)
            {
                var lines = new List<Line>();
                var item = response.ItemId is { } id ? m.FindItem(id) : null;
                if (item?.Position is { } position) lines.AddRange(SayUser($"This was about item {position}:", item.Title));
                lines.AddRange(SayUser($"{Name(response.ListenerId)} said:", response.Text));
                foreach (var action in m.Actions.Where(a => a.FromResponseId == response.Id)) lines.AddRange(ActionLines(action));
                if (m.Actions.Any(a => a.FromResponseId == response.Id)) _terms.Add("Action");
                section.Add(lines);
            }
        }

        private void NextMeeting()
        {
            var carried = _agenda.Where(i => i.Status == ItemStatus.CarriedForward).ToList();
            if (options.NextMeeting is null && carried.Count == 0) return;
            var section = Section(2, "Next meeting", "next-time", "An arrow to the next one", "More about the next meeting");
            if (options.NextMeeting is { } next) section.Add(Sentence($"Our next meeting is on {EasyReadText.FullDate(next)}."));
            if (carried.Count == 0) return;
            section.Add(Sentence("We will talk about these things again:"));
            foreach (var item in carried) section.Add(ItemLines(item));
        }

        private void WordsWeUsed()
        {
            var abbreviations = _userText.SelectMany(EasyReadText.Words).Where(w => EasyReadRules.IsCaps(w) && Glossary.Knows(w))
                .Distinct().Order(StringComparer.Ordinal).ToList();
            var terms = Glossary.Terms.Keys.Where(_terms.Contains).ToList();
            if (terms.Count + abbreviations.Count == 0) return;
            var section = Section(2, "Words we used", "words", "An open book", "More words we used");
            foreach (var term in terms) section.Add(Bullet($"**{term}**: {Glossary.Terms[term]}"));
            foreach (var abbreviation in abbreviations) section.Add(Bullet($"**{abbreviation}**: {Glossary.Abbreviations[abbreviation]}"));
        }
    }
}
