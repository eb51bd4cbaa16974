using ForumHub.Domain.Meetings;

namespace ForumHub.Api.Features.Privacy;

/// <summary>
/// Everything ForumHub holds about one person in one meeting (UK GDPR right of access). Members have no account: a
/// person is one participant of one meeting, found by their access token, or by the meeting's facilitators on request.
/// </summary>
public sealed record PersonalDataExport(
    DateTimeOffset ExportedAt,
    ExportedMeeting Meeting,
    ExportedPerson Person,
    IReadOnlyList<ExportedAnswer> Answers,
    IReadOnlyList<ExportedItem> AgendaItems,
    IReadOnlyList<ExportedVote> Votes,
    IReadOnlyList<ExportedAction> Actions,
    IReadOnlyList<ExportedResponse> ListenerResponses,
    IReadOnlyList<ExportedCard> Cards,
    IReadOnlyList<ExportedHelp> HelpGiven,
    bool SecretVotesShown,
    IReadOnlyList<Review.ExportedFollowUp>? ForumFollowUps = null,
    Forums.ForumMemberExport? ForumMember = null)
{
    /// <summary>A secret vote exported by staff shows that the person voted, not how: nobody else may learn it.</summary>
    public const string HiddenChoice = "secret";

    public static PersonalDataExport Of(Meeting m, Guid participantId, bool showSecretVotes, DateTimeOffset now)
    {
        var person = m.Participants.FirstOrDefault(p => p.Id == participantId)
            ?? throw new ArgumentException("Not a participant of this meeting.", nameof(participantId));
        string NameOf(Guid id) => m.Participants.FirstOrDefault(p => p.Id == id)?.DisplayName ?? "Someone";
        string? HelperOf(Guid enteredBy) => enteredBy == participantId ? null : NameOf(enteredBy);
        string Label(Poll poll, string optionId) => poll.Options.FirstOrDefault(o => o.Id == optionId)?.Label ?? optionId;
        string? ItemTitle(Guid? itemId) => itemId is { } id ? m.Items.FirstOrDefault(i => i.Id == id)?.Title : null;

        var votes = m.Polls.SelectMany(poll => poll.Ballots.Where(b => b.MemberId == participantId).Select(b => new ExportedVote(
            poll.Question, poll.Secret, poll.Secret && !showSecretVotes ? HiddenChoice : Label(poll, b.OptionId), HelperOf(b.EnteredById), poll.OpenedAt))).ToList();

        // What this person typed or voted with someone else (a supporter with their member, a facilitator for a member).
        var help = m.Answers.Where(a => a.EnteredById == participantId && a.ParticipantId != participantId)
                .Select(a => new ExportedHelp("answer", NameOf(a.ParticipantId), a.Text))
            .Concat(m.Items.Where(i => i.EnteredById == participantId && i.ProposedById != participantId)
                .Select(i => new ExportedHelp("agendaItem", NameOf(i.ProposedById), i.Title)))
            .Concat(m.Polls.SelectMany(poll => poll.Ballots.Where(b => b.EnteredById == participantId && b.MemberId != participantId)
                .Select(b => new ExportedHelp("vote", NameOf(b.MemberId), poll.Secret ? poll.Question : $"{poll.Question}: {Label(poll, b.OptionId)}"))))
            .ToList();

        return new PersonalDataExport(
            now,
            new ExportedMeeting(m.Id, m.Title, m.CreatedAt, m.Phase),
            new ExportedPerson(person.Id, person.DisplayName, person.Role, person.Picture, person.JoinedAt, person.Removed,
                person.SupportsMemberId is { } supported ? NameOf(supported) : null,
                m.Participants.Where(p => p.SupportsMemberId == participantId).Select(p => p.DisplayName).ToList(),
                person.Roles.ToList()),
            m.Answers.Where(a => a.ParticipantId == participantId)
                .Select(a => new ExportedAnswer(a.Question, a.Text, a.Picture, HelperOf(a.EnteredById))).ToList(),
            m.Items.Where(i => i.ProposedById == participantId)
                .Select(i => new ExportedItem(i.Title, i.Status, HelperOf(i.EnteredById))).ToList(),
            votes,
            m.Actions.Where(a => a.OwnerId == participantId || a.SupporterId == participantId)
                .Select(a => new ExportedAction(a.What, a.OwnerId == participantId ? "owner" : "supporter", a.DueDate, a.Status, ItemTitle(a.ItemId))).ToList(),
            m.Responses.Where(r => r.ListenerId == participantId).Select(r => new ExportedResponse(r.Text, ItemTitle(r.ItemId))).ToList(),
            m.Cards.Where(c => c.ParticipantId == participantId).Select(c => new ExportedCard(c.Kind, c.RaisedAt)).ToList(),
            help,
            showSecretVotes);
    }
}

public sealed record ExportedMeeting(Guid Id, string Title, DateTimeOffset CreatedAt, Phase Phase);

/// <summary>Roles: the jobs they held in the meeting when it was exported (chair, timekeeper, ...; issue 14).</summary>
public sealed record ExportedPerson(Guid Id, string DisplayName, Role Role, string? Picture, DateTimeOffset JoinedAt, bool Removed,
    string? Supports, IReadOnlyList<string> SupportedBy, IReadOnlyList<MeetingRole> Roles);

/// <summary>WithSupportFrom names who typed it, when that was not the person themself.</summary>
public sealed record ExportedAnswer(Question Question, string Text, string? Picture, string? WithSupportFrom);

public sealed record ExportedItem(string Title, ItemStatus Status, string? WithSupportFrom);

public sealed record ExportedVote(string Question, bool Secret, string Choice, string? WithSupportFrom, DateTimeOffset At);

/// <summary>Part is "owner" or "supporter".</summary>
public sealed record ExportedAction(string What, string Part, DateOnly? DueDate, ActionStatus Status, string? Item);

public sealed record ExportedResponse(string Text, string? Item);

public sealed record ExportedCard(CardKind Kind, DateTimeOffset RaisedAt);

/// <summary>Kind is "answer", "agendaItem" or "vote"; For is the member helped.</summary>
public sealed record ExportedHelp(string Kind, string For, string What);
