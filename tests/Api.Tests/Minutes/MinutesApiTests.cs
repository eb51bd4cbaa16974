using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ForumHub.Api.Features.Agenda;
using ForumHub.Api.Features.Meetings;
using ForumHub.Api.Features.Minutes;
using ForumHub.Api.Features.Minutes.Writing;
using ForumHub.Api.Features.Outcomes;
using ForumHub.Api.Features.Polls;
using ForumHub.Api.Tests.Infrastructure;
using ForumHub.Domain.Meetings;
using Npgsql;

namespace ForumHub.Api.Tests.Minutes;

/// <summary>Drafts, versions, publishing and corrections over HTTP, stored in a real PostgreSQL.</summary>
[Collection(PostgresCollection.Name)]
public sealed class MinutesApiTests(PostgresFixture postgres) : IAsyncLifetime
{
    private readonly ForumApp _app = new(postgres);
    private MeetingScenario _s = null!;

    public async Task InitializeAsync() => _s = await MeetingScenario.StartAsync(_app);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private HttpClient As(string? token)
    {
        var client = _app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private HttpClient Facilitator => As(_s.Meeting.FacilitatorToken);
    private HttpClient Member => As(_s.Ana.Token);
    private HttpClient Listener => As(_s.Listener.Token);
    private string Minutes => $"/api/meetings/{_s.Id}/minutes";

    private async Task HoldMeetingAsync(bool close = true)
    {
        var item = await _s.ToItemsAsync();
        var f = _s.Facilitator;
        await _app.SendAsync(new AddNote(item, "The 12 bus is late."), f);
        var poll = (await _app.SendAsync(new OpenPoll(item, "Shall we ask for more buses?", null, true, false), f)).Id!.Value;
        await _app.SendAsync(new CastBallot(poll, "yes", null), ForumApp.As(_s.Ana));
        await _app.SendAsync(new ClosePoll(poll), f);
        await _app.SendAsync(new RecordDecision(item, "We will ask for more buses.", ParticipationLevel.Consultation, poll), f);
        await _app.SendAsync(new FinishItem(item), f);
        if (close) await _app.SendAsync(new MoveToPhase(Phase.Closed), f);
    }

    private static async Task<T> Read<T>(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        Assert.True(expected == response.StatusCode, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<T>(ForumApp.Json))!;
    }

    private static async Task AssertProblem(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"{response.StatusCode}: {body}");
        Assert.Equal(code, JsonDocument.Parse(body).RootElement.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Drafts_are_versioned_published_once_then_only_corrected()
    {
        await HoldMeetingAsync();
        await AssertProblem(await Member.GetAsync($"{Minutes}/easy-read.html"), HttpStatusCode.NotFound, MinutesErrorCodes.NotPublished);
        Assert.False((await Read<MinutesStatus>(await Member.GetAsync($"{Minutes}/"))).Published);

        var v1 = await Read<MinutesVersionView>(await Facilitator.PostAsJsonAsync($"{Minutes}/drafts", new { nextMeeting = "2026-04-07" }, ForumApp.Json),
            HttpStatusCode.Created);
        Assert.Equal((1, "generated", "Sam"), (v1.Number, v1.Source, v1.AuthorName));
        Assert.Contains("This was a secret vote.", v1.EasyReadMarkdown, StringComparison.Ordinal);
        Assert.Contains("Our next meeting is on Tuesday 7 April 2026.", v1.EasyReadMarkdown, StringComparison.Ordinal);
        Assert.True(v1.Check.PassedExceptUserText, string.Join("\n", v1.Check.Findings));

        var edited = v1.EasyReadMarkdown.Replace("We asked:", "We asked everyone:", StringComparison.Ordinal) + "\nWe had cake.\n";
        var v2 = await Read<MinutesVersionView>(await Facilitator.PostAsJsonAsync($"{Minutes}/drafts/1/edits",
            new { easyReadMarkdown = edited }, ForumApp.Json), HttpStatusCode.Created);
        Assert.Equal((2, "edited", 1), (v2.Number, v2.Source, v2.BasedOn));
        Assert.Equal(v1.StandardMarkdown, v2.StandardMarkdown);
        // Saving over a version that is no longer the latest would lose a change: refused.
        await AssertProblem(await Facilitator.PostAsJsonAsync($"{Minutes}/drafts/1/edits", new { easyReadMarkdown = "# Lost" }, ForumApp.Json),
            HttpStatusCode.Conflict, MinutesErrorCodes.Changed);

        // Members and listeners cannot generate, edit, see drafts or publish.
        await AssertProblem(await Member.PostAsJsonAsync($"{Minutes}/drafts", new { }, ForumApp.Json), HttpStatusCode.Forbidden, "not_allowed");
        await AssertProblem(await Listener.GetAsync($"{Minutes}/drafts/2"), HttpStatusCode.Forbidden, "not_allowed");
        await AssertProblem(await Member.PostAsJsonAsync($"{Minutes}/publish", new { version = 2 }, ForumApp.Json), HttpStatusCode.Forbidden, "not_allowed");

        var first = await Read<PublicationView>(await Facilitator.PostAsJsonAsync($"{Minutes}/publish",
            new { version = 2, reviewedWithId = _s.Ana.ParticipantId }, ForumApp.Json));
        Assert.Equal((1, 2, "Ana", true), (first.Number, first.Version, first.ReviewedWithName, first.IsCurrent));
        await AssertProblem(await Facilitator.PostAsJsonAsync($"{Minutes}/publish", new { version = 1 }, ForumApp.Json),
            HttpStatusCode.Conflict, MinutesErrorCodes.AlreadyPublished);

        // Everyone in the meeting reads the same Easy Read minutes.
        foreach (var reader in new[] { Member, Listener, As(_s.Supporter.Token), Facilitator })
        {
            var page = await reader.GetAsync($"{Minutes}/easy-read.html");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
            Assert.StartsWith("default-src 'none'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
            Assert.Contains("We had cake.", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        var md = await Member.GetAsync($"{Minutes}/easy-read.md?download=true");
        Assert.Equal("attachment", md.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("minutes-north-forum-easy-read-1.md", md.Content.Headers.ContentDisposition.FileNameStar ?? md.Content.Headers.ContentDisposition.FileName);
        Assert.Equal(edited, await md.Content.ReadAsStringAsync());
        var download = await Member.GetAsync($"{Minutes}/easy-read.html?download=true");
        Assert.Contains("<svg", await download.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Secret vote", await (await Member.GetAsync($"{Minutes}/standard.html")).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // A correction supersedes; the first publication stays as it was, and says it was corrected.
        await AssertProblem(await Facilitator.PostAsJsonAsync($"{Minutes}/corrections", new { version = 2, note = "Again" }, ForumApp.Json),
            HttpStatusCode.Conflict, MinutesErrorCodes.VersionAlreadyPublished);
        await AssertProblem(await Facilitator.PostAsJsonAsync($"{Minutes}/corrections", new { version = 2, note = " " }, ForumApp.Json),
            HttpStatusCode.BadRequest, MinutesErrorCodes.NoteNeeded);
        var v3 = await Read<MinutesVersionView>(await Facilitator.PostAsJsonAsync($"{Minutes}/drafts/2/edits",
            new { easyReadMarkdown = edited.Replace("We had cake.", "We had fruit.", StringComparison.Ordinal) }, ForumApp.Json), HttpStatusCode.Created);
        var second = await Read<PublicationView>(await Facilitator.PostAsJsonAsync($"{Minutes}/corrections",
            new { version = v3.Number, note = "We had fruit, not cake." }, ForumApp.Json));
        Assert.Equal((2, 3, 1, true), (second.Number, second.Version, second.Corrects, second.IsCurrent));

        var current = await (await Member.GetAsync($"{Minutes}/easy-read.html")).Content.ReadAsStringAsync();
        Assert.Contains("This is a correction", current, StringComparison.Ordinal);
        Assert.Contains("We had fruit, not cake.", current, StringComparison.Ordinal);
        var old = await (await Member.GetAsync($"{Minutes}/easy-read.html?publication=1")).Content.ReadAsStringAsync();
        Assert.Contains("We had cake.", old, StringComparison.Ordinal);
        Assert.Contains("These minutes were corrected", old, StringComparison.Ordinal);

        var status = await Read<MinutesStatus>(await Listener.GetAsync($"{Minutes}/"));
        Assert.Equal([1, 2], status.Publications.Select(p => p.Number));
        Assert.Equal(2, status.Publications[0].SupersededBy);
        var versions = await Read<List<MinutesVersionSummary>>(await Facilitator.GetAsync($"{Minutes}/drafts"));
        Assert.Equal([null, 1, 2], versions.Select(v => v.PublishedAs));
        Assert.All(versions, v => Assert.Equal("Sam", v.AuthorName));

        // PostgreSQL itself refuses to change saved minutes.
        await using var connection = new NpgsqlConnection(_app.ConnectionString);
        await connection.OpenAsync();
        await using var update = new NpgsqlCommand("UPDATE minutes_versions SET easy_read = 'changed' WHERE number = 2", connection);
        var refused = await Assert.ThrowsAsync<PostgresException>(() => update.ExecuteNonQueryAsync());
        Assert.Equal(PostgresErrorCodes.RestrictViolation, refused.SqlState);
        await using var count = new NpgsqlCommand("SELECT count(*) FROM minutes_versions WHERE meeting_id = @m", connection);
        count.Parameters.AddWithValue("m", _s.Id);
        Assert.Equal(3L, await count.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Minutes_are_published_only_after_the_meeting_closes()
    {
        await HoldMeetingAsync(close: false);
        await Read<MinutesVersionView>(await Facilitator.PostAsJsonAsync($"{Minutes}/drafts", new { }, ForumApp.Json), HttpStatusCode.Created);
        await AssertProblem(await Facilitator.PostAsJsonAsync($"{Minutes}/publish", new { version = 1 }, ForumApp.Json),
            HttpStatusCode.Conflict, MinutesErrorCodes.MeetingNotClosed);
        await AssertProblem(await Facilitator.PostAsJsonAsync($"{Minutes}/corrections", new { version = 1, note = "x" }, ForumApp.Json),
            HttpStatusCode.Conflict, MinutesErrorCodes.MeetingNotClosed);
    }

    [Fact]
    public async Task A_token_reads_only_its_own_meetings_minutes()
    {
        await HoldMeetingAsync();
        var other = await _app.CreateMeetingAsync("Other forum", "Ola");
        var response = await As(other.FacilitatorToken).GetAsync($"{Minutes}/easy-read.html");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _app.CreateClient().GetAsync($"{Minutes}/easy-read.html")).StatusCode);
    }

    [Fact]
    public async Task The_facilitator_checks_unsaved_text_previews_drafts_and_prints_a_pack()
    {
        await HoldMeetingAsync();
        var report = await Read<ForumHub.Api.Features.Minutes.Writing.CheckReport>(await Facilitator.PostAsJsonAsync($"{Minutes}/check",
            new { easyReadMarkdown = "# Minutes\n\n## Votes\n\nWe met; we voted *twice*.\n" }, ForumApp.Json));
        Assert.Equal(["no-semicolons", "section-picture", "no-italics"],
            report.Checks.Where(c => !c.Passed).Select(c => c.Id));
        await Read<MinutesVersionView>(await Facilitator.PostAsJsonAsync($"{Minutes}/drafts", new { }, ForumApp.Json), HttpStatusCode.Created);
        var preview = await (await Facilitator.GetAsync($"{Minutes}/drafts/1/easy-read.html")).Content.ReadAsStringAsync();
        Assert.Contains("This is a draft", preview, StringComparison.Ordinal);
        await AssertProblem(await Facilitator.GetAsync($"{Minutes}/pack.html"), HttpStatusCode.NotFound, MinutesErrorCodes.NotPublished);
        await Read<PublicationView>(await Facilitator.PostAsJsonAsync($"{Minutes}/publish", new { version = 1 }, ForumApp.Json));
        var pack = await (await Facilitator.GetAsync($"{Minutes}/pack.html")).Content.ReadAsStringAsync();
        // One copy each for the members (Ana, Ben) and the listener.
        Assert.Equal(3, pack.Split("class=\"copy-for\"").Length - 1);
        Assert.Contains("These minutes are for Trustee Tom.", pack, StringComparison.Ordinal);
        var one = await (await Facilitator.GetAsync($"{Minutes}/pack.html?for={_s.Ben.ParticipantId}")).Content.ReadAsStringAsync();
        Assert.Equal(1, one.Split("class=\"copy-for\"").Length - 1);
    }

    [Fact]
    public async Task The_Easy_Read_words_are_edited_as_plain_sentences_per_section_and_typed_formatting_is_refused()
    {
        await HoldMeetingAsync();
        var first = await Read<MinutesVersionView>(await Facilitator.PostAsJsonAsync($"{Minutes}/drafts", new { }, ForumApp.Json), HttpStatusCode.Created);
        Assert.DoesNotContain(first.EasyReadSections, s => s.Text.Contains('\\') || s.Heading.Contains('\\'));
        var edits = first.EasyReadSections.Select(s => new { heading = s.Heading, text = s.Text }).ToList();

        // Unchanged plain words give back exactly the stored Markdown.
        var same = await Read<MinutesVersionView>(await Facilitator.PostAsJsonAsync($"{Minutes}/drafts/1/edits", new { sections = edits }, ForumApp.Json),
            HttpStatusCode.Created);
        Assert.Equal(first.EasyReadMarkdown, same.EasyReadMarkdown);

        // A changed line is escaped by the server and read back as the same plain words; the check names its section.
        var about = edits.FindIndex(e => e.heading == "About this meeting");
        edits[about] = edits[about] with { text = edits[about].text + "\nWe met in room 4, by the café [upstairs]." };
        var check = await Read<ForumHub.Api.Features.Minutes.Writing.CheckReport>(await Facilitator.PostAsJsonAsync($"{Minutes}/check",
            new { basedOn = 2, sections = edits }, ForumApp.Json));
        Assert.True(check.PassedExceptUserText, string.Join("; ", check.Findings));
        var changed = await Read<MinutesVersionView>(await Facilitator.PostAsJsonAsync($"{Minutes}/drafts/2/edits", new { sections = edits }, ForumApp.Json),
            HttpStatusCode.Created);
        Assert.Contains("We met in room 4\\, by the café \\[upstairs\\]\\.", changed.EasyReadMarkdown, StringComparison.Ordinal);
        Assert.EndsWith("\nWe met in room 4, by the café [upstairs].", changed.EasyReadSections.Single(s => s.Heading == "About this meeting").Text);
        var page = await (await Facilitator.GetAsync($"{Minutes}/drafts/3/easy-read.html")).Content.ReadAsStringAsync();
        Assert.Contains("We met in room 4, by the café [upstairs].", System.Net.WebUtility.HtmlDecode(page), StringComparison.Ordinal);

        // Typed italics, bold or links: refused with a code, nothing saved; the check finds findings per section.
        var versions = (await Read<List<MinutesVersionSummary>>(await Facilitator.GetAsync($"{Minutes}/drafts"))).Count;
        foreach (var typed in new[] { "We were _very_ happy.", "We were **very** happy.", "Read [this](https://example.org)." })
        {
            var withMark = edits.Select((e, i) => i == about ? e with { text = e.text + "\n" + typed } : e).ToList();
            await AssertProblem(await Facilitator.PostAsJsonAsync($"{Minutes}/drafts/3/edits", new { sections = withMark }, ForumApp.Json),
                HttpStatusCode.BadRequest, MinutesErrorCodes.FormattingNotAllowed);
        }
        await AssertProblem(await Facilitator.PostAsJsonAsync($"{Minutes}/drafts/3/edits",
            new { easyReadMarkdown = changed.EasyReadMarkdown + "\nWe were _very_ happy.\n" }, ForumApp.Json), HttpStatusCode.BadRequest,
            MinutesErrorCodes.FormattingNotAllowed);
        await AssertProblem(await Facilitator.PostAsJsonAsync($"{Minutes}/drafts/3/edits",
            new { easyReadMarkdown = changed.EasyReadMarkdown + "\nSee <https://example.org>.\n" }, ForumApp.Json), HttpStatusCode.BadRequest,
            MinutesErrorCodes.FormattingNotAllowed);
        await AssertProblem(await Facilitator.PostAsJsonAsync($"{Minutes}/drafts/3/edits", new { sections = edits.Take(2) }, ForumApp.Json),
            HttpStatusCode.BadRequest, "invalid_request");
        Assert.Equal(versions, (await Read<List<MinutesVersionSummary>>(await Facilitator.GetAsync($"{Minutes}/drafts"))).Count);
    }
}
