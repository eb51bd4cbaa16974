using System.Text.Json;
using ForumHub.Api.Features.Meetings;
using ForumHub.Api.Features.Polls;
using ForumHub.Api.Features.Questions;
using ForumHub.Api.Runtime;
using ForumHub.Api.Tests.Infrastructure;
using ForumHub.Domain.Meetings;
using Npgsql;

namespace ForumHub.Api.Tests;

/// <summary>PostgreSQL is the source of truth: state survives a restart, keys hold, and two writers cannot both win.</summary>
public sealed class PersistenceTests(PostgresFixture postgres) : MeetingTestBase(postgres)
{
    [Fact]
    public async Task A_new_process_rebuilds_exactly_the_same_meeting_from_PostgreSQL()
    {
        await Scenario.ToItemsAsync();
        var poll = await Scenario.OpenPollAsync(secret: true);
        await App.SendAsync(new CastBallot(poll, "no", null), ForumApp.As(Scenario.Ana));
        await App.SendAsync(new CastBallot(poll, "yes", Scenario.Ben.ParticipantId), ForumApp.As(Scenario.Supporter));
        await App.SendAsync(new ClosePoll(poll), Scenario.Facilitator);
        var before = JsonSerializer.Serialize(await App.SnapshotAsync(Scenario.Id), ForumApp.Json);

        await using var restarted = new ForumApp(Postgres, App.ConnectionString);
        var after = JsonSerializer.Serialize(await restarted.SnapshotAsync(Scenario.Id), ForumApp.Json);
        Assert.Equal(before, after);
        var state = await restarted.DbStateAsync(Scenario.Id);
        Assert.Equal(state.Events, state.MaxSeq);
        Assert.Equal(state.Version, state.MaxSeq);
    }

    [Fact]
    public async Task The_database_itself_refuses_a_second_ballot_by_the_same_member()
    {
        await Scenario.ToItemsAsync();
        var poll = await Scenario.OpenPollAsync();
        await App.SendAsync(new CastBallot(poll, "yes", null), ForumApp.As(Scenario.Ana));
        await using var connection = new NpgsqlConnection(App.ConnectionString);
        await connection.OpenAsync();
        await using var insert = new NpgsqlCommand(
            "INSERT INTO ballots (poll_id, member_id, meeting_id, option_id, entered_by_id, seq) VALUES (@p, @m, @mt, 'no', @m, 999)", connection);
        insert.Parameters.AddWithValue("p", poll);
        insert.Parameters.AddWithValue("m", Scenario.Ana.ParticipantId);
        insert.Parameters.AddWithValue("mt", Scenario.Id);
        var error = await Assert.ThrowsAsync<PostgresException>(() => insert.ExecuteNonQueryAsync());
        Assert.Equal(PostgresErrorCodes.UniqueViolation, error.SqlState);
    }

    [Fact]
    public async Task Secret_ballots_never_show_the_choice_until_the_result()
    {
        await Scenario.ToItemsAsync();
        var poll = await Scenario.OpenPollAsync(secret: true);
        await App.SendAsync(new CastBallot(poll, "no", null), ForumApp.As(Scenario.Ana));
        var open = (await App.SnapshotAsync(Scenario.Id)).Polls.Single();
        Assert.All(open.Ballots, b => Assert.Equal(EventEnvelope.SecretOption, b.OptionId));
        Assert.Null(open.Tally);

        await App.SendAsync(new ClosePoll(poll), Scenario.Facilitator);
        var closed = (await App.SnapshotAsync(Scenario.Id)).Polls.Single();
        Assert.All(closed.Ballots, b => Assert.Equal(EventEnvelope.SecretOption, b.OptionId));
        Assert.Equal(1, closed.Tally!["no"]);
    }

    [Fact]
    public async Task Two_nodes_writing_the_same_meeting_cannot_both_win()
    {
        // Two separate clusters on one database, so two activations of the meeting's grain at once (what a partition
        // would give): each node holds its own copy, and only the one whose copy is current can append.
        await using var nodeB = new ForumApp(Postgres, App.ConnectionString);
        await App.SnapshotAsync(Scenario.Id); // node A's copy, at the same version
        await nodeB.SendAsync(new AnswerQuestion(Question.WhatDoYouWantToDo, "First from node B", null, null), ForumApp.As(Scenario.Ben));

        // A's copy is now stale: its write is refused, retriably, and changes nothing.
        var before = await App.DbStateAsync(Scenario.Id);
        var fromA = new AnswerQuestion(Question.WhyAreYouHere, "From node A", null, null) { CommandId = Guid.NewGuid() };
        var conflict = await Assert.ThrowsAsync<CommandException>(() => App.SendAsync(fromA, ForumApp.As(Scenario.Ana)));
        Assert.Equal(ApiErrorCodes.Conflict, conflict.Code);
        Assert.True(conflict.Retriable);
        Assert.Equal(before, await App.DbStateAsync(Scenario.Id));

        // The same command again reloads the committed truth and is stored once; now B's copy is the stale one.
        await App.SendAsync(fromA, ForumApp.As(Scenario.Ana));
        var fromB = new AnswerQuestion(Question.WhyAreYouHere, "From node B", null, null) { CommandId = Guid.NewGuid() };
        Assert.Equal(ApiErrorCodes.Conflict, (await Assert.ThrowsAsync<CommandException>(() => nodeB.SendAsync(fromB, ForumApp.As(Scenario.Ben)))).Code);
        await nodeB.SendAsync(fromB, ForumApp.As(Scenario.Ben));

        // One linear sequence: two more events, no gap, every answer once.
        var after = await nodeB.DbStateAsync(Scenario.Id);
        Assert.Equal(before.MaxSeq + 2, after.MaxSeq);
        Assert.Equal(3, (await nodeB.SnapshotAsync(Scenario.Id)).Answers.Count);
        Assert.Equal(3, (await App.SnapshotAsync(Scenario.Id)).Answers.Count);
    }

    [Fact]
    public async Task A_failed_commit_leaves_no_trace_and_reports_a_retriable_error()
    {
        var before = await App.DbStateAsync(Scenario.Id);
        // Break the write path only: a trigger that fails every event insert for this test's database.
        await ExecAsync("""
            CREATE FUNCTION refuse() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'disk full (simulated)'; END $$ LANGUAGE plpgsql;
            CREATE TRIGGER refuse_events BEFORE INSERT ON meeting_events FOR EACH ROW EXECUTE FUNCTION refuse();
            """);
        var error = await Assert.ThrowsAsync<CommandException>(() =>
            App.SendAsync(new AnswerQuestion(Question.WhyAreYouHere, "Lost?", null, null), ForumApp.As(Scenario.Ana)));
        Assert.Equal(ApiErrorCodes.StorageUnavailable, error.Code);
        Assert.True(error.Retriable);
        Assert.Equal(before, await App.DbStateAsync(Scenario.Id));
        Assert.Empty((await App.SnapshotAsync(Scenario.Id)).Answers);

        await ExecAsync("DROP TRIGGER refuse_events ON meeting_events;");
        await App.SendAsync(new AnswerQuestion(Question.WhyAreYouHere, "Saved", null, null), ForumApp.As(Scenario.Ana));
        Assert.Equal("Saved", (await App.SnapshotAsync(Scenario.Id)).Answers.Single().Text);
    }

    private async Task ExecAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(App.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
