using ForumHub.Api.Features.Questions;
using ForumHub.Api.Persistence;
using ForumHub.Api.Runtime;
using ForumHub.Api.Tests.Infrastructure;
using ForumHub.Domain.Meetings;
using Npgsql;

namespace ForumHub.Api.Tests;

/// <summary>
/// Which failed writes may be sent again: PostgreSQL's data and integrity errors (SQLSTATE classes 22 and 23) would
/// fail the same way every time, so they are final; unique keys and the version check mean another writer got there
/// first; anything else may pass.
/// </summary>
public sealed class StoreFailureClassificationTests
{
    private static PostgresException Postgres(string sqlState) => new("simulated", "ERROR", "ERROR", sqlState);

    private static StoreException? Classify(Exception e) => StoreFailures.Classify(e, Guid.NewGuid(), 7);

    [Theory]
    [InlineData("22001")] // string_data_right_truncation
    [InlineData("22021")] // character_not_in_repertoire
    [InlineData("22P02")] // invalid_text_representation
    [InlineData("23502")] // not_null_violation
    [InlineData("23503")] // foreign_key_violation
    [InlineData("23514")] // check_violation
    public void Data_and_integrity_errors_are_refusals_that_no_retry_can_cure(string sqlState)
    {
        var refused = Assert.IsType<StoreRefusedException>(Classify(Postgres(sqlState)));
        Assert.Equal(sqlState, refused.SqlState);
    }

    [Theory]
    [InlineData("23505")] // unique_violation: a second writer, or the row is already there
    [InlineData("FH409")] // advance_meeting_version: the meeting moved on
    public void A_unique_key_or_the_version_check_is_a_conflict(string sqlState) =>
        Assert.IsType<StoreConflictException>(Classify(Postgres(sqlState)));

    [Theory]
    [InlineData("57P01")] // admin_shutdown: PostgreSQL restarting
    [InlineData("53300")] // too_many_connections
    [InlineData("40001")] // serialization_failure
    [InlineData("P0001")] // raise_exception from a trigger
    public void Other_PostgreSQL_errors_may_pass(string sqlState) =>
        Assert.IsType<StoreUnavailableException>(Classify(Postgres(sqlState)));

    [Fact]
    public void No_answer_from_PostgreSQL_may_pass_and_other_faults_are_not_storage_failures()
    {
        Assert.IsType<StoreUnavailableException>(Classify(new NpgsqlException("connection refused")));
        Assert.IsType<StoreUnavailableException>(Classify(new TimeoutException()));
        Assert.Null(Classify(new ArgumentException("a bug, not storage")));
    }
}

/// <summary>A refused write reaches the client as a final storage_refused, and spoils nothing else in its batch.</summary>
public sealed class StoreRefusalTests(PostgresFixture postgres) : MeetingTestBase(postgres)
{
    private const string Refused = "(refused by a check)";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        // A check PostgreSQL makes and the domain does not (SQLSTATE 23514, class 23), for marked answers only.
        await using var connection = new NpgsqlConnection(App.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"""
            CREATE FUNCTION refuse_marked() RETURNS trigger AS $$ BEGIN
              IF NEW.payload->>'text' LIKE '%{Refused}%' THEN RAISE EXCEPTION 'refused' USING ERRCODE = 'check_violation'; END IF;
              RETURN NEW; END $$ LANGUAGE plpgsql;
            CREATE TRIGGER refuse_marked BEFORE INSERT ON meeting_events FOR EACH ROW EXECUTE FUNCTION refuse_marked();
            """, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static AnswerQuestion Answer(string text) => new(Question.WhyAreYouHere, text, null, null);

    [Fact]
    public async Task A_command_whose_data_PostgreSQL_refuses_is_told_so_once_and_not_to_retry()
    {
        var before = await App.DbStateAsync(Scenario.Id);
        var error = await Assert.ThrowsAsync<CommandException>(() => App.SendAsync(Answer($"Hello {Refused}"), ForumApp.As(Scenario.Ana)));
        Assert.Equal(ApiErrorCodes.StorageRefused, error.Code);
        Assert.False(error.Retriable);
        Assert.Equal(before, await App.DbStateAsync(Scenario.Id));

        await App.SendAsync(Answer("Hello"), ForumApp.As(Scenario.Ana));
        Assert.Equal("Hello", (await App.SnapshotAsync(Scenario.Id)).Answers.Single().Text);
    }

    [Fact]
    public async Task The_others_stored_in_the_same_moment_still_land()
    {
        var people = new[] { Scenario.Ana, Scenario.Ben };
        var sends = Enumerable.Range(0, 30).Select(i => (Text: i % 10 == 3 ? $"Reason {i} {Refused}" : $"Reason {i}", Who: people[i % 2])).ToList();
        var results = await Task.WhenAll(sends.Select(s => Task.Run(async () =>
        {
            try { await App.SendAsync(Answer(s.Text), ForumApp.As(s.Who)); return "ok"; }
            catch (CommandException e) { return e.Code; }
        })));

        Assert.Equal(27, results.Count(r => r == "ok"));
        Assert.Equal(3, results.Count(r => r == ApiErrorCodes.StorageRefused));
        var answers = (await App.SnapshotAsync(Scenario.Id)).Answers.Select(a => a.Text).ToHashSet();
        Assert.Equal(sends.Select(s => s.Text).Where(t => !t.Contains(Refused)).ToHashSet(), answers);
        var state = await App.DbStateAsync(Scenario.Id);
        Assert.Equal(state.Events, state.MaxSeq);
    }
}
