using ForumHub.Api.Persistence;
using ForumHub.Api.Runtime;
using MediatR;

namespace ForumHub.Api.Features.Minutes;

/// <summary>Every saved version, oldest first, with who saved it and when (facilitator only).</summary>
public sealed record ListMinutesVersions(Caller Caller) : IRequest<IReadOnlyList<MinutesVersionSummary>>;

/// <summary>One version with its Markdown and the checker's report (facilitator only).</summary>
public sealed record GetMinutesVersion(Caller Caller, int Number) : IRequest<MinutesVersionView>;

public sealed class MinutesVersionsHandler(ForumDbContext db, MeetingRuntime runtime, TimeProvider clock)
    : IRequestHandler<ListMinutesVersions, IReadOnlyList<MinutesVersionSummary>>, IRequestHandler<GetMinutesVersion, MinutesVersionView>
{
    public async Task<IReadOnlyList<MinutesVersionSummary>> Handle(ListMinutesVersions request, CancellationToken ct)
    {
        MinutesStore.RequireFacilitator(request.Caller);
        var store = new MinutesStore(db, runtime, clock);
        var versions = await store.VersionsAsync(request.Caller.MeetingId, ct);
        var published = (await store.PublicationsAsync(request.Caller.MeetingId, ct)).ToDictionary(p => p.VersionId, p => p.Number);
        return versions.Select(v => new MinutesVersionSummary(v.Number, v.Source, v.AuthorName, v.CreatedAt, v.BasedOn,
            published.TryGetValue(v.Id, out var n) ? n : null)).ToList();
    }

    public async Task<MinutesVersionView> Handle(GetMinutesVersion request, CancellationToken ct)
    {
        MinutesStore.RequireFacilitator(request.Caller);
        var store = new MinutesStore(db, runtime, clock);
        var version = await store.VersionAsync(request.Caller.MeetingId, request.Number, ct);
        var published = (await store.PublicationsAsync(request.Caller.MeetingId, ct)).FirstOrDefault(p => p.VersionId == version.Id);
        return MinutesStore.View(version, published?.Number, await store.FactsAsync(request.Caller.MeetingId, ct));
    }
}
