using ForumHub.Api.Persistence;
using ForumHub.Api.Runtime;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ForumHub.Api.Features.Meetings;

/// <summary>Events after a sequence number, for a client that missed some. Complete=false means: ask again from LastSeq.</summary>
public sealed record GetEventsSince(Guid MeetingId, long After) : IRequest<EventPage>;

public sealed record EventPage(IReadOnlyList<EventEnvelope> Events, long LastSeq, bool Complete);

public sealed class GetEventsSinceHandler(MeetingRuntime runtime, ForumDbContext db) : IRequestHandler<GetEventsSince, EventPage>
{
    public const int PageSize = 2000;

    public async Task<EventPage> Handle(GetEventsSince request, CancellationToken ct)
    {
        if (request.After < 0) throw new CommandException(ApiErrorCodes.InvalidRequest, "'after' must be 0 or more.");
        List<EventRow> rows;
        try
        {
            rows = await db.Events.AsNoTracking()
                .Where(e => e.MeetingId == request.MeetingId && e.Seq > request.After)
                .OrderBy(e => e.Seq).Take(PageSize).ToListAsync(ct);
        }
        catch (Exception e) when (MeetingRuntime.IsStorageFailure(e))
        {
            // PostgreSQL is away (restarting): the same coded, retriable answer (and log line) as for commands.
            throw runtime.StorageUnavailable(e, request.MeetingId, "reading its events");
        }
        // Read the live meeting after the rows: it is never behind PostgreSQL, so it knows every poll they name
        // and which are secret.
        var (secretPolls, version) = await runtime.ReadAsync(request.MeetingId,
            m => (m.Polls.Where(p => p.Secret).Select(p => p.Id).ToHashSet(), m.Version), ct);
        var events = rows.Select(r => EventEnvelope.From(secretPolls.Contains, r.Seq, EventSerializer.Deserialize(r.Type, r.Payload), r.OccurredAt)).ToList();
        var last = events.Count > 0 ? events[^1].Seq : Math.Min(request.After, version);
        return new EventPage(events, last, rows.Count < PageSize);
    }
}
