using ForumHub.Domain.Rules;

namespace ForumHub.Domain.Meetings;

/// <summary>
/// The meeting aggregate. Every command method checks its rules first (throwing before any change),
/// then raises events; state changes only by applying events, so replaying the stored events rebuilds
/// exactly the same meeting. The time and the id of anything a command creates are passed in, never made up here,
/// so the same calls always build the same meeting (the caller gives ids out; the domain only records them).
/// Split over partial files by area.
/// </summary>
public sealed partial class Meeting
{
    private readonly List<IMeetingEvent> _uncommitted = [];
    private readonly Dictionary<Guid, Participant> _participants = [];
    private readonly List<Answer> _answers = [];
    private readonly List<AgendaItem> _items = [];
    private readonly List<Poll> _polls = [];
    private readonly List<Decision> _decisions = [];
    private readonly List<MeetingAction> _actions = [];
    private readonly List<ListenerResponse> _responses = [];
    /// <summary>Listeners invited to respond, and the item they were asked about (if any).</summary>
    private readonly Dictionary<Guid, Guid?> _invitedListeners = [];
    private readonly List<Card> _cards = [];

    private Meeting() { }

    public Guid Id { get; private set; }
    public string Title { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public Phase Phase { get; private set; }
    /// <summary>Number of events applied: the sequence number of the last event.</summary>
    public long Version { get; private set; }

    public IReadOnlyCollection<Participant> Participants => _participants.Values;
    public IReadOnlyList<Answer> Answers => _answers;
    public IReadOnlyList<AgendaItem> Items => _items;
    public IReadOnlyList<Poll> Polls => _polls;
    public IReadOnlyList<Decision> Decisions => _decisions;
    public IReadOnlyList<MeetingAction> Actions => _actions;
    public IReadOnlyList<ListenerResponse> Responses => _responses;
    public IReadOnlyCollection<Guid> InvitedListeners => _invitedListeners.Keys;
    public IReadOnlyList<Card> Cards => _cards;

    public static Meeting Create(Guid id, string title, DateTimeOffset now)
    {
        var cleanTitle = TextRules.Clean(title, Limits.Title, "title");
        var meeting = new Meeting();
        meeting.Raise(new MeetingCreated(id, cleanTitle, now));
        return meeting;
    }

    /// <summary>Rebuilds a meeting from its stored events, oldest first.</summary>
    public static Meeting Replay(IEnumerable<IMeetingEvent> history)
    {
        var meeting = new Meeting();
        foreach (var e in history) meeting.Apply(e);
        if (meeting.Version == 0) throw new InvalidOperationException("A meeting needs at least its MeetingCreated event.");
        return meeting;
    }

    /// <summary>Events raised since the last call, in order; the caller stores them and then broadcasts them.</summary>
    public IReadOnlyList<IMeetingEvent> DequeueUncommitted()
    {
        var events = _uncommitted.ToList();
        _uncommitted.Clear();
        return events;
    }

    public Participant? FindParticipant(Guid id) => _participants.GetValueOrDefault(id);
    public AgendaItem? FindItem(Guid id) => _items.Find(i => i.Id == id);
    public Poll? FindPoll(Guid id) => _polls.Find(p => p.Id == id);
    public AgendaItem? CurrentItem => _items.Find(i => i.Status == ItemStatus.Current);
    public Poll? ActivePoll => _polls.Find(p => p.Status == PollStatus.Open);

    private void Raise(IMeetingEvent e)
    {
        Apply(e);
        _uncommitted.Add(e);
    }

    private static void Check(params BusinessRule[] rules)
    {
        foreach (var rule in rules)
            if (rule.IsBroken) throw new BusinessRuleBrokenException(rule.Code, rule.Message);
    }

    /// <summary>The participant acting, who must be present and in one of the given roles.</summary>
    private Participant Actor(Guid actorId, params Role[] roles)
    {
        var actor = FindParticipant(actorId);
        Check(MeetingRules.ParticipantMustExist(actor));
        Check(MeetingRules.ParticipantMustNotBeRemoved(actor!), MeetingRules.RoleMustBeOneOf(actor!, roles));
        return actor!;
    }
}
