using ForumHub.Api.Access;
using ForumHub.Api.Features.Agenda;
using ForumHub.Api.Features.Meetings;
using ForumHub.Api.Features.Outcomes;
using ForumHub.Api.Tests.Infrastructure;
using ForumHub.Api.Tests.Review;
using ForumHub.Domain.Meetings;

namespace ForumHub.Api.Tests.Access;

/// <summary>
/// Walks every hub method of the access table over real WebSocket connections (SignalR's JSON protocol through the
/// whole server pipeline), as member, supporter, listener, shared screen, facilitator, anonymous, and the
/// facilitator of another meeting. The meeting is moved along so that each allowed call is one that works; each
/// refused call answers its code, is logged, and leaves PostgreSQL exactly as it was. The other meeting's
/// facilitator may act in their own meeting, but nothing they do reaches this one.
/// </summary>
public sealed class HubTableWalkTests(PostgresFixture postgres) : MeetingTestBase(postgres)
{
    private CreatedMeeting _other = null!;
    private Dictionary<Who, HubWire> _wires = null!;
    private HubWire _otherFacilitator = null!;
    private readonly HashSet<string> _walked = [];
    private readonly List<string> _report = [];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _other = await App.CreateMeetingAsync("Another forum");
        _wires = new()
        {
            [Who.Member] = await HubWire.ConnectAsync(App, Scenario.Ana.Token),
            [Who.Supporter] = await HubWire.ConnectAsync(App, Scenario.Supporter.Token),
            [Who.Listener] = await HubWire.ConnectAsync(App, Scenario.Listener.Token),
            [Who.Screen] = await HubWire.ConnectAsync(App, Scenario.Meeting.ScreenToken),
            [Who.Facilitator] = await HubWire.ConnectAsync(App, Scenario.Meeting.FacilitatorToken),
        };
        _otherFacilitator = await HubWire.ConnectAsync(App, _other.FacilitatorToken);
    }

    public override async Task DisposeAsync()
    {
        foreach (var wire in _wires.Values) await wire.DisposeAsync();
        await _otherFacilitator.DisposeAsync();
        await base.DisposeAsync();
    }

    private static object Cmd(object fields) => fields;

    /// <summary>
    /// Calls the method as every caller. args gives each allowed role's arguments (a call that works for that role now);
    /// refused callers send the first allowed role's arguments. Returns the allowed roles' results.
    /// </summary>
    private async Task<Dictionary<Who, HubResult>> WalkAsync(string method, Func<Who, object?> args)
    {
        _walked.Add(method);
        var allowed = AccessTable.Rules[AccessTable.HubPrefix + method];
        var sample = args(allowed.First(a => a != Who.Anyone));

        foreach (var (who, wire) in _wires.Where(w => !allowed.Contains(w.Key)))
        {
            var before = await App.FingerprintAsync();
            var logs = App.Logs.Warnings().Count;
            var refused = await wire.InvokeAsync(method, Stamp(sample));
            if (refused.Code != "not_allowed") _report.Add($"{method} as {who}: expected not_allowed, got {refused}");
            if (!Same(before, await App.FingerprintAsync())) _report.Add($"{method} as {who}: refused but PostgreSQL changed");
            if (!App.Logs.Warnings().Skip(logs).Any(e => e.Message.StartsWith("Refused " + method, StringComparison.Ordinal)))
                _report.Add($"{method} as {who}: refused without a log line");
        }

        // The facilitator of another meeting, with this meeting's ids: this meeting does not change.
        var aBefore = await App.DbStateAsync(Scenario.Id);
        var outsider = await _otherFacilitator.InvokeAsync(method, Stamp(sample));
        if (!allowed.Contains(Who.Facilitator) && outsider.Code != "not_allowed") _report.Add($"{method} from another meeting: expected not_allowed, got {outsider}");
        if (outsider.Ok && method == "JoinMeeting" && outsider.Result!.Value.GetProperty("meetingId").GetGuid() != _other.MeetingId)
            _report.Add("JoinMeeting from another meeting answered with this meeting's snapshot");
        if (await App.DbStateAsync(Scenario.Id) != aBefore) _report.Add($"{method} from another meeting changed this meeting");

        var results = new Dictionary<Who, HubResult>();
        foreach (var who in allowed.Where(_wires.ContainsKey))
        {
            var result = await _wires[who].InvokeAsync(method, Stamp(args(who)));
            if (!result.Ok) _report.Add($"{method} as {who}: allowed, but {result}");
            results[who] = result;
        }
        return results;
    }

    /// <summary>
    /// The review methods need a meeting of a forum whose earlier meeting left something open for each role: a second
    /// forum meeting (with the same names, so the owners are recognised) is walked with its own connections.
    /// </summary>
    private async Task WalkReviewAsync()
    {
        var forumId = await App.FirstForumAsync();
        var m1 = await App.StartForumMeetingAsync(forumId, "Walk forum 1");
        var sue1 = await App.JoinAsync(m1.Created.JoinCode, "Sue", "supporter", m1.Ben.ParticipantId);
        var lift = (await App.SendAsync(new ProposeItem("Fix the lift", null, null), ForumApp.As(m1.Ana))).Id!.Value;
        await App.SendAsync(new MoveToPhase(Phase.Agenda), m1.Facilitator);
        foreach (var owner in new[] { m1.Ana.ParticipantId, sue1.ParticipantId, m1.Tom.ParticipantId })
            await App.SendAsync(new AddAction(null, $"Action of {owner}", owner, null, null, null), m1.Facilitator);
        await App.SendAsync(new AgreeAgenda([lift]), m1.Facilitator);
        await App.SendAsync(new MoveToPhase(Phase.Closed), m1.Facilitator);

        var m2 = await App.StartForumMeetingAsync(forumId, "Walk forum 2");
        var sue2 = await App.JoinAsync(m2.Created.JoinCode, "Sue", "supporter", m2.Ben.ParticipantId);
        var review = (await App.SnapshotAsync(m2.Id)).Review!;
        Guid Owned(string name) => review.Single(r => r.OwnerName == name && r.Kind == FollowUpKind.Action).FollowUpId;
        var scenarioWires = _wires;
        _wires = new()
        {
            [Who.Member] = await HubWire.ConnectAsync(App, m2.Ana.Token),
            [Who.Supporter] = await HubWire.ConnectAsync(App, sue2.Token),
            [Who.Listener] = await HubWire.ConnectAsync(App, m2.Tom.Token),
            [Who.Screen] = await HubWire.ConnectAsync(App, m2.Created.ScreenToken),
            [Who.Facilitator] = await HubWire.ConnectAsync(App, m2.Created.FacilitatorToken),
        };
        try
        {
            await WalkAsync("SetFollowUpStatus", who => Cmd(new
            {
                followUpId = who switch { Who.Supporter => Owned("Sue"), Who.Listener => Owned("Trustee Tom"), _ => Owned("Ana") },
                status = "notYet",
                note = "Started.",
            }));
            await WalkAsync("PutFollowUpOnAgenda", _ => Cmd(new { followUpId = review.Single(r => r.Kind == FollowUpKind.Item).FollowUpId }));
            await WalkAsync("FinishReview", _ => Cmd(new { }));
        }
        finally
        {
            foreach (var wire in _wires.Values) await wire.DisposeAsync();
            _wires = scenarioWires;
        }
    }

    private static object?[] Stamp(object? args) => args is null ? [] : [StampedCommand(args)];

    /// <summary>Each call gets a fresh commandId, so no call is a repeat of another.</summary>
    private static Dictionary<string, object?> StampedCommand(object args)
    {
        var fields = System.Text.Json.JsonSerializer.SerializeToElement(args, ForumApp.Json).EnumerateObject()
            .ToDictionary(p => p.Name, p => (object?)p.Value);
        fields["commandId"] = Guid.NewGuid();
        return fields;
    }

    private static bool Same(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b) =>
        a.Count == b.Count && a.All(p => b.TryGetValue(p.Key, out var v) && v == p.Value);

    [Fact]
    public async Task Every_hub_method_as_every_caller_works_when_allowed_and_is_refused_with_its_code_and_no_change_otherwise()
    {
        Guid ana = Scenario.Ana.ParticipantId, ben = Scenario.Ben.ParticipantId, sue = Scenario.Supporter.ParticipantId, tom = Scenario.Listener.ParticipantId;
        var leaving = await App.JoinAsync(Scenario.Meeting.JoinCode, "Leaving Lou");

        // Anonymous: no connection at all, so no method can be called.
        Assert.Equal(401, await HubWire.RefusedStatusAsync(App, token: null));
        Assert.Equal(401, await HubWire.RefusedStatusAsync(App, token: "fh_not-a-real-token"));

        await WalkAsync("JoinMeeting", _ => null);

        var answers = await WalkAsync("AnswerQuestion", who => who switch
        {
            Who.Member => Cmd(new { question = "whatDoYouWantToDo", text = "Better buses" }),
            Who.Supporter => Cmd(new { question = "whatDoYouWantToDo", text = "Safer parks", forMemberId = ben }),
            _ => Cmd(new { question = "whyAreYouHere", text = "To listen" }),
        });
        var cards = await WalkAsync("RaiseCard", _ => Cmd(new { kind = "question" }));
        await WalkAsync("ClearCard", who => Cmd(new { cardId = cards[who].CreatedId }));
        var items = await WalkAsync("ProposeItem", who => who == Who.Supporter
            ? Cmd(new { title = "Day trips", forMemberId = ben })
            : Cmd(new { title = $"Item from {who}" }));
        await WalkAsync("InviteListener", _ => Cmd(new { listenerId = tom }));
        var response = (await WalkAsync("RespondAsListener", _ => Cmd(new { text = "We will look at the bus times." })))[Who.Listener];
        await WalkAsync("MoveToPhase", _ => Cmd(new { phase = "agenda" }));
        var promoted = (await WalkAsync("PromoteAnswer", _ => Cmd(new { answerId = answers[Who.Member].CreatedId })))[Who.Facilitator].CreatedId;
        await WalkAsync("AgreeAgenda", _ => Cmd(new { itemIds = new[] { promoted, items[Who.Member].CreatedId } }));
        await _wires[Who.Facilitator].InvokeAsync("MoveToPhase", Stamp(new { phase = "items" }));
        await WalkAsync("StartItem", _ => Cmd(new { itemId = promoted }));
        await WalkAsync("AddNote", _ => Cmd(new { itemId = promoted, text = "Buses stop at 6." }));
        var poll = (await WalkAsync("OpenPoll", _ => Cmd(new { itemId = promoted, question = "Ask for later buses?", secret = false, handCount = false })))[Who.Facilitator].CreatedId;
        await WalkAsync("CastBallot", who => who switch
        {
            Who.Supporter => Cmd(new { pollId = poll, optionId = "yes", forMemberId = ben }),
            Who.Facilitator => Cmd(new { pollId = poll, optionId = "yes", forMemberId = leaving.ParticipantId }), // no vote of her own
            _ => Cmd(new { pollId = poll, optionId = "yes" }),
        });
        await WalkAsync("ClosePoll", _ => Cmd(new { pollId = poll }));
        var handPoll = (await _wires[Who.Facilitator].InvokeAsync("OpenPoll", Stamp(new { question = "Hands up: day trips?", secret = false, handCount = true }))).CreatedId;
        await WalkAsync("RecordHandCount", _ => Cmd(new { pollId = handPoll, counts = new Dictionary<string, int> { ["yes"] = 5, ["no"] = 1 } }));
        await _wires[Who.Facilitator].InvokeAsync("ClosePoll", Stamp(new { pollId = handPoll }));
        await WalkAsync("RecordDecision", _ => Cmd(new { itemId = promoted, text = "We ask for later buses.", level = "coProduction", pollId = poll }));
        var actionFor = new Dictionary<Who, Guid>();
        foreach (var (who, owner, fromResponse) in new[] { (Who.Member, ana, (Guid?)null), (Who.Supporter, sue, null), (Who.Listener, tom, response.CreatedId) })
            actionFor[who] = (await WalkAsync("AddAction", _ => Cmd(new { itemId = promoted, what = $"Action for {who}", ownerId = owner, fromResponseId = fromResponse })))[Who.Facilitator].CreatedId;
        actionFor[Who.Facilitator] = actionFor[Who.Member];
        await WalkAsync("SetActionStatus", who => Cmd(new { actionId = actionFor[who], status = who == Who.Facilitator ? "dropped" : "done" }));
        await WalkAsync("FinishItem", _ => Cmd(new { itemId = promoted }));
        await WalkAsync("CarryItemForward", _ => Cmd(new { itemId = items[Who.Member].CreatedId }));
        var added = await WalkAsync("AddMemberWithoutDevice", who => Cmd(new { displayName = who == Who.Facilitator ? "Dee" : "Eve", picture = "cat" }));
        await WalkAsync("IssueTakeOverCode", who => Cmd(new { memberId = added[who].CreatedId }));
        await WalkAsync("GiveRole", _ => Cmd(new { participantId = ana, role = "chair" }));
        await WalkAsync("TakeRole", _ => Cmd(new { participantId = ana, role = "chair" }));
        await WalkAsync("RemoveParticipant", _ => Cmd(new { participantId = leaving.ParticipantId }));
        await WalkReviewAsync();

        var hubRows = AccessTable.Rules.Keys.Where(k => k.StartsWith(AccessTable.HubPrefix, StringComparison.Ordinal))
            .Select(k => k[AccessTable.HubPrefix.Length..]).ToHashSet();
        Assert.Empty(hubRows.Except(_walked));
        Assert.True(_report.Count == 0, string.Join("\n", _report));

        // The meeting really moved: every allowed call left its mark, and the people it did not remove are still connected.
        var snapshot = await App.SnapshotAsync(Scenario.Id);
        Assert.Equal(Phase.Items, snapshot.Phase);
        Assert.True(snapshot.Participants.Single(p => p.Id == leaving.ParticipantId).Removed);
        Assert.All(_wires.Values, w => Assert.False(w.Closed.Task.IsCompleted));
    }
}
