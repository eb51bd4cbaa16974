using ForumHub.Domain.Rules;

namespace ForumHub.Domain.Meetings;

public sealed partial class Meeting
{
    /// <summary>
    /// Opens a vote. Secret or open, and devices or hand count, are fixed here and never change,
    /// so everyone knows before voting whether their choice will be shown.
    /// </summary>
    public Poll OpenPoll(Guid actorId, Guid pollId, Guid? itemId, string question, IReadOnlyList<(string Label, string? Picture)>? options,
        bool secret, PollMode mode, DateTimeOffset now)
    {
        Actor(actorId, Role.Facilitator);
        Check(MeetingRules.PhaseMustBeOneOf(Phase, Phase.Agenda, Phase.Items), MeetingRules.NoOtherPollOpen(ActivePoll));
        if (itemId is { } id) Check(MeetingRules.ItemMustExist(FindItem(id)));
        var cleanQuestion = TextRules.Clean(question, Limits.PollQuestion, "question");
        var pollOptions = options is null || options.Count == 0 ? Poll.DefaultOptions : CustomOptions(options);
        Raise(new PollOpened(pollId, itemId, cleanQuestion, pollOptions, secret, mode, now));
        return _polls[^1];
    }

    private static List<PollOption> CustomOptions(IReadOnlyList<(string Label, string? Picture)> options)
    {
        Check(MeetingRules.OptionsMustBeValid(options.Count is >= Limits.MinOptions and <= Limits.MaxOptions));
        var clean = options.Select((o, i) => new PollOption(
            $"o{i + 1}", TextRules.Clean(o.Label, Limits.OptionLabel, "choice"),
            TextRules.CleanOptional(o.Picture, Limits.Picture, "picture name"))).ToList();
        var distinct = clean.Select(o => o.Label.ToUpperInvariant()).Distinct().Count() == clean.Count;
        Check(MeetingRules.OptionsMustBeValid(distinct));
        return clean;
    }

    /// <summary>One ballot per member per poll; a supporter or the facilitator may vote with a named member.</summary>
    public Ballot CastBallot(Guid actorId, Guid pollId, string optionId, Guid? forMemberId)
    {
        var actor = Actor(actorId, Role.Member, Role.Facilitator, Role.Supporter);
        var poll = FindPoll(pollId);
        Check(MeetingRules.PollMustExist(poll));
        Check(MeetingRules.PollMustBeOpen(poll!), MeetingRules.PollMustTakeBallots(poll!), MeetingRules.OptionMustExist(poll!, optionId));
        var voter = OnBehalfOf(actor, forMemberId);
        Check(MeetingRules.MustBeAMember(voter), MeetingRules.OneBallotPerMember(poll!, voter.Id));
        Raise(new BallotCast(pollId, voter.Id, actor.Id, optionId));
        return new Ballot(voter.Id, actor.Id, optionId);
    }

    /// <summary>The facilitator enters the hands counted in the room; a new count replaces the last one.</summary>
    public void RecordHandCount(Guid actorId, Guid pollId, IReadOnlyDictionary<string, int> counts)
    {
        Actor(actorId, Role.Facilitator);
        var poll = FindPoll(pollId);
        Check(MeetingRules.PollMustExist(poll));
        Check(MeetingRules.PollMustBeOpen(poll!), MeetingRules.PollMustBeHandCount(poll!));
        var valid = counts.Count > 0 && counts.All(c => poll!.HasOption(c.Key) && c.Value is >= 0 and <= Limits.MaxHandCount);
        Check(MeetingRules.HandCountMustBeValid(valid));
        Raise(new HandCountRecorded(pollId, poll!.Options.ToDictionary(o => o.Id, o => counts.GetValueOrDefault(o.Id)), actorId));
    }

    /// <summary>Closes the vote: freezes who could vote and the result. Ballots after this get poll_closed.</summary>
    public IReadOnlyDictionary<string, int> ClosePoll(Guid actorId, Guid pollId, DateTimeOffset now)
    {
        Actor(actorId, Role.Facilitator);
        var poll = FindPoll(pollId);
        Check(MeetingRules.PollMustExist(poll));
        Check(MeetingRules.PollMustBeOpen(poll!));
        // Everyone who could vote at the close, plus anyone who voted and has since left: their ballot still counts.
        var eligible = _participants.Values.Where(p => p.CanVote && (!p.Removed || poll!.HasVoted(p.Id))).Select(p => p.Id).ToList();
        Raise(new PollClosed(pollId, eligible, poll!.Tally(), now));
        return poll.Tally();
    }
}
