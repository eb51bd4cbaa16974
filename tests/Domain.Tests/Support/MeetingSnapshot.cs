using System.Text.Json;
using ForumHub.Domain.Meetings;

namespace ForumHub.Domain.Tests;

/// <summary>
/// A projection of everything a meeting shows publicly, as JSON, so two meetings (or one meeting
/// before and after a refused command) can be compared in one assertion with a readable diff.
/// </summary>
public static class MeetingSnapshot
{
    /// <summary>Public properties of <see cref="Meeting"/> that <see cref="Of"/> covers.</summary>
    public static readonly IReadOnlySet<string> CoveredProperties = new HashSet<string>
    {
        nameof(Meeting.Id), nameof(Meeting.Title), nameof(Meeting.CreatedAt), nameof(Meeting.Phase),
        nameof(Meeting.Version), nameof(Meeting.Participants), nameof(Meeting.Answers), nameof(Meeting.Items),
        nameof(Meeting.Polls), nameof(Meeting.Decisions), nameof(Meeting.Actions), nameof(Meeting.Responses),
        nameof(Meeting.InvitedListeners), nameof(Meeting.Cards), nameof(Meeting.CurrentItem), nameof(Meeting.ActivePoll),
        nameof(Meeting.Review), nameof(Meeting.ReviewOpen),
    };

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false };

    /// <summary>Indented for readable diffs in unit tests; compact where speed matters (property tests).</summary>
    public static string Of(Meeting m, bool indented = true) => JsonSerializer.Serialize(new
    {
        m.Id,
        m.Title,
        m.CreatedAt,
        m.Phase,
        m.Version,
        Participants = m.Participants.OrderBy(p => p.Id).ToList(),
        m.Answers,
        m.Items,
        Polls = m.Polls.Select(p => new
        {
            p.Id,
            p.ItemId,
            p.Question,
            p.Options,
            p.Secret,
            p.Mode,
            p.OpenedAt,
            p.Status,
            p.ClosedAt,
            p.EligibleMemberIds,
            Ballots = p.Ballots.OrderBy(b => b.MemberId).ToList(),
            HandCounts = p.HandCounts.OrderBy(c => c.Key, StringComparer.Ordinal).ToList(),
            Tally = p.Tally().OrderBy(c => c.Key, StringComparer.Ordinal).ToList(),
        }).ToList(),
        m.Decisions,
        m.Actions,
        m.Responses,
        InvitedListeners = m.InvitedListeners.Order().ToList(),
        m.Cards,
        CurrentItem = m.CurrentItem?.Id,
        ActivePoll = m.ActivePoll?.Id,
        Review = m.Review.Select(r => new { r.Entry, r.Status, r.DropReason, r.Note, r.AgendaItemId }).ToList(),
        m.ReviewOpen,
    }, indented ? Indented : Compact);
}
