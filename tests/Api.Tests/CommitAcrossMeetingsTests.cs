using ForumHub.Api.Persistence;
using ForumHub.Api.Tests.Infrastructure;
using ForumHub.Domain.Meetings;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ForumHub.Api.Tests;

/// <summary>
/// Group commit across meetings (Persistence/GroupCommit.cs): appends of different meetings that wait while a write is
/// in flight go to PostgreSQL as one transaction. To make "waiting while a write is in flight" certain, the tests hold
/// the lock on one meeting's row from a second connection, so the write of that meeting stays in flight until they
/// let go; what queues meanwhile is written together next.
/// </summary>
public sealed class CommitAcrossMeetingsTests(PostgresFixture postgres) : AppTestBase(postgres)
{
    private static MeetingStore.PendingWrite Answer(Guid participantId) => new(
        [new QuestionAnswered(Guid.NewGuid(), Question.WhyAreYouHere, participantId, participantId, "Hello", null)],
        Guid.NewGuid(), participantId, "{}", DateTimeOffset.UtcNow, null);

    private sealed record Stored(Meeting Meeting, Guid ParticipantId);

    private async Task<Stored> NewMeetingAsync()
    {
        var scenario = await MeetingScenario.StartAsync(App);
        await using var scope = App.Services.CreateAsyncScope();
        var loaded = await new MeetingStore(scope.ServiceProvider.GetRequiredService<ForumDbContext>()).LoadAsync(scenario.Id, CancellationToken.None);
        return new Stored(loaded!.Meeting, scenario.Ana.ParticipantId);
    }

    /// <summary>Starts a write of <paramref name="held"/> that cannot finish until the returned transaction ends.</summary>
    private async Task<(NpgsqlTransaction Lock, Task Write)> HoldAWriteInFlightAsync(GroupCommit commits, Stored held)
    {
        var connection = new NpgsqlConnection(App.ConnectionString);
        await connection.OpenAsync();
        var transaction = await connection.BeginTransactionAsync();
        await using (var lockRow = new NpgsqlCommand("SELECT 1 FROM meetings WHERE id = $1 FOR UPDATE", connection, transaction))
        {
            lockRow.Parameters.Add(new NpgsqlParameter { Value = held.Meeting.Id });
            await lockRow.ExecuteScalarAsync();
        }
        var write = commits.AppendAsync(held.Meeting, held.Meeting.Version, [Answer(held.ParticipantId)]);
        for (var tries = 0; await WaitingOnALockAsync() == 0; tries++)
        {
            Assert.True(tries < 500, "The held write never waited on the row lock.");
            await Task.Delay(20);
        }
        return (transaction, write);
    }

    private async Task<long> WaitingOnALockAsync()
    {
        await using var connection = new NpgsqlConnection(App.ConnectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()", connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    private async Task<List<string>> TransactionsOfEventsAsync(params Guid[] meetingIds)
    {
        await using var connection = new NpgsqlConnection(App.ConnectionString);
        await connection.OpenAsync();
        await using var read = new NpgsqlCommand("SELECT DISTINCT xmin::text FROM meeting_events WHERE meeting_id = ANY($1) AND type = 'questionAnswered'", connection);
        read.Parameters.Add(new NpgsqlParameter { Value = meetingIds });
        var ids = new List<string>();
        await using var reader = await read.ExecuteReaderAsync();
        while (await reader.ReadAsync()) ids.Add(reader.GetString(0));
        return ids;
    }

    [Fact]
    public async Task Appends_of_meetings_that_wait_together_are_stored_in_one_transaction()
    {
        var commits = App.Services.GetRequiredService<GroupCommit>();
        var (held, a, b) = (await NewMeetingAsync(), await NewMeetingAsync(), await NewMeetingAsync());
        var (rowLock, heldWrite) = await HoldAWriteInFlightAsync(commits, held);

        var writeA = commits.AppendAsync(a.Meeting, a.Meeting.Version, [Answer(a.ParticipantId), Answer(a.ParticipantId)]);
        var writeB = commits.AppendAsync(b.Meeting, b.Meeting.Version, [Answer(b.ParticipantId)]);
        Assert.False(writeA.IsCompleted || writeB.IsCompleted); // queued behind the write in flight
        await rowLock.CommitAsync();
        await Task.WhenAll(heldWrite, writeA, writeB);

        Assert.Single(await TransactionsOfEventsAsync(a.Meeting.Id, b.Meeting.Id));
        Assert.NotEqual(await TransactionsOfEventsAsync(held.Meeting.Id), await TransactionsOfEventsAsync(a.Meeting.Id));
        var stateA = await App.DbStateAsync(a.Meeting.Id);
        Assert.Equal(a.Meeting.Version + 2, stateA.Version);
        Assert.Equal(stateA.Version, stateA.MaxSeq);
        Assert.Equal(b.Meeting.Version + 1, (await App.DbStateAsync(b.Meeting.Id)).Version);
    }

    [Fact]
    public async Task One_meetings_conflict_in_a_shared_write_costs_the_others_nothing()
    {
        var commits = App.Services.GetRequiredService<GroupCommit>();
        var (held, stale, good) = (await NewMeetingAsync(), await NewMeetingAsync(), await NewMeetingAsync());
        var staleBefore = await App.DbStateAsync(stale.Meeting.Id);
        var (rowLock, heldWrite) = await HoldAWriteInFlightAsync(commits, held);

        var staleWrite = commits.AppendAsync(stale.Meeting, stale.Meeting.Version - 1, [Answer(stale.ParticipantId)]);
        var goodWrite = commits.AppendAsync(good.Meeting, good.Meeting.Version, [Answer(good.ParticipantId)]);
        await rowLock.CommitAsync();
        await heldWrite;

        var conflict = await Assert.ThrowsAsync<StoreConflictException>(() => staleWrite);
        Assert.Contains(stale.Meeting.Id.ToString(), conflict.Message); // told to the meeting it belongs to
        await goodWrite;
        Assert.Equal(good.Meeting.Version + 1, (await App.DbStateAsync(good.Meeting.Id)).Version);
        Assert.Equal(staleBefore, await App.DbStateAsync(stale.Meeting.Id));
    }
}
