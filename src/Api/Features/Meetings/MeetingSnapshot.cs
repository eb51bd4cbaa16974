using ForumHub.Api.Runtime;
using ForumHub.Domain.Meetings;

namespace ForumHub.Api.Features.Meetings;

/// <summary>
/// The whole public state of a meeting at sequence number Seq. A client that applies every event after Seq
/// to this snapshot holds exactly the state the server holds (see docs/protocol.md, "Client state").
/// </summary>
public sealed record MeetingSnapshot(
    Guid MeetingId, string Title, Phase Phase, long Seq, DateTimeOffset CreatedAt,
    IReadOnlyList<ParticipantView> Participants, IReadOnlyList<AnswerView> Answers, IReadOnlyList<ItemView> Items,
    IReadOnlyList<PollView> Polls, IReadOnlyList<Decision> Decisions, IReadOnlyList<ActionView> Actions,
    IReadOnlyList<ListenerResponse> Responses, IReadOnlyList<Guid> InvitedListenerIds, IReadOnlyList<CardView> Cards,
    IReadOnlyList<ReviewView> Review, bool ReviewOpen)
{
    public static MeetingSnapshot Of(Meeting m) => new(
        m.Id, m.Title, m.Phase, m.Version, m.CreatedAt,
        // In the order they joined (the order of their events), so a client simply appends each newcomer.
        m.Participants.Select(p => new ParticipantView(p.Id, p.DisplayName, p.Role, p.Picture, p.SupportsMemberId, p.Removed, p.JoinedAt,
            p.WithoutDevice, p.HelperId, p.AddedById, p.ForumMemberId, p.Roles.ToList())).ToList(),
        m.Answers.Select(a => new AnswerView(a.Id, a.Question, a.ParticipantId, a.EnteredById, a.Text, a.Picture, a.PromotedToItemId)).ToList(),
        m.Items.Select(i => new ItemView(i.Id, i.Title, i.Picture, i.Status, i.Position, i.ProposedById, i.EnteredById, i.FromAnswerId,
            i.Notes.ToList())).ToList(),
        m.Polls.Select(PollView.Of).ToList(),
        m.Decisions.ToList(),
        m.Actions.Select(a => new ActionView(a.Id, a.ItemId, a.What, a.OwnerId, a.SupporterId, a.DueDate, a.FromResponseId, a.Status)).ToList(),
        m.Responses.ToList(),
        m.InvitedListeners.Order().ToList(),
        m.Cards.Select(c => new CardView(c.Id, c.ParticipantId, c.Kind, c.RaisedAt, c.ClearedById)).ToList(),
        m.Review.Select(ReviewView.Of).ToList(), m.ReviewOpen);
}

/// <summary>
/// WithoutDevice, HelperId and AddedById: a member added in the room without a device. ForumMemberId: the forum's
/// standing member this person is (joined with a forum card or added from the forum's list), or null. Roles: the roles
/// they hold in this meeting now, in MeetingRole's order (chair, timekeeper, noteTaker, welcome); empty for most people.
/// </summary>
public sealed record ParticipantView(Guid Id, string DisplayName, Role Role, string? Picture, Guid? SupportsMemberId, bool Removed,
    DateTimeOffset JoinedAt, bool WithoutDevice, Guid? HelperId, Guid? AddedById, Guid? ForumMemberId, IReadOnlyList<MeetingRole> Roles);

public sealed record AnswerView(Guid Id, Question Question, Guid ParticipantId, Guid EnteredById, string Text, string? Picture, Guid? PromotedToItemId);

public sealed record ItemView(Guid Id, string Title, string? Picture, ItemStatus Status, int? Position, Guid ProposedById, Guid EnteredById,
    Guid? FromAnswerId, IReadOnlyList<Note> Notes);

public sealed record ActionView(Guid Id, Guid? ItemId, string What, Guid OwnerId, Guid? SupporterId, DateOnly? DueDate, Guid? FromResponseId,
    ActionStatus Status);

public sealed record CardView(Guid Id, Guid ParticipantId, CardKind Kind, DateTimeOffset RaisedAt, Guid? ClearedById);

public sealed record BallotView(Guid MemberId, Guid EnteredById, string OptionId);

/// <summary>A poll as everyone may see it: a secret poll's ballots hide the option, and its tally waits for the close.</summary>
public sealed record PollView(
    Guid Id, Guid? ItemId, string Question, IReadOnlyList<PollOption> Options, bool Secret, PollMode Mode, PollStatus Status,
    DateTimeOffset OpenedAt, DateTimeOffset? ClosedAt, IReadOnlyList<BallotView> Ballots, IReadOnlyDictionary<string, int> HandCounts,
    IReadOnlyDictionary<string, int>? Tally, IReadOnlyList<Guid> EligibleMemberIds)
{
    public static PollView Of(Poll p) => new(
        p.Id, p.ItemId, p.Question, p.Options, p.Secret, p.Mode, p.Status, p.OpenedAt, p.ClosedAt,
        p.Ballots.Select(b => new BallotView(b.MemberId, b.EnteredById, p.Secret ? EventEnvelope.SecretOption : b.OptionId)).ToList(),
        p.HandCounts,
        p.Secret && p.Status == PollStatus.Open ? null : p.Tally(),
        p.EligibleMemberIds);
}
