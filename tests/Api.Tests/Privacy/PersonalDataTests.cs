using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using ForumHub.Api.Features.Agenda;
using ForumHub.Api.Features.Cards;
using ForumHub.Api.Features.Meetings;
using ForumHub.Api.Features.Outcomes;
using ForumHub.Api.Features.Polls;
using ForumHub.Api.Features.Privacy;
using ForumHub.Api.Features.Questions;
using ForumHub.Api.Tests.Infrastructure;
using ForumHub.Domain.Meetings;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ForumHub.Api.Tests.Privacy;

/// <summary>A person's own data export, erasure on request, and the retention rule, against PostgreSQL, minutes included.</summary>
public sealed partial class PersonalDataTests(PostgresFixture postgres) : MeetingTestBase(postgres, new Dictionary<string, string> { ["Privacy:RawDataRetentionDays"] = "30" })
{
    private const string Name = "Zora Quill";
    private const string AboutHerself = "My carer Tobias drives me from Goole";

    private Features.Participants.JoinedMeeting _zora = null!;
    private Guid _openPoll;
    private Guid _secretPoll;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _zora = await App.JoinAsync(Scenario.Meeting.JoinCode, Name);
        var zora = ForumApp.As(_zora);
        await App.SendAsync(new AnswerQuestion(Question.WhyAreYouHere, AboutHerself, null, null), zora);
        var idea = await App.SendAsync(new AnswerQuestion(Question.WhatDoYouWantToDo, "Later buses", null, null), zora);
        await App.SendAsync(new RaiseCard(CardKind.SlowDown, null), zora);
        await App.SendAsync(new Features.Roles.GiveRole(_zora.ParticipantId, MeetingRole.Chair), Scenario.Facilitator);
        await App.SendAsync(new MoveToPhase(Phase.Agenda), Scenario.Facilitator);
        var item = (await App.SendAsync(new PromoteAnswer(idea.Id!.Value, null), Scenario.Facilitator)).Id!.Value;
        await App.SendAsync(new AgreeAgenda([item]), Scenario.Facilitator);
        await App.SendAsync(new MoveToPhase(Phase.Items), Scenario.Facilitator);
        await App.SendAsync(new StartItem(item), Scenario.Facilitator);
        _openPoll = await Scenario.OpenPollAsync();
        await App.SendAsync(new CastBallot(_openPoll, "yes", null), zora);
        await App.SendAsync(new CastBallot(_openPoll, "no", null), ForumApp.As(Scenario.Ana));
        await App.SendAsync(new ClosePoll(_openPoll), Scenario.Facilitator);
        _secretPoll = await Scenario.OpenPollAsync(secret: true);
        await App.SendAsync(new CastBallot(_secretPoll, "not-sure", null), zora);
        await App.SendAsync(new CastBallot(_secretPoll, "yes", null), ForumApp.As(Scenario.Ana));
        await App.SendAsync(new ClosePoll(_secretPoll), Scenario.Facilitator);
        await App.SendAsync(new RecordDecision(item, "We ask the council for later buses.", ParticipationLevel.CoProduction, _openPoll), Scenario.Facilitator);
        await App.SendAsync(new AddAction(item, "Write to the bus company", _zora.ParticipantId, Scenario.Supporter.ParticipantId, null, null), Scenario.Facilitator);
    }

    private HttpClient WithToken(string? token)
    {
        var client = App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    private async Task<string> PublishMinutesAsync()
    {
        await App.SendAsync(new FinishItem((await App.SnapshotAsync(Scenario.Id)).Items.Single().Id), Scenario.Facilitator);
        await App.SendAsync(new MoveToPhase(Phase.Closed), Scenario.Facilitator);
        var facilitator = WithToken(Scenario.Meeting.FacilitatorToken);
        var draft = await facilitator.PostAsJsonAsync($"/api/meetings/{Scenario.Id}/minutes/drafts", new { }, ForumApp.Json);
        Assert.True(draft.IsSuccessStatusCode, await draft.Content.ReadAsStringAsync());
        var number = (await draft.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetInt32();
        var published = await facilitator.PostAsJsonAsync($"/api/meetings/{Scenario.Id}/minutes/publish", new { version = number, reviewedWithId = _zora.ParticipantId }, ForumApp.Json);
        Assert.True(published.IsSuccessStatusCode, await published.Content.ReadAsStringAsync());
        return await ReadMinutesAsync(Scenario.Meeting.FacilitatorToken!);
    }

    private async Task<string> ReadMinutesAsync(string token)
    {
        var response = await WithToken(token).GetAsync($"/api/meetings/{Scenario.Id}/minutes/easy-read.md");
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task A_person_exports_their_own_data_as_JSON_with_their_secret_votes_and_staff_exports_hide_them()
    {
        var own = await WithToken(_zora.Token).GetFromJsonAsync<PersonalDataExport>("/api/me/export", ForumApp.Json);
        Assert.Equal(Name, own!.Person.DisplayName);
        Assert.Equal(Role.Member, own.Person.Role);
        Assert.Equal([MeetingRole.Chair], own.Person.Roles);
        Assert.Equal([AboutHerself, "Later buses"], own.Answers.Select(a => a.Text));
        Assert.Equal(["Yes", "Not sure"], own.Votes.Select(v => v.Choice));
        Assert.Equal("Write to the bus company", Assert.Single(own.Actions).What);
        Assert.Equal(CardKind.SlowDown, Assert.Single(own.Cards).Kind);
        Assert.Single(own.AgendaItems);

        var staff = await (await App.FacilitatorClientAsync())
            .GetFromJsonAsync<PersonalDataExport>($"/api/meetings/{Scenario.Id}/participants/{_zora.ParticipantId}/export", ForumApp.Json);
        Assert.Equal(["Yes", PersonalDataExport.HiddenChoice], staff!.Votes.Select(v => v.Choice));
        Assert.False(staff.SecretVotesShown);

        var supporter = await WithToken(Scenario.Supporter.Token).GetFromJsonAsync<PersonalDataExport>("/api/me/export", ForumApp.Json);
        Assert.Equal("Ben", supporter!.Person.Supports);
        Assert.Equal("Write to the bus company", Assert.Single(supporter.Actions).What);
        Assert.Equal("supporter", supporter.Actions[0].Part);

        var unknown = await (await App.FacilitatorClientAsync()).GetAsync($"/api/meetings/{Scenario.Id}/participants/{Guid.NewGuid()}/export");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [GeneratedRegex("<li>(.*?)</li>", RegexOptions.Singleline)]
    private static partial Regex ListItem();

    [Fact]
    public async Task The_Easy_Read_export_page_follows_the_Easy_Read_rules()
    {
        var response = await WithToken(_zora.Token).GetAsync("/api/me/export/easy-read");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains($"<blockquote><p>{Name}</p></blockquote>", html, StringComparison.Ordinal);
        Assert.Contains("<h2>Your jobs in the meeting</h2>\n<ul>\n<li>You were the chair.</li>", html, StringComparison.Ordinal);
        Assert.Contains("This vote was secret", await (await App.FacilitatorClientAsync())
            .GetStringAsync($"/api/meetings/{Scenario.Id}/participants/{_zora.ParticipantId}/export/easy-read"), StringComparison.Ordinal);
        foreach (Match item in ListItem().Matches(html))
        {
            var sentence = System.Net.WebUtility.HtmlDecode(item.Groups[1].Value);
            Assert.True(sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 15, $"over 15 words: {sentence}");
            Assert.DoesNotContain(';', sentence);
            Assert.DoesNotContain('%', sentence);
        }
        foreach (var section in Regex.Matches(html, "<section>(.*?)</section>", RegexOptions.Singleline).Cast<Match>())
            Assert.True(ListItem().Matches(section.Value).Count <= 5, $"over 5 sentences: {section.Value}");
        Assert.Matches(@"(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) \d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}", html);
        foreach (var forbidden in new[] { "<em", "<i>", "<u>", "text-transform", "font-style:italic", "<script", "text-align:justify" })
            Assert.DoesNotContain(forbidden, html, StringComparison.OrdinalIgnoreCase);
        foreach (var required in new[] { "sans-serif", "font-size:21px", "line-height:1.5", "text-align:left", "hyphens:none", "font-size:16pt" })
            Assert.Contains(required, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Erasure_replaces_the_name_everywhere_in_PostgreSQL_and_the_published_minutes_and_keeps_the_counts()
    {
        var minutesBefore = await PublishMinutesAsync();
        Assert.Contains(Name, minutesBefore, StringComparison.Ordinal);
        Assert.Contains($"{Name} was the chair.", minutesBefore, StringComparison.Ordinal);
        Assert.Contains(Name, await App.AllTextAsync(), StringComparison.Ordinal);
        var before = await App.SnapshotAsync(Scenario.Id);
        var ballotsBefore = await CountAsync("SELECT count(*) FROM ballots");

        var erased = await (await App.FacilitatorClientAsync()).PostAsync($"/api/meetings/{Scenario.Id}/participants/{_zora.ParticipantId}/erase", null);
        Assert.Equal(HttpStatusCode.OK, erased.StatusCode);
        Assert.Equal("A member", (await erased.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("newName").GetString());

        // Nowhere in PostgreSQL: not in the events (the source of truth), the rows, the minutes or the audit log.
        var everything = await App.AllTextAsync();
        Assert.DoesNotContain(Name, everything, StringComparison.Ordinal);
        Assert.DoesNotContain("Zora", everything, StringComparison.Ordinal);
        Assert.DoesNotContain(AboutHerself, everything, StringComparison.Ordinal);

        // The meeting, rebuilt from the rewritten events, says "A member"; the votes still count the same.
        var after = await App.SnapshotAsync(Scenario.Id);
        Assert.Equal("A member", after.Participants.Single(p => p.Id == _zora.ParticipantId).DisplayName);
        Assert.Equal(PersonalDataEraser.RemovedText, after.Answers.Single(a => a.ParticipantId == _zora.ParticipantId && a.Question == Question.WhyAreYouHere).Text);
        Assert.Equal("Later buses", after.Items.Single().Title); // the forum's business stays
        foreach (var poll in before.Polls)
            Assert.Equal(poll.Tally, after.Polls.Single(p => p.Id == poll.Id).Tally);
        Assert.Equal(ballotsBefore, await CountAsync("SELECT count(*) FROM ballots"));
        Assert.Equal(before.Seq, after.Seq);

        // The published minutes say "A member" too, and nobody's access but hers changed.
        var minutesAfter = await ReadMinutesAsync(Scenario.Ana.Token!);
        Assert.DoesNotContain(Name, minutesAfter, StringComparison.Ordinal);
        Assert.Contains("A member", minutesAfter, StringComparison.Ordinal);
        Assert.Contains("A member was the chair.", minutesAfter, StringComparison.Ordinal); // roles in the meeting, too
        Assert.Equal(HttpStatusCode.Unauthorized, (await WithToken(_zora.Token).GetAsync("/api/me/export")).StatusCode);
        Assert.Equal(1, await CountAsync($"SELECT count(*) FROM audit_log WHERE action = 'privacy.erased' AND target = '{_zora.ParticipantId}'"));

        // A restart (a new node on the same database) rebuilds the same meeting from the rewritten events.
        await using var restarted = new ForumApp(Postgres, App.ConnectionString);
        Assert.Equal("A member", (await restarted.SnapshotAsync(Scenario.Id)).Participants.Single(p => p.Id == _zora.ParticipantId).DisplayName);
    }

    [Fact]
    public async Task A_person_can_erase_themself_and_their_access_ends()
    {
        var listener = await App.JoinAsync(Scenario.Meeting.ListenerCode, "Lorcan Vale");
        await using var wire = await HubWire.ConnectAsync(App, listener.Token);
        var erased = await WithToken(listener.Token).PostAsync("/api/me/erase", null);
        Assert.Equal("A listener", (await erased.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("newName").GetString());
        await wire.Closed.Task.WaitAsync(TimeSpan.FromSeconds(1));
        Assert.DoesNotContain("Lorcan", await App.AllTextAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await WithToken(listener.Token).PostAsync("/api/me/erase", null)).StatusCode);
    }

    [Fact]
    public async Task Retention_deletes_raw_meeting_data_after_the_set_time_and_keeps_published_minutes()
    {
        var minutes = await PublishMinutesAsync();
        var recent = await App.CreateMeetingAsync("A recent forum");
        var minutesRows = await DumpAsync("SELECT coalesce(string_agg(t::text, '|' ORDER BY t.id), '') FROM minutes_versions t");
        var publicationRows = await DumpAsync("SELECT coalesce(string_agg(t::text, '|' ORDER BY t.id), '') FROM minutes_publications t");
        await ExecAsync("INSERT INTO audit_log (at, action) VALUES (now() - interval '1000 days', 'old.entry')");

        var retention = App.Services.GetRequiredService<MeetingRetention>();
        await ExecAsync($"UPDATE meetings SET closed_at = now() - interval '29 days' WHERE id = '{Scenario.Id}'");
        Assert.Empty((await retention.ApplyAsync(DateTimeOffset.UtcNow, CancellationToken.None)).Meetings);
        await ExecAsync($"UPDATE meetings SET closed_at = now() - interval '31 days' WHERE id = '{Scenario.Id}'");
        var result = await retention.ApplyAsync(DateTimeOffset.UtcNow, CancellationToken.None);

        Assert.Contains(Scenario.Id, result.Meetings);
        Assert.DoesNotContain(recent.MeetingId, result.Meetings); // open, and changed today
        foreach (var table in new[] { "meeting_events", "participants", "ballots", "access_tokens", "processed_commands" })
            Assert.Equal(0, await CountAsync($"SELECT count(*) FROM {table} WHERE meeting_id = '{Scenario.Id}'"));
        Assert.Equal(1, await CountAsync($"SELECT count(*) FROM meetings WHERE id = '{Scenario.Id}'"));
        Assert.Equal(minutesRows, await DumpAsync("SELECT coalesce(string_agg(t::text, '|' ORDER BY t.id), '') FROM minutes_versions t"));
        Assert.Equal(publicationRows, await DumpAsync("SELECT coalesce(string_agg(t::text, '|' ORDER BY t.id), '') FROM minutes_publications t"));
        Assert.Contains("Later buses", minutes, StringComparison.Ordinal);
        Assert.True(await CountAsync($"SELECT count(*) FROM meeting_events WHERE meeting_id = '{recent.MeetingId}'") > 0);
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM audit_log WHERE action = 'old.entry'"));
        Assert.Equal(1, await CountAsync($"SELECT count(*) FROM audit_log WHERE action = 'retention.raw_data_deleted' AND meeting_id = '{Scenario.Id}'"));

        // Its people's access has ended and the live meeting is gone; the join code says the meeting has finished.
        Assert.Equal(HttpStatusCode.Unauthorized, (await WithToken(Scenario.Ana.Token).GetAsync($"/api/meetings/{Scenario.Id}/snapshot")).StatusCode);
        Assert.Equal(HttpStatusCode.Gone, (await App.CreateClient().GetAsync($"/api/join/{Scenario.Meeting.JoinCode}")).StatusCode);
        var listed = await (await App.FacilitatorClientAsync()).GetFromJsonAsync<JsonElement>("/api/meetings/", ForumApp.Json);
        Assert.True(listed.EnumerateArray().Single(m => m.GetProperty("meetingId").GetGuid() == Scenario.Id).GetProperty("rawDataDeleted").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, (await (await App.FacilitatorClientAsync()).PostAsync($"/api/meetings/{Scenario.Id}/facilitator-access", null)).StatusCode);
        Assert.Empty((await retention.ApplyAsync(DateTimeOffset.UtcNow, CancellationToken.None)).Meetings);
    }

    private async Task<long> CountAsync(string sql) => Convert.ToInt64(await ScalarAsync(sql), System.Globalization.CultureInfo.InvariantCulture);

    private async Task<string> DumpAsync(string sql) => (string)(await ScalarAsync(sql))!;

    private async Task ExecAsync(string sql) => await ScalarAsync(sql);

    private async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(App.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
