using ForumHub.Api.Persistence;
using ForumHub.Api.Tests.Infrastructure;
using ForumHub.Domain.Meetings;
using Microsoft.Extensions.DependencyInjection;

namespace ForumHub.Api.Tests;

/// <summary>
/// The one-round-trip write path (Persistence/EventWriter.cs, ADR 0006): every append goes through it, so every
/// other test drives it; these cover what normal use cannot reach: a writer at the wrong version, and a batch that
/// breaks part-way, must leave nothing behind.
/// </summary>
public sealed class EventBatchTests(PostgresFixture postgres) : MeetingTestBase(postgres)
{
    private MeetingStore.PendingWrite Answer() => new(
        [new QuestionAnswered(Guid.NewGuid(), Question.WhyAreYouHere, Scenario.Ana.ParticipantId, Scenario.Ana.ParticipantId, "Hello", null)],
        Guid.NewGuid(), Scenario.Ana.ParticipantId, "{}", DateTimeOffset.UtcNow, null);

    private async Task<T> WithStoreAsync<T>(Func<ForumDbContext, Meeting, Task<T>> work)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ForumDbContext>();
        var loaded = (await new MeetingStore(db).LoadAsync(Scenario.Id, CancellationToken.None))!;
        return await work(db, loaded.Meeting);
    }

    [Theory]
    [InlineData(5)]  // ahead: its sequence numbers are free, so only the version check can refuse it
    [InlineData(-2)] // behind: a writer with a stale copy
    public async Task A_batch_from_a_version_the_meeting_is_not_at_stores_nothing(int offset)
    {
        var before = await App.DbStateAsync(Scenario.Id);
        var error = await WithStoreAsync((db, meeting) => Assert.ThrowsAsync<StoreConflictException>(() =>
            EventWriter.AppendAsync(db, meeting, meeting.Version + offset, [Answer(), Answer()], CancellationToken.None)));
        Assert.Contains("no longer at sequence", error.Message);
        Assert.Equal(before, await App.DbStateAsync(Scenario.Id));
    }

    [Fact]
    public async Task A_batch_that_fails_part_way_stores_nothing_not_even_its_first_statements()
    {
        var before = await App.DbStateAsync(Scenario.Id);
        var poll = Guid.NewGuid();
        var ballot = new BallotCast(poll, Scenario.Ana.ParticipantId, Scenario.Ana.ParticipantId, "yes");
        var twice = new MeetingStore.PendingWrite([ballot, ballot], Guid.NewGuid(), Scenario.Ana.ParticipantId, "{}", DateTimeOffset.UtcNow, null);
        var error = await WithStoreAsync((db, meeting) => Assert.ThrowsAsync<StoreConflictException>(() =>
            EventWriter.AppendAsync(db, meeting, meeting.Version, [Answer(), twice], CancellationToken.None)));
        Assert.Contains("23505", error.Message); // the ballots' key, the last statements of the batch
        Assert.Equal(before, await App.DbStateAsync(Scenario.Id));
    }

    [Fact]
    public async Task A_good_batch_moves_the_version_on_by_its_events_and_stores_every_row()
    {
        var before = await App.DbStateAsync(Scenario.Id);
        await WithStoreAsync(async (db, meeting) =>
        {
            await EventWriter.AppendAsync(db, meeting, meeting.Version, [Answer(), Answer()], CancellationToken.None);
            return true;
        });
        var after = await App.DbStateAsync(Scenario.Id);
        Assert.Equal(before.Version + 2, after.Version);
        Assert.Equal(before.Events + 2, after.Events);
        Assert.Equal(after.Version, after.MaxSeq);
        Assert.Equal(before.Commands + 2, after.Commands);
    }
}
