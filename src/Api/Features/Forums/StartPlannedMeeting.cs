using System.Text.Json.Serialization;
using ForumHub.Api.Access;
using ForumHub.Api.Features.Meetings;
using ForumHub.Api.Persistence;
using ForumHub.Api.Runtime;
using ForumHub.Domain.Meetings;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ForumHub.Api.Features.Forums;

/// <summary>
/// When the day comes the facilitator presses Start: the planned meeting becomes a live meeting of the forum, made by
/// CreateMeeting (the same path, tokens and codes as "start a meeting"), titled with what it is about.
/// </summary>
public sealed record StartPlannedMeeting(Guid CommandId, string? FacilitatorName) : IRequest<CreatedMeeting>, IIdempotentRequest
{
    [JsonIgnore] public AccountCaller Account { get; init; } = null!;
    [JsonIgnore] public Guid ForumId { get; init; }
    [JsonIgnore] public Guid PlannedId { get; init; }
}

public sealed class StartPlannedMeetingHandler(ForumDbContext db, IMediator mediator, ILogger<StartPlannedMeetingHandler> log) : IRequestHandler<StartPlannedMeeting, CreatedMeeting>
{
    public async Task<CreatedMeeting> Handle(StartPlannedMeeting request, CancellationToken ct)
    {
        var forum = await ForumRules.ForumAsync(db, request.Account, request.ForumId, log, ct);
        var planned = await PlannedMeetingRules.PlannedAsync(db, forum.Id, request.PlannedId, ct);
        var title = planned.About.Length <= Limits.Title ? planned.About : planned.About[..(Limits.Title - 3)].TrimEnd() + "...";
        var name = string.IsNullOrWhiteSpace(request.FacilitatorName)
            ? await db.FacilitatorAccounts.Where(a => a.Id == request.Account.AccountId).Select(a => a.DisplayName).FirstAsync(ct)
            : request.FacilitatorName;
        // Started already (perhaps its answer was lost): the facilitator opens it from My meetings, which hands out access again.
        PlannedMeetingRules.NotStarted(planned);
        var created = await mediator.Send(new CreateMeeting(request.CommandId, title, name, forum.Id) { Account = request.Account }, ct);
        planned.MeetingId = created.MeetingId;
        await db.SaveChangesAsync(ct);
        return created;
    }
}
