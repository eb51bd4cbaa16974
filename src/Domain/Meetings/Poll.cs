namespace ForumHub.Domain.Meetings;

public sealed class Poll
{
    private readonly Dictionary<Guid, Ballot> _ballots = [];
    private Dictionary<string, int> _handCounts = [];

    internal Poll(Guid id, Guid? itemId, string question, IReadOnlyList<PollOption> options, bool secret, PollMode mode, DateTimeOffset openedAt)
    {
        Id = id;
        ItemId = itemId;
        Question = question;
        Options = options;
        Secret = secret;
        Mode = mode;
        OpenedAt = openedAt;
    }

    public Guid Id { get; }
    public Guid? ItemId { get; }
    public string Question { get; }
    public IReadOnlyList<PollOption> Options { get; }
    /// <summary>Fixed when the poll opens: a secret poll never shows who voted how.</summary>
    public bool Secret { get; }
    public PollMode Mode { get; }
    public DateTimeOffset OpenedAt { get; }
    public PollStatus Status { get; internal set; } = PollStatus.Open;
    public DateTimeOffset? ClosedAt { get; internal set; }
    public IReadOnlyList<Guid> EligibleMemberIds { get; internal set; } = [];
    public IReadOnlyCollection<Ballot> Ballots => _ballots.Values;
    public IReadOnlyDictionary<string, int> HandCounts => _handCounts;

    public bool HasVoted(Guid memberId) => _ballots.ContainsKey(memberId);
    public bool HasOption(string optionId) => Options.Any(o => o.Id == optionId);

    internal void AddBallot(Ballot ballot) => _ballots.Add(ballot.MemberId, ballot);
    internal void SetHandCounts(IReadOnlyDictionary<string, int> counts) => _handCounts = new(counts);

    /// <summary>Votes per option, every option present (zero when nobody chose it).</summary>
    public IReadOnlyDictionary<string, int> Tally()
    {
        if (Mode == PollMode.HandCount)
            return Options.ToDictionary(o => o.Id, o => _handCounts.GetValueOrDefault(o.Id));
        var tally = Options.ToDictionary(o => o.Id, _ => 0);
        foreach (var ballot in _ballots.Values) tally[ballot.OptionId]++;
        return tally;
    }

    /// <summary>The default options, Yes / No / Not sure, each with a picture word.</summary>
    public static IReadOnlyList<PollOption> DefaultOptions { get; } =
    [
        new("yes", "Yes", "yes"),
        new("no", "No", "no"),
        new("not-sure", "Not sure", "not-sure"),
    ];
}

/// <summary>EnteredById differs from MemberId when a supporter or the facilitator voted with the member.</summary>
public sealed record Ballot(Guid MemberId, Guid EnteredById, string OptionId)
{
    public bool WithSupport => MemberId != EnteredById;
}
