using System.Net;
using System.Net.Http.Json;
using ForumHub.Api.Features.Forums;
using ForumHub.Api.Features.Minutes.Writing;
using ForumHub.Api.Features.Questions;
using ForumHub.Api.Tests.Infrastructure;
using ForumHub.Api.Tests.Review;
using ForumHub.Domain.Meetings;

namespace ForumHub.Api.Tests.Forums;

/// <summary>"My forum record": who may read it, the refusals, erasure, and the Easy Read words.</summary>
public sealed class ForumRecordAccessTests(PostgresFixture postgres) : AppTestBase(postgres)
{
    private Task<HttpResponseMessage> MineAsync(string? code) =>
        App.CreateClient().PostAsJsonAsync("/api/forum-cards/record", new { code }, ForumApp.Json);

    private static async Task Refused(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.True(status == response.StatusCode, $"{response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal(code, await ForumHelpers.CodeOf(response));
    }

    /// <summary>A meeting of the forum where the card's holder proposes one idea; closed.</summary>
    private async Task<Guid> MeetingWithIdeaAsync(Guid forumId, string code, string idea)
    {
        var meeting = await App.StartAsync(forumId, idea);
        var me = await App.JoinWithCardAsync(code);
        await App.SendAsync(new AnswerQuestion(Question.WhatDoYouWantToDo, idea, null, null), ForumApp.As(me));
        await App.SendAsync(new ForumHub.Api.Features.Agenda.ProposeItem(idea, null, null), ForumApp.As(me));
        await App.CloseAsync(meeting);
        return me.ParticipantId;
    }

    [Fact]
    public async Task Wrong_codes_other_forums_and_people_who_are_not_the_facilitator_are_refused()
    {
        var fran = await App.FacilitatorClientAsync();
        var forumId = await App.CreateForumAsync();
        var otherForum = await App.CreateForumAsync("South forum");
        var (ana, code) = await fran.AddMemberOkAsync(forumId, "Ana");
        var (zed, _) = await fran.AddMemberOkAsync(otherForum, "Zed");

        await Refused(await MineAsync("ACDEFGHJKM"), HttpStatusCode.NotFound, "code_unknown");
        await Refused(await MineAsync(""), HttpStatusCode.NotFound, "code_unknown");
        await Refused(await MineAsync(null), HttpStatusCode.NotFound, "code_unknown");
        Assert.Equal(HttpStatusCode.OK, (await MineAsync(code.ToLowerInvariant().Insert(5, " "))).StatusCode);

        var path = $"/api/forums/{forumId}/members/{ana}/record";
        await Refused(await fran.GetAsync($"/api/forums/{forumId}/members/{zed}/record"), HttpStatusCode.NotFound, "forum_member_not_found");
        await Refused(await fran.GetAsync($"/api/forums/{Guid.NewGuid()}/members/{ana}/record"), HttpStatusCode.NotFound, "forum_not_found");
        var other = await App.CreateOtherOrganisationAdminAsync();
        await Refused(await other.Client.GetAsync(path), HttpStatusCode.NotFound, "forum_not_found");
        await Refused(await App.CreateClient().GetAsync(path), HttpStatusCode.Unauthorized, "unauthenticated");

        // A member's meeting token is not the facilitator's account.
        await App.StartAsync(forumId, "Live");
        var joined = await App.JoinWithCardAsync(code);
        Assert.Equal(HttpStatusCode.Unauthorized, (await App.WithToken(joined.Token!).GetAsync(path)).StatusCode);
        Assert.Contains(App.Logs.Warnings(), e => e.Message.Contains("Refused forum", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Erasure_removes_what_makes_the_record()
    {
        var fran = await App.FacilitatorClientAsync();
        var forumId = await App.CreateForumAsync();
        var (ana, code) = await fran.AddMemberOkAsync(forumId, "Ana");
        var january = await MeetingWithIdeaAsync(forumId, code, "Sunday buses");
        await MeetingWithIdeaAsync(forumId, code, "A garden");
        var record = await ForumRecordTests.ReadAsync(await MineAsync(code));
        Assert.Equal((2, 2), (record.Counts!.Meetings, record.Counts.IdeasProposed));

        // Erased from one meeting: that meeting no longer leads to her, nor counts.
        var meetingId = await App.ScalarAsync<Guid>("SELECT meeting_id FROM participants WHERE id = @p", ("p", january));
        Assert.Equal(HttpStatusCode.OK, (await fran.PostAsync($"/api/meetings/{meetingId}/participants/{january}/erase", null)).StatusCode);
        record = await ForumRecordTests.ReadAsync(await MineAsync(code));
        Assert.Equal((1, 1), (record.Counts!.Meetings, record.Counts.IdeasProposed));

        // Erased from the forum: no consent history, no linked meeting, no card, no record.
        Assert.Equal(HttpStatusCode.OK, (await fran.PostAsync($"/api/forums/{forumId}/members/{ana}/erase", null)).StatusCode);
        Assert.Equal(0L, await App.ScalarAsync<long>("SELECT count(*) FROM forum_member_consents WHERE forum_member_id = @m", ("m", ana)));
        Assert.Equal(0L, await App.ScalarAsync<long>("SELECT count(*) FROM participants WHERE forum_member_id = @m", ("m", ana)));
        await Refused(await MineAsync(code), HttpStatusCode.NotFound, "code_unknown");
        await Refused(await fran.GetAsync($"/api/forums/{forumId}/members/{ana}/record"), HttpStatusCode.NotFound, "forum_member_not_found");
    }

    [Fact]
    public async Task A_no_during_a_meeting_leaves_it_out_and_a_newcomers_first_meeting_counts_with_their_first_answer()
    {
        var fran = await App.FacilitatorClientAsync();
        var forumId = await App.CreateForumAsync();
        var (ana, code) = await fran.AddMemberOkAsync(forumId, "Ana");

        // Ana says no while the meeting is on, and yes again before it closes: the meeting is not counted.
        var during = await App.StartAsync(forumId, "May meeting");
        await App.JoinWithCardAsync(code);
        await fran.SetConsentAsync(forumId, ana, "Ana", keepsRecord: false);
        await fran.SetConsentAsync(forumId, ana, "Ana", keepsRecord: true);
        await App.CloseAsync(during);
        Assert.Equal(0, (await ForumRecordTests.ReadAsync(await MineAsync(code))).Counts!.Meetings);

        // Dev joins with the meeting's code, has an idea, and joins the forum after the meeting saying yes: it counts.
        var june = await App.StartAsync(forumId, "June meeting");
        var dev = await App.JoinAsync(june.JoinCode, "Dev");
        await App.SendAsync(new ForumHub.Api.Features.Agenda.ProposeItem("A garden", null, null), ForumApp.As(dev));
        await App.CloseAsync(june);
        var added = await fran.PostAsJsonAsync($"/api/forums/{forumId}/members/from-meeting",
            new { meetingId = june.MeetingId, participantId = dev.ParticipantId, keepsRecord = true }, ForumApp.Json);
        Assert.True(added.IsSuccessStatusCode, await added.Content.ReadAsStringAsync());
        var devId = (await added.Content.ReadFromJsonAsync<ForumMemberCreated>(ForumApp.Json))!.Member.Id;
        var record = await ForumRecordTests.ReadAsync(await fran.GetAsync($"/api/forums/{forumId}/members/{devId}/record"));
        Assert.Equal((1, 1), (record.Counts!.Meetings, record.Counts.IdeasProposed));
    }

    public static TheoryData<int, int, int, int, int, int, int> Cases => new()
    {
        { 0, 0, 0, 0, 0, 0, 0 },
        { 1, 1, 1, 1, 1, 1, 1 },
        { 1, 1, 1, 0, 1, 1, 0 },
        { 12, 3, 7, 4, 25, 6, 5 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_line_passes_the_easy_read_checker(int meetings, int roles, int ideas, int onAgenda, int votes, int actions, int done)
    {
        var day = new DateOnly(2026, 3, 3);
        var counts = new ForumRecordCounts(meetings, meetings > 0 ? day : null, meetings > 0 ? day.AddDays(70) : null,
            ForumRecord.RoleNames.Select(r => new RoleHeld(r, roles)).ToList(), ideas, onAgenda, votes, actions, done);
        var lines = ForumRecordWords.Lines(counts).Concat(ForumRecordWords.Lines(null)).ToList();
        foreach (var line in lines)
        {
            Assert.Empty(EasyReadRules.ProblemsIn(line.Text));
            Assert.InRange(EasyReadText.CountWords(line.Text), 1, 15);
            Assert.True(PictureLibrary.IsKnown(line.Picture), line.Picture);
        }
        foreach (var section in lines.GroupBy(l => l.Section)) Assert.InRange(section.Count(), 1, 5); // rule 3
        if (meetings > 0) Assert.Contains(lines, l => l.Text.Contains("Tuesday 3 March 2026", StringComparison.Ordinal));
    }
}
