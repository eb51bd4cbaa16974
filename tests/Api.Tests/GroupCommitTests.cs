using ForumHub.Api.Features.Polls;
using ForumHub.Api.Features.Questions;
using ForumHub.Api.Tests.Infrastructure;
using ForumHub.Domain.Meetings;
using ForumHub.Domain.Rules;
using Npgsql;

namespace ForumHub.Api.Tests;

/// <summary>Many commands at once for one meeting: each gets its own answer, nothing is lost or counted twice.</summary>
public sealed class GroupCommitTests(PostgresFixture postgres) : MeetingTestBase(postgres)
{
    [Fact]
    public async Task A_room_voting_at_once_gets_every_ballot_stored_once_with_gap_free_sequence_numbers()
    {
        var members = new List<Runtime.Caller>();
        for (var i = 0; i < 40; i++) members.Add(ForumApp.As(await App.JoinAsync(Scenario.Meeting.JoinCode, $"Voter {i}")));
        await Scenario.ToItemsAsync();
        var poll = await Scenario.OpenPollAsync();

        // Each member votes, and half of them (a shaky connection) send the very same command twice.
        var sends = members.SelectMany((m, i) =>
        {
            var ballot = new CastBallot(poll, i % 3 == 0 ? "no" : "yes", null) { CommandId = Guid.NewGuid() };
            return i % 2 == 0 ? new[] { (m, ballot), (m, ballot) } : new[] { (m, ballot) };
        }).ToList();
        var acks = await Task.WhenAll(sends.Select(s => Task.Run(() => App.SendAsync(s.ballot, s.m))));

        // Repeats got the original answer; distinct ballots got distinct sequence numbers.
        var byCommand = sends.Zip(acks).GroupBy(x => x.First.ballot.CommandId).ToList();
        Assert.All(byCommand, g => Assert.Single(g.Select(x => x.Second).Distinct()));
        Assert.Equal(40, byCommand.Select(g => g.First().Second.Seq).Distinct().Count());

        var state = await App.DbStateAsync(Scenario.Id);
        Assert.Equal(40, state.Ballots);
        Assert.Equal(state.Events, state.MaxSeq);
        var snapshot = await App.SnapshotAsync(Scenario.Id);
        Assert.Equal(40, snapshot.Polls.Single().Ballots.Count);
        Assert.Equal(state.MaxSeq, snapshot.Seq);
    }

    [Fact]
    public async Task A_refused_command_in_a_busy_moment_changes_nothing_and_the_others_still_land()
    {
        var ana = ForumApp.As(Scenario.Ana);
        var good = Enumerable.Range(0, 20).Select(i => new AnswerQuestion(Question.WhyAreYouHere, $"Reason {i}", null, null)).ToList();
        var bad = Enumerable.Range(0, 10).Select(_ => new AnswerQuestion(Question.WhyAreYouHere, "   ", null, null)).ToList();
        var results = await Task.WhenAll(good.Concat(bad).Select(c => Task.Run(async () =>
        {
            try { await App.SendAsync(c, ana); return "ok"; }
            catch (BusinessRuleBrokenException e) { return e.Code; }
        })));

        Assert.Equal(20, results.Count(r => r == "ok"));
        Assert.Equal(10, results.Count(r => r == ErrorCodes.TextEmpty));
        Assert.Equal(20, (await App.SnapshotAsync(Scenario.Id)).Answers.Count);
        await using var connection = new NpgsqlConnection(App.ConnectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM meeting_events WHERE meeting_id = @m AND type = 'questionAnswered'", connection);
        count.Parameters.AddWithValue("m", Scenario.Id);
        Assert.Equal(20L, await count.ExecuteScalarAsync());
    }
}
