using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ForumHub.Api.Features.Forums;
using ForumHub.Api.Features.Questions;
using ForumHub.Api.Tests.Infrastructure;
using ForumHub.Domain.Meetings;

namespace ForumHub.Api.Tests.Forums;

/// <summary>Archive search of a forum's published minutes, in a real PostgreSQL (issue 14).</summary>
public sealed class ArchiveSearchTests(PostgresFixture postgres) : AppTestBase(postgres)
{
    private static readonly DateTimeOffset January = new(2026, 1, 13, 14, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset February = new(2026, 2, 10, 14, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset March = new(2026, 3, 10, 14, 0, 0, TimeSpan.Zero);

    private async Task<MinutesSearchResults> Search(ForumFixture forum, string words)
    {
        var response = await (await App.FacilitatorClientAsync()).GetAsync($"/api/forums/{forum.ForumId}/search?q={Uri.EscapeDataString(words)}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<MinutesSearchResults>(ForumApp.Json))!;
    }

    private async Task Answer(string joinCode, string name, string text)
    {
        var person = await App.JoinAsync(joinCode, name);
        await App.SendAsync(new AnswerQuestion(Question.WhatDoYouWantToDo, text, null, null), ForumApp.As(person));
    }

    [Fact]
    public async Task Finds_a_word_of_the_oldest_meeting_with_its_date_ranked_and_only_in_published_minutes()
    {
        var forum = await ForumFixture.CreateAsync(App);
        var oldest = await forum.MeetingAsync("January meeting", January);
        var middle = await forum.MeetingAsync("February meeting", February);
        var newest = await forum.MeetingAsync("March meeting", March);
        await Answer(oldest.JoinCode, "Zebedee", "A trampoline in the garden <b>now</b>");
        await Answer(oldest.JoinCode, "Ana", "Better buses");
        await Answer(middle.JoinCode, "Ana", "More buses, later buses, Sunday buses");
        await Answer(newest.JoinCode, "Ana", "A kayak trip on the river");
        await forum.MinutesAsync(oldest, publish: true);
        await forum.MinutesAsync(middle, publish: true);
        await forum.MinutesAsync(newest, publish: false); // a draft only: never searched

        var trampoline = await Search(forum, "trampolines");
        var hit = Assert.Single(trampoline.Hits);
        Assert.Equal((oldest.MeetingId, "January meeting", new DateOnly(2026, 1, 13), "Tuesday 13 January 2026"),
            (hit.MeetingId, hit.Title, hit.Date, hit.DateWords));
        Assert.Equal("trampoline", Assert.Single(hit.Snippet, p => p.Found).Text);
        // The snippet is plain words on one line: no picture markup, no escapes, and no markup of the member's ("<b>"
        // is dropped by ts_headline's parser, and the found words come back as parts, never as HTML).
        var snippet = string.Concat(hit.Snippet.Select(p => p.Text));
        Assert.True(snippet.Contains("Zebedee: A trampoline in the garden now.", StringComparison.Ordinal), snippet);
        Assert.DoesNotContain("<b>", snippet, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", snippet, StringComparison.Ordinal);
        Assert.DoesNotContain("picture:", snippet, StringComparison.Ordinal);
        Assert.DoesNotContain('\uE000', snippet);

        // Ranked: the meeting that talked most about buses comes first.
        var buses = await Search(forum, "buses"); // English stems "buses" to "buse", not "bus"
        Assert.Equal([middle.MeetingId, oldest.MeetingId], buses.Hits.Select(h => h.MeetingId));
        Assert.True(buses.Hits[0].Rank > buses.Hits[1].Rank);

        Assert.Empty((await Search(forum, "kayak")).Hits);
    }

    [Fact]
    public async Task An_erased_name_cannot_be_found()
    {
        var forum = await ForumFixture.CreateAsync(App);
        var meeting = await forum.MeetingAsync("January meeting", January);
        var zebedee = await App.JoinAsync(meeting.JoinCode, "Zebedee");
        await App.SendAsync(new AnswerQuestion(Question.WhyAreYouHere, "To talk about the garden", null, null), ForumApp.As(zebedee));
        await forum.MinutesAsync(meeting, publish: true);
        Assert.Single((await Search(forum, "Zebedee")).Hits);

        var erased = await (await App.FacilitatorClientAsync()).PostAsync(
            $"/api/meetings/{meeting.MeetingId}/participants/{zebedee.ParticipantId}/erase", null);
        Assert.True(erased.IsSuccessStatusCode, await erased.Content.ReadAsStringAsync());
        Assert.Empty((await Search(forum, "Zebedee")).Hits);
        Assert.Empty((await Search(forum, "garden")).Hits); // what they said about themselves is gone too
    }

    [Fact]
    public async Task Bad_searches_are_refused_with_their_codes()
    {
        var forum = await ForumFixture.CreateAsync(App);
        var client = await App.FacilitatorClientAsync();
        async Task Refused(HttpClient c, string url, HttpStatusCode status, string code)
        {
            var response = await c.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(status == response.StatusCode, $"{url}: {response.StatusCode} {body}");
            Assert.Equal(code, JsonDocument.Parse(body).RootElement.GetProperty("code").GetString());
        }
        var url = $"/api/forums/{forum.ForumId}/search";
        await Refused(client, url, HttpStatusCode.BadRequest, ForumInsightErrorCodes.SearchWordsNeeded);
        await Refused(client, url + "?q=%20%20", HttpStatusCode.BadRequest, ForumInsightErrorCodes.SearchWordsNeeded);
        await Refused(client, url + "?q=" + new string('a', SearchMinutesHandler.MaxWords + 1), HttpStatusCode.BadRequest,
            ForumInsightErrorCodes.SearchTooLong);
        await Refused(client, url + "?q=the", HttpStatusCode.BadRequest, ForumInsightErrorCodes.SearchWordsTooCommon);
        await Refused(client, $"/api/forums/{Guid.NewGuid()}/search?q=buses", HttpStatusCode.NotFound, "forum_not_found");
        var other = await App.CreateOtherOrganisationAdminAsync();
        await Refused(other.Client, url + "?q=buses", HttpStatusCode.NotFound, "forum_not_found");
        await Refused(App.CreateSecureClient(), url + "?q=buses", HttpStatusCode.Unauthorized, "unauthenticated");
    }
}
