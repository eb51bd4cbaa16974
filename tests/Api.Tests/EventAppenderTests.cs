using ForumHub.Api.Persistence;
using ForumHub.Api.Tests.Infrastructure;
using ForumHub.Domain.Meetings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ForumHub.Api.Tests;

/// <summary>
/// The direct write path for events, ballots and results (Persistence/EventAppender.cs, issue 7): the live commands go
/// through it (every other test drives it); these cover what normal use cannot reach.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class EventAppenderTests(PostgresFixture postgres) : IAsyncLifetime
{
    private ForumApp _app = null!;
    private MeetingScenario _s = null!;

    public async Task InitializeAsync()
    {
        _app = new ForumApp(postgres);
        _s = await MeetingScenario.StartAsync(_app);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static MeetingStore.PendingWrite Answer(Guid participantId) => new(
        [new QuestionAnswered(Guid.NewGuid(), Question.WhyAreYouHere, participantId, participantId, "Hello", null)],
        Guid.NewGuid(), participantId, "{}", DateTimeOffset.UtcNow, null);

    [Fact]
    public async Task A_batch_written_from_a_version_the_meeting_is_not_at_stores_nothing()
    {
        var before = await _app.DbStateAsync(_s.Id);
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ForumDbContext>();
        var (meeting, _) = (await new MeetingStore(db).LoadAsync(_s.Id, CancellationToken.None))!.Value;

        // Sequence numbers after a version ahead of the stored one are free, so only the version check can refuse it.
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() =>
            EventAppender.TryAppendAsync(db, meeting, meeting.Version + 5, [Answer(_s.Ana.ParticipantId)], CancellationToken.None));
        Assert.Equal(before, await _app.DbStateAsync(_s.Id));
    }

    [Fact]
    public async Task Joins_are_left_to_EF_and_nothing_is_written_for_them()
    {
        var before = await _app.DbStateAsync(_s.Id);
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ForumDbContext>();
        var (meeting, _) = (await new MeetingStore(db).LoadAsync(_s.Id, CancellationToken.None))!.Value;
        var join = new MeetingStore.PendingWrite(
            [new ParticipantJoined(Guid.NewGuid(), "Cat", Role.Member, null, null, DateTimeOffset.UtcNow)],
            Guid.NewGuid(), null, "{}", DateTimeOffset.UtcNow, null);

        Assert.False(await EventAppender.TryAppendAsync(db, meeting, meeting.Version, [Answer(_s.Ana.ParticipantId), join], CancellationToken.None));
        Assert.Equal(before, await _app.DbStateAsync(_s.Id));
    }
}
