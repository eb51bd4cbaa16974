using ForumHub.Domain.Meetings;

namespace ForumHub.Domain.Tests;

/// <summary>What must hold for any meeting, whatever commands it received. Each check returns a problem or null.</summary>
public static class MeetingInvariants
{
    public static IEnumerable<string> Broken(Meeting m)
    {
        foreach (var poll in m.Polls)
            foreach (var problem in PollProblems(m, poll))
                yield return $"poll {poll.Id}: {problem}";

        if (m.Polls.Count(p => p.Status == PollStatus.Open) > 1) yield return "more than one poll open";
        if (m.Items.Count(i => i.Status == ItemStatus.Current) > 1) yield return "more than one current item";
        if (m.Phase == Phase.Closed && m.ActivePoll is not null) yield return "closed meeting with an open poll";
        if (m.Phase == Phase.Closed && m.Items.Any(i => i.Status is ItemStatus.Agreed or ItemStatus.Current))
            yield return "closed meeting with unfinished items not carried forward";
        if (m.Phase == Phase.Gathering && (m.Polls.Count > 0 || m.Items.Any(i => i.IsOnAgenda)))
            yield return "polls or agreed items while gathering";
        if (m.Phase == Phase.Items && !m.Items.Any(i => i.IsOnAgenda)) yield return "working through an empty agenda";
        if (m.Phase != Phase.Items && m.CurrentItem is not null) yield return "a current item outside the items phase";

        if (m.Items.Any(i => i.IsOnAgenda != i.Position.HasValue)) yield return "an item's position does not match its status";
        var positions = m.Items.Where(i => i.Position.HasValue).Select(i => i.Position!.Value).ToList();
        if (positions.Distinct().Count() != positions.Count || positions.Any(p => p < 1)) yield return "agenda positions repeat";

        foreach (var answer in m.Answers.Where(a => a.PromotedToItemId is not null))
            if (answer.Question != Question.WhatDoYouWantToDo || m.FindItem(answer.PromotedToItemId!.Value)?.FromAnswerId != answer.Id)
                yield return $"answer {answer.Id} promoted wrongly";
        if (m.Items.Where(i => i.FromAnswerId is not null).GroupBy(i => i.FromAnswerId).Any(g => g.Count() > 1))
            yield return "an answer promoted twice";

        foreach (var answer in m.Answers)
            if (!MayEnterFor(m, answer.EnteredById, answer.ParticipantId)) yield return $"answer {answer.Id} entered by someone not allowed";
        foreach (var item in m.Items.Where(i => i.FromAnswerId is null))
            if (!MayEnterFor(m, item.EnteredById, item.ProposedById)) yield return $"item {item.Id} entered by someone not allowed";
        var authors = m.Answers.Where(a => a.Question == Question.WhatDoYouWantToDo).Select(a => a.ParticipantId)
            .Concat(m.Items.Select(i => i.ProposedById)).Select(id => m.FindParticipant(id)!.Role).ToHashSet();
        if (authors.Overlaps([Role.Listener, Role.Screen])) yield return "a listener or screen set the agenda";
        if (authors.Contains(Role.Supporter)) yield return "a supporter set the agenda as themself";

        var raised = m.Cards.Where(c => c.IsRaised).GroupBy(c => (c.ParticipantId, c.Kind));
        if (raised.Any(g => g.Count() > 1)) yield return "two cards of one kind raised by one person";
        if (m.InvitedListeners.Any(id => m.FindParticipant(id)?.Role != Role.Listener)) yield return "someone other than a listener invited";
        // Roles: one holder each, held only by members still in the meeting.
        var held = m.Participants.SelectMany(p => p.Roles.Select(r => (p, r))).ToList();
        if (held.GroupBy(h => h.r).Any(g => g.Count() > 1)) yield return "a meeting role held by two people";
        if (held.Any(h => h.p.Removed || h.p.Role != Role.Member)) yield return "a meeting role held by a removed person or a non-member";
        if (m.Responses.Any(r => m.FindParticipant(r.ListenerId)?.Role != Role.Listener)) yield return "a response not from a listener";
        if (m.Actions.Any(a => m.FindParticipant(a.OwnerId) is null or { Role: Role.Screen })) yield return "an action without a real owner";
    }

    private static IEnumerable<string> PollProblems(Meeting m, Poll poll)
    {
        var ballots = poll.Ballots.ToList();
        var tally = poll.Tally();
        if (ballots.Select(b => b.MemberId).Distinct().Count() != ballots.Count) yield return "a member has two ballots";
        if (!tally.Keys.Order().SequenceEqual(poll.Options.Select(o => o.Id).Order())) yield return "tally does not list exactly the options";
        if (tally.Values.Any(v => v < 0)) yield return "negative count";
        if (poll.Options.Count is < Limits.MinOptions or > Limits.MaxOptions) yield return "wrong number of options";

        foreach (var ballot in ballots)
        {
            if (m.FindParticipant(ballot.MemberId) is not { CanVote: true }) yield return $"ballot from non-voter {ballot.MemberId}";
            if (!MayEnterFor(m, ballot.EnteredById, ballot.MemberId)) yield return $"ballot for {ballot.MemberId} entered by someone not allowed";
        }

        if (poll.Mode == PollMode.HandCount)
        {
            if (ballots.Count > 0) yield return "hand count poll holds ballots";
            yield break;
        }

        foreach (var option in poll.Options)
            if (tally[option.Id] != ballots.Count(b => b.OptionId == option.Id)) yield return $"tally for {option.Id} differs from its ballots";
        if (poll.HandCounts.Count > 0) yield return "devices poll holds hand counts";

        var voters = m.Participants.Count(p => p.CanVote);
        if (tally.Values.Sum() > voters) yield return "more votes than voters";

        if (poll.Status == PollStatus.Closed)
        {
            var eligible = poll.EligibleMemberIds.ToHashSet();
            if (ballots.Any(b => !eligible.Contains(b.MemberId))) yield return "ballot from a member who was not eligible at close";
            if (tally.Values.Sum() > eligible.Count) yield return "tally exceeds eligible voters";
        }
    }

    /// <summary>Someone enters for themself; a supporter for their member (or one without a device they help); the facilitator for anyone.</summary>
    private static bool MayEnterFor(Meeting m, Guid enteredBy, Guid forId)
    {
        var actor = m.FindParticipant(enteredBy);
        return enteredBy == forId || actor?.Role == Role.Facilitator || (actor?.Role == Role.Supporter &&
            (actor.SupportsMemberId == forId || m.FindParticipant(forId)?.HelperId == actor.Id));
    }
}
