using ForumHub.Api.Persistence;

namespace ForumHub.Api.Features.Forums;

/// <summary>A standing member or listener as the facilitator sees them. The card code itself is shown only once.</summary>
public sealed record ForumMemberView(
    Guid Id, string Kind, string DisplayName, string? Picture, string? Represents, string? UsualSupporter, string? RoleWords,
    bool KeepsRecord, bool HasCard, DateTimeOffset? CardIssuedAt)
{
    public static ForumMemberView Of(ForumMemberRow m) => new(m.Id, m.Kind, m.DisplayName, m.Picture, m.Represents, m.UsualSupporter,
        m.RoleWords, m.KeepsRecord, m.CardCodeHash is not null, m.CardIssuedAt);
}

/// <summary>A new card: the code is in this answer only (only its hash is stored), to print at once.</summary>
public sealed record ForumCard(Guid MemberId, string Kind, string DisplayName, string? Picture, string ForumName, string Code);

public sealed record ForumMemberCreated(ForumMemberView Member, ForumCard Card);

public sealed record ForumMeetingView(Guid MeetingId, string Title, string Phase, DateTimeOffset CreatedAt);

public sealed record PlannedMeetingView(
    Guid Id, DateTimeOffset StartsAt, string Place, string About, bool InvitationPublic, string InvitationKey, Guid? MeetingId)
{
    public static PlannedMeetingView Of(PlannedMeetingRow p) => new(p.Id, p.StartsAt, p.Place, p.About, p.InvitationPublic, p.InvitationKey, p.MeetingId);
}

/// <summary>Someone who joined one of the forum's meetings with its join code and is not on the forum's list (yet).</summary>
public sealed record NewcomerView(Guid MeetingId, Guid ParticipantId, string DisplayName, string? Picture, string Role, DateTimeOffset JoinedAt);

public sealed record ForumPage(
    Guid Id, string Name, IReadOnlyList<ForumMemberView> Members, IReadOnlyList<ForumMemberView> Listeners,
    IReadOnlyList<ForumMeetingView> LiveMeetings, IReadOnlyList<ForumMeetingView> PastMeetings,
    IReadOnlyList<PlannedMeetingView> PlannedMeetings, IReadOnlyList<NewcomerView> Newcomers);
