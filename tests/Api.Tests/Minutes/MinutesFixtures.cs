using System.Text.RegularExpressions;
using ForumHub.Api.Features.Minutes.Writing;
using ForumHub.Api.Persistence;
using ForumHub.Domain.Meetings;

namespace ForumHub.Api.Tests.Minutes;

/// <summary>
/// The three fixture meetings of the golden-file tests, built through the domain's own commands (so every rule
/// is obeyed), with fixed dates; the ids the domain makes up are then renumbered in order of first use and the
/// meeting is replayed from those events, so every run builds exactly the same meeting.
/// </summary>
public static partial class MinutesFixtures
{
    public static readonly DateTimeOffset ShortStart = new(2026, 3, 3, 14, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset LongStart = new(2026, 3, 25, 10, 30, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset QuietStart = new(2026, 3, 12, 13, 0, 0, TimeSpan.Zero);

    public static MinutesOptions ShortOptions { get; } = new(new DateOnly(2026, 4, 7));
    public static MinutesOptions LongOptions { get; } = new(new DateOnly(2026, 4, 22));
    public static MinutesOptions QuietOptions { get; } = new();

    public static IEnumerable<(string Name, Meeting Meeting, MinutesOptions Options)> All() =>
    [
        ("short", Short(), ShortOptions),
        ("long", Long(), LongOptions),
        ("nothing-decided", NothingDecided(), QuietOptions),
    ];

    /// <summary>A short meeting: 4 members and helpers, 2 items, an open and a secret vote, decisions, actions, a listener's reply.</summary>
    public static Meeting Short()
    {
        var t = ShortStart;
        var today = DateOnly.FromDateTime(t.UtcDateTime);
        var m = Meeting.Create(Guid.NewGuid(), "North forum", t);
        var sam = m.Join(Guid.NewGuid(), "Sam", Role.Facilitator, null, null, t).Id;
        m.Join(Guid.NewGuid(), "Shared screen", Role.Screen, "screen", null, t);
        var ana = m.Join(Guid.NewGuid(), "Ana", Role.Member, "star", null, t.AddMinutes(1)).Id;
        var ben = m.Join(Guid.NewGuid(), "Ben", Role.Member, "bus", null, t.AddMinutes(1)).Id;
        var cara = m.Join(Guid.NewGuid(), "Cara", Role.Member, null, null, t.AddMinutes(2)).Id;
        var sue = m.Join(Guid.NewGuid(), "Sue", Role.Supporter, null, ben, t.AddMinutes(2)).Id;
        var tom = m.Join(Guid.NewGuid(), "Tom Price", Role.Listener, null, null, t.AddMinutes(3)).Id;

        m.AnswerQuestion(ana, Question.WhyAreYouHere, "To see my friends", "friends", null);
        m.AnswerQuestion(sue, Question.WhyAreYouHere, "I want to talk about buses", "bus", ben);
        m.AnswerQuestion(cara, Question.WhyAreYouHere,
            "I come every month because I like hearing what everyone has been doing and the tea is always nice", null, null);
        m.AnswerQuestion(tom, Question.WhyAreYouHere, "To listen to members", null, null);
        m.AnswerQuestion(sue, Question.WhyAreYouHere, "To help Ben", null, null);
        var buses = m.AnswerQuestion(ana, Question.WhatDoYouWantToDo, "Better buses on Sundays", "bus", null).Id;
        var trip = m.AnswerQuestion(sue, Question.WhatDoYouWantToDo, "A summer trip", "holiday", ben).Id;
        var room = m.AnswerQuestion(cara, Question.WhatDoYouWantToDo, "A quiet room at the day centre", "home", null).Id;

        m.MoveTo(sam, Phase.Agenda, t.AddMinutes(15));
        var busItem = m.PromoteAnswer(sam, buses, null).Id;
        var tripItem = m.PromoteAnswer(sam, trip, null).Id;
        m.PromoteAnswer(sam, room, null);
        m.AgreeAgenda(sam, [busItem, tripItem]);
        m.MoveTo(sam, Phase.Items, t.AddMinutes(20));

        m.StartItem(sam, busItem);
        m.AddNote(sam, busItem, "The number 12 bus does not run on Sundays.");
        m.AddNote(sam, busItem, "Ana said she cannot get to church or see her mum on a Sunday because there is no bus from her road.");
        var busVote = m.OpenPoll(sam, busItem, "Shall we ask the council for Sunday buses?", null, false, PollMode.Devices, t.AddMinutes(30)).Id;
        m.CastBallot(ana, busVote, "yes", null);
        m.CastBallot(sue, busVote, "yes", ben);
        m.CastBallot(cara, busVote, "not-sure", null);
        m.ClosePoll(sam, busVote, t.AddMinutes(33));
        m.RecordDecision(sam, busItem, "We will write to the council about Sunday buses.", ParticipationLevel.CoProduction, busVote);
        m.AddAction(sam, busItem, "Write a letter to the council", ana, sue, new DateOnly(2026, 3, 20), null, today);
        m.InviteListener(sam, tom, busItem);
        var reply = m.Respond(tom, "I will raise Sunday buses with the council transport team.", busItem).Id;
        m.AddAction(sam, busItem, "Speak to the council transport team", tom, null, new DateOnly(2026, 4, 3), reply, today);
        m.FinishItem(sam, busItem);

        m.StartItem(sam, tripItem);
        m.AddNote(sam, tripItem, "People want a day out in July.");
        var tripVote = m.OpenPoll(sam, tripItem, "Where shall we go on the summer trip?",
            [("The seaside", "holiday"), ("The zoo", null), ("A farm", "garden")], true, PollMode.Devices, t.AddMinutes(45)).Id;
        m.CastBallot(ana, tripVote, "o1", null);
        m.CastBallot(sue, tripVote, "o1", ben);
        m.CastBallot(cara, tripVote, "o2", null);
        m.ClosePoll(sam, tripVote, t.AddMinutes(48));
        m.RecordDecision(sam, tripItem, "The managers will book the trip after they look at the vote.", ParticipationLevel.Consultation, tripVote);
        m.FinishItem(sam, tripItem);
        m.MoveTo(sam, Phase.Closed, t.AddMinutes(60));
        return Renumbered(m);
    }

    /// <summary>40 people, 200 answers, 30 agenda items, 20 votes (4 secret, 2 by hands), decisions at every Camden step.</summary>
    public static Meeting Long()
    {
        var t = LongStart;
        var today = DateOnly.FromDateTime(t.UtcDateTime);
        var m = Meeting.Create(Guid.NewGuid(), "Regional forum", t);
        var jo = m.Join(Guid.NewGuid(), "Jo", Role.Facilitator, null, null, t).Id;
        m.Join(Guid.NewGuid(), "Shared screen", Role.Screen, "screen", null, t);
        var members = MemberNames.Select((n, i) => m.Join(Guid.NewGuid(), n, Role.Member, null, null, t.AddSeconds(i)).Id).ToList();
        var supporters = SupporterNames.Select((n, i) =>
            m.Join(Guid.NewGuid(), n, Role.Supporter, null, members[i * 6], t.AddMinutes(1).AddSeconds(i)).Id).ToList();
        var listeners = ListenerNames.Select((n, i) => m.Join(Guid.NewGuid(), n, Role.Listener, null, null, t.AddMinutes(2).AddSeconds(i)).Id).ToList();
        if (m.Participants.Count(p => p.Role != Role.Screen) != 40) throw new InvalidOperationException("The long fixture needs 40 people.");

        var everyone = new[] { jo }.Concat(members).Concat(supporters).Concat(listeners).ToList();
        foreach (var (person, i) in everyone.Select((p, i) => (p, i)))
            m.AnswerQuestion(person, Question.WhyAreYouHere, WhyAnswers[i % WhyAnswers.Length], null, null);
        var wishes = new List<Answer>();
        for (var round = 0; round < 5; round++)
            foreach (var (member, i) in members.Select((p, i) => (p, i)))
                wishes.Add(m.AnswerQuestion(member, Question.WhatDoYouWantToDo, $"{Topics[(round * 30 + i) % Topics.Length]}", null, null));
        foreach (var (supporter, i) in supporters.Select((p, i) => (p, i)))
            for (var k = 0; k < 2; k++)
                wishes.Add(m.AnswerQuestion(supporter, Question.WhatDoYouWantToDo, $"{Topics[(i * 2 + k + 7) % Topics.Length]} please",
                    null, members[i * 6]));
        if (m.Answers.Count != 200) throw new InvalidOperationException($"The long fixture needs 200 answers, not {m.Answers.Count}.");

        m.MoveTo(jo, Phase.Agenda, t.AddMinutes(30));
        var items = wishes.Take(30).Select((w, i) => m.PromoteAnswer(jo, w.Id, ItemTitles[i]).Id).ToList();
        m.AgreeAgenda(jo, items);
        m.MoveTo(jo, Phase.Items, t.AddMinutes(35));

        var levels = Enum.GetValues<ParticipationLevel>();
        var minute = 40;
        for (var i = 0; i < 26; i++)
        {
            var item = items[i];
            m.StartItem(jo, item);
            m.AddNote(jo, item, $"People talked about {ItemTitles[i].ToLowerInvariant()}.");
            if (i % 3 == 0) m.AddNote(jo, item, "Some people were worried about the cost.");
            Guid? poll = null;
            if (i < 20)
            {
                var secret = i % 5 == 3;
                var hands = i % 10 == 4;
                IReadOnlyList<(string, string?)>? options = i % 7 == 6 ? [("Morning", "sun"), ("Afternoon", "coffee"), ("Evening", "star"), ("Weekend", "calendar")] : null;
                poll = m.OpenPoll(jo, item, $"Do you agree with the plan for {ItemTitles[i].ToLowerInvariant()}?", options, secret,
                    hands ? PollMode.HandCount : PollMode.Devices, t.AddMinutes(minute++)).Id;
                var ids = m.FindPoll(poll.Value)!.Options.Select(o => o.Id).ToList();
                if (hands) m.RecordHandCount(jo, poll.Value, ids.Select((id, k) => (id, 14 - 5 * k)).ToDictionary(x => x.id, x => Math.Max(x.Item2, 1)));
                else
                    foreach (var (member, k) in members.Select((p, k) => (p, k)))
                    {
                        if ((k + i) % 9 == 0) continue; // some did not vote
                        var supporter = k % 6 == 0 ? supporters[k / 6] : member;
                        m.CastBallot(supporter, poll.Value, ids[(k * 7 + i) % 5 % ids.Count], supporter == member ? null : member);
                    }
                m.ClosePoll(jo, poll.Value, t.AddMinutes(minute++));
            }
            if (i % 2 == 0)
                m.RecordDecision(jo, item, DecisionTexts[i / 2 % DecisionTexts.Length], levels[i / 2 % levels.Length], poll);
            if (i % 3 == 1)
                m.AddAction(jo, item, ActionTexts[i / 3 % ActionTexts.Length], members[i], i % 2 == 1 ? supporters[i / 6] : null,
                    today.AddDays(14 + i), null, today);
            if (i is 2 or 9 or 15)
            {
                var listener = listeners[i % 4];
                m.InviteListener(jo, listener, item);
                var reply = m.Respond(listener, ResponseTexts[i % 3], item).Id;
                if (i != 15) m.AddAction(jo, item, "Report back at the next meeting", listener, null, today.AddDays(28), reply, today);
            }
            m.FinishItem(jo, item);
        }
        m.MoveTo(jo, Phase.Closed, t.AddMinutes(180));
        return Renumbered(m);
    }

    /// <summary>A meeting where people talked, and a vote was tied, but nothing was decided and nobody took an action.</summary>
    public static Meeting NothingDecided()
    {
        var t = QuietStart;
        var m = Meeting.Create(Guid.NewGuid(), "South forum", t);
        var jo = m.Join(Guid.NewGuid(), "Jo", Role.Facilitator, null, null, t).Id;
        var dev = m.Join(Guid.NewGuid(), "Dev", Role.Member, "music", null, t.AddMinutes(1)).Id;
        var eve = m.Join(Guid.NewGuid(), "Eve", Role.Member, null, null, t.AddMinutes(1)).Id;
        var uma = m.Join(Guid.NewGuid(), "Uma", Role.Listener, null, null, t.AddMinutes(2)).Id;
        m.AnswerQuestion(dev, Question.WhyAreYouHere, "To have my say", null, null);
        m.AnswerQuestion(eve, Question.WhyAreYouHere, "My GP told me about it", null, null);
        m.AnswerQuestion(uma, Question.WhyAreYouHere, "To hear about the garden", null, null);
        var garden = m.AnswerQuestion(dev, Question.WhatDoYouWantToDo, "Our garden", "garden", null).Id;
        var passes = m.AnswerQuestion(eve, Question.WhatDoYouWantToDo, "Bus passes", "bus", null).Id;
        m.MoveTo(jo, Phase.Agenda, t.AddMinutes(10));
        var gardenItem = m.PromoteAnswer(jo, garden, null).Id;
        var passItem = m.PromoteAnswer(jo, passes, null).Id;
        m.AgreeAgenda(jo, [gardenItem, passItem]);
        m.MoveTo(jo, Phase.Items, t.AddMinutes(12));
        m.StartItem(jo, gardenItem);
        m.AddNote(jo, gardenItem, "The garden needs new plants.");
        var vote = m.OpenPoll(jo, gardenItem, "Shall we plant vegetables?", null, false, PollMode.HandCount, t.AddMinutes(20)).Id;
        m.RecordHandCount(jo, vote, new Dictionary<string, int> { ["yes"] = 1, ["no"] = 1, ["not-sure"] = 0 });
        m.ClosePoll(jo, vote, t.AddMinutes(22));
        m.FinishItem(jo, gardenItem);
        m.MoveTo(jo, Phase.Closed, t.AddMinutes(45));
        return Renumbered(m);
    }

    /// <summary>Replays the meeting's events with every id replaced by 00000000-0000-0000-0000-00000000000N in order of first use.</summary>
    public static Meeting Renumbered(Meeting meeting)
    {
        var ids = new Dictionary<string, string>();
        var events = meeting.DequeueUncommitted().Select(e =>
        {
            var json = GuidPattern().Replace(EventSerializer.Serialize(e), match =>
            {
                if (!ids.TryGetValue(match.Value, out var fixedId))
                    ids[match.Value] = fixedId = $"00000000-0000-0000-0000-{ids.Count + 1:D12}";
                return fixedId;
            });
            return EventSerializer.Deserialize(EventSerializer.TypeName(e.GetType()), json);
        }).ToList();
        return Meeting.Replay(events);
    }

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex GuidPattern();

    private static readonly string[] MemberNames =
    [
        "Aisha", "Bilal", "Chloe", "Daniel", "Ellie", "Farid", "Grace", "Harry", "Isla", "Jamal", "Kim", "Leon", "Maya", "Nathan", "Olivia",
        "Priya", "Quinn", "Rosa", "Sami", "Tariq", "Una", "Victor", "Wendy", "Xander", "Yasmin", "Zac", "Amir", "Bella", "Carl", "Dina",
    ];

    private static readonly string[] SupporterNames = ["Sue", "Raj", "Lin", "Mo", "Pat"];
    private static readonly string[] ListenerNames = ["Trustee Tom", "Manager Meg", "Director Dan", "Trustee Tess"];

    private static readonly string[] WhyAnswers =
    [
        "To see my friends", "To have my say", "I want to change things", "To help my friend", "To listen",
        "I like the meetings", "To learn new things", "To meet new people",
    ];

    private static readonly string[] Topics =
    [
        "Buses", "Money", "Jobs", "Housing", "Holidays", "Food", "Sport", "Music", "Phones", "Doctors", "Parks", "Safety", "Friends",
        "Clubs", "Art", "Gardens", "Trains", "Shops", "Cooking", "Films",
    ];

    private static readonly string[] ItemTitles =
    [
        "Sunday buses", "Bus passes", "Paid jobs", "Flats to rent", "Summer holiday", "Healthy food", "Football club", "Music night",
        "Phone help", "Doctor visits", "The park", "Feeling safe", "Making friends", "Evening clubs", "Art group", "Community garden",
        "Train trips", "Shop staff", "Cooking class", "Film club", "Easy Read letters", "Day centre hours", "Staff training",
        "Quiet room", "Wheelchair access", "Hospital passports", "Voting in elections", "Our website", "Fire safety", "Christmas party",
    ];

    private static readonly string[] DecisionTexts =
    [
        "We will run this together", "Members will help plan it", "Managers will talk with us first", "Managers will ask what we think",
        "Managers will tell us the plan", "Staff will show us how it works", "The council has already decided",
    ];

    private static readonly string[] ActionTexts =
    [
        "Find out the costs", "Write to the manager", "Make a poster", "Ask the council", "Book a room", "Phone the club",
        "Check the website", "Talk to the staff", "Bring photos",
    ];

    private static readonly string[] ResponseTexts =
    [
        "We will look at this with you", "I will take this to the board", "Thank you, we hear you",
    ];
}
