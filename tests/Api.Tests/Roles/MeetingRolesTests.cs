using System.Text.Json;
using ForumHub.Api.Features.Participants;
using ForumHub.Api.Tests.Infrastructure;
using ForumHub.Domain.Meetings;
using Npgsql;

namespace ForumHub.Api.Tests.Roles;

/// <summary>
/// Roles in a meeting (issue 14) through the real hub on PostgreSQL: the facilitator gives and takes chair, timekeeper,
/// note-taker and welcome; every bad input answers its code and leaves the meeting as it was; the stored events keep the
/// contract the forum record reads (meetingRoleGiven / meetingRoleTaken).
/// </summary>
public sealed class MeetingRolesTests(PostgresFixture postgres) : MeetingTestBase(postgres)
{
    private static object Role(Guid participantId, object? role) => new { commandId = Guid.NewGuid(), participantId, role };

    [Fact]
    public async Task The_facilitator_gives_and_takes_roles_and_everyone_sees_it_live()
    {
        await using var facilitator = await HubWire.ConnectAsync(App, Scenario.Meeting.FacilitatorToken);
        await using var ana = await HubWire.ConnectAsync(App, Scenario.Ana.Token);
        Assert.True((await ana.InvokeAsync("JoinMeeting")).Ok);
        Guid anaId = Scenario.Ana.ParticipantId, benId = Scenario.Ben.ParticipantId;

        var given = await facilitator.InvokeAsync("GiveRole", Role(anaId, "chair"));
        Assert.True(given.Ok, given.ToString());
        Assert.Equal(anaId, given.CreatedId);
        Assert.True((await facilitator.InvokeAsync("GiveRole", Role(anaId, "noteTaker"))).Ok);
        Assert.True((await facilitator.InvokeAsync("GiveRole", Role(benId, "timekeeper"))).Ok);
        Assert.True((await facilitator.InvokeAsync("TakeRole", Role(benId, "timekeeper"))).Ok);
        Assert.True((await facilitator.InvokeAsync("GiveRole", Role(benId, "welcome"))).Ok);

        var snapshot = await App.SnapshotAsync(Scenario.Id);
        Assert.Equal([MeetingRole.Chair, MeetingRole.NoteTaker], snapshot.Participants.Single(p => p.Id == anaId).Roles);
        Assert.Equal([MeetingRole.Welcome], snapshot.Participants.Single(p => p.Id == benId).Roles);
        Assert.All(snapshot.Participants.Where(p => p.Id != anaId && p.Id != benId), p => Assert.Empty(p.Roles));

        // Ana's phone got each event, as the contract says: type, participant, role, who, when.
        await Eventually.HoldsAsync(() => ana.Events.Count(e => e.GetProperty("type").GetString()!.StartsWith("meetingRole", StringComparison.Ordinal)) == 5,
            "5 role events on Ana's connection");
        var first = ana.Events.First(e => e.GetProperty("type").GetString() == "meetingRoleGiven").GetProperty("data");
        Assert.Equal((anaId, "chair", Scenario.Meeting.FacilitatorId),
            (first.GetProperty("participantId").GetGuid(), first.GetProperty("role").GetString(), first.GetProperty("givenById").GetGuid()));
        Assert.True(first.TryGetProperty("at", out _));
        var taken = ana.Events.Single(e => e.GetProperty("type").GetString() == "meetingRoleTaken").GetProperty("data");
        Assert.Equal((benId, "timekeeper", Scenario.Meeting.FacilitatorId),
            (taken.GetProperty("participantId").GetGuid(), taken.GetProperty("role").GetString(), taken.GetProperty("takenById").GetGuid()));

        // Stored under the contract's type names, readable by SQL (the forum record counts them this way).
        var stored = new List<string>();
        await using (var connection = new NpgsqlConnection(App.ConnectionString))
        {
            await connection.OpenAsync();
            await using var query = new NpgsqlCommand(
                "SELECT type || ':' || (payload->>'role') FROM meeting_events WHERE meeting_id = @m AND type LIKE 'meetingRole%' ORDER BY seq", connection);
            query.Parameters.AddWithValue("m", Scenario.Id);
            await using var reader = await query.ExecuteReaderAsync();
            while (await reader.ReadAsync()) stored.Add(reader.GetString(0));
        }
        Assert.Equal(["meetingRoleGiven:chair", "meetingRoleGiven:noteTaker", "meetingRoleGiven:timekeeper", "meetingRoleTaken:timekeeper",
            "meetingRoleGiven:welcome"], stored);
    }

    [Fact]
    public async Task Each_bad_input_answers_its_code_and_leaves_the_meeting_as_it_was()
    {
        await using var facilitator = await HubWire.ConnectAsync(App, Scenario.Meeting.FacilitatorToken);
        await using var ana = await HubWire.ConnectAsync(App, Scenario.Ana.Token);
        Guid anaId = Scenario.Ana.ParticipantId, benId = Scenario.Ben.ParticipantId;
        var leaving = await App.JoinAsync(Scenario.Meeting.JoinCode, "Lou");
        Assert.True((await facilitator.InvokeAsync("GiveRole", Role(anaId, "chair"))).Ok);
        await App.SendAsync(new RemoveParticipant(leaving.ParticipantId), Scenario.Facilitator);

        var before = await App.DbStateAsync(Scenario.Id);
        var snapshot = JsonSerializer.Serialize(await App.SnapshotAsync(Scenario.Id));
        var cases = new (string Method, object Args, HubWire Wire, string Code)[]
        {
            ("GiveRole", Role(benId, "chair"), facilitator, "role_taken"),
            ("GiveRole", Role(anaId, "chair"), facilitator, "already_has_role"),
            ("TakeRole", Role(benId, "chair"), facilitator, "role_not_held"),
            ("TakeRole", Role(anaId, "welcome"), facilitator, "role_not_held"),
            ("GiveRole", Role(Guid.NewGuid(), "welcome"), facilitator, "participant_not_found"),
            ("TakeRole", Role(Guid.NewGuid(), "chair"), facilitator, "participant_not_found"),
            ("GiveRole", Role(leaving.ParticipantId, "welcome"), facilitator, "participant_removed"),
            ("GiveRole", Role(Scenario.Supporter.ParticipantId, "welcome"), facilitator, "not_a_member"),
            ("GiveRole", Role(Scenario.Listener.ParticipantId, "welcome"), facilitator, "not_a_member"),
            ("GiveRole", Role(Scenario.Meeting.FacilitatorId, "chair"), facilitator, "not_a_member"),
            ("GiveRole", Role(benId, null), facilitator, "invalid_request"),
            ("GiveRole", Role(benId, "welcome"), ana, "not_allowed"),
            ("TakeRole", Role(anaId, "chair"), ana, "not_allowed"),
            ("GiveRole", new { participantId = benId, role = "welcome" }, facilitator, "command_id_required"),
        };
        foreach (var (method, args, wire, code) in cases)
            Assert.True((await wire.InvokeAsync(method, args)).Code == code, $"{method} {JsonSerializer.Serialize(args)}: expected {code}");

        // A role that is not one of the four, or given as a number, fails argument binding (docs/protocol.md, Errors).
        foreach (var bad in new object[] { "king", "chairperson", "", 0, true, new { role = "chair" } })
        {
            var refused = await facilitator.InvokeAsync("GiveRole", Role(benId, bad));
            Assert.StartsWith("Failed to invoke 'GiveRole'", refused.Error, StringComparison.Ordinal);
        }

        Assert.Equal(before, await App.DbStateAsync(Scenario.Id));
        Assert.Equal(snapshot, JsonSerializer.Serialize(await App.SnapshotAsync(Scenario.Id)));
    }

    [Fact]
    public async Task A_repeat_is_answered_not_applied_and_a_closed_meeting_keeps_its_roles()
    {
        await using var facilitator = await HubWire.ConnectAsync(App, Scenario.Meeting.FacilitatorToken);
        var give = Role(Scenario.Ben.ParticipantId, "timekeeper");
        var first = await facilitator.InvokeAsync("GiveRole", give);
        var again = await facilitator.InvokeAsync("GiveRole", give);
        Assert.Equal(first.Seq, again.Seq);

        await Scenario.ToItemsAsync();
        Assert.True((await facilitator.InvokeAsync("MoveToPhase", new { commandId = Guid.NewGuid(), phase = "closed" })).Ok);
        var before = await App.DbStateAsync(Scenario.Id);
        Assert.Equal("meeting_closed", (await facilitator.InvokeAsync("GiveRole", Role(Scenario.Ana.ParticipantId, "chair"))).Code);
        Assert.Equal("meeting_closed", (await facilitator.InvokeAsync("TakeRole", Role(Scenario.Ben.ParticipantId, "timekeeper"))).Code);
        Assert.Equal(before, await App.DbStateAsync(Scenario.Id));
        Assert.Equal([MeetingRole.Timekeeper], (await App.SnapshotAsync(Scenario.Id)).Participants.Single(p => p.Id == Scenario.Ben.ParticipantId).Roles);
    }
}
