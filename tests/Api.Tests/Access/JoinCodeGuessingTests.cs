using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ForumHub.Api.Access;
using ForumHub.Api.Tests.Infrastructure;

namespace ForumHub.Api.Tests.Access;

/// <summary>Join codes: typed on a keypad, useless once the meeting closes, and not guessable by trying many.</summary>
[Collection(RunsAloneCollection.Name)] // times its answers: other classes' load would make the free guesses look slow
public sealed class JoinCodeGuessingTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    private const string Guesser = "203.0.113.7";
    private const string Venue = "198.51.100.20";

    private static HttpRequestMessage Join(string code, string from, string name = "Ana") =>
        new(HttpMethod.Post, "/api/join") { Content = JsonContent.Create(new { commandId = Guid.NewGuid(), code, displayName = name }, options: ForumApp.Json), Headers = { { ForumApp.TestAddressHeader, from } } };

    private static string WrongCode(int i, string right)
    {
        var code = string.Concat(Enumerable.Range(0, JoinCodes.MemberLength).Select(k => JoinCodes.Alphabet[(i * 7 + k * 3) % JoinCodes.Alphabet.Length]));
        return code == right ? WrongCode(i + 1, right) : code;
    }

    [Fact]
    public async Task Fifty_wrong_codes_from_one_address_are_slowed_then_refused_while_the_right_code_from_another_address_works()
    {
        await using var app = new ForumApp(postgres, settings: new Dictionary<string, string>
        {
            ["AttemptLimits:Codes:FreeFailures"] = "5",
            ["AttemptLimits:Codes:MaxFailures"] = "20",
            ["AttemptLimits:Codes:DelayStepMs"] = "40",
            ["AttemptLimits:Codes:MaxDelayMs"] = "400",
        });
        var meeting = await app.CreateMeetingAsync();
        var http = app.CreateClient();
        // A look-up of the right code from the venue is not a guess: it takes the host's first-request costs (CI once saw
        // the first free guess take 308 ms with the machine's load at 17) out of the timed guesses.
        var warm = await http.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/join/{meeting.JoinCode}") { Headers = { { ForumApp.TestAddressHeader, Venue } } });
        Assert.Equal(HttpStatusCode.OK, warm.StatusCode);
        var outcomes = new List<(HttpStatusCode Status, string? Code, TimeSpan Took)>();
        for (var i = 0; i < 50; i++)
        {
            var clock = Stopwatch.StartNew();
            // Both endpoints that take a code count: the look-up and the join.
            var response = i % 2 == 0
                ? await http.SendAsync(Join(WrongCode(i, meeting.JoinCode), Guesser))
                : await http.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/join/{WrongCode(i, meeting.JoinCode)}") { Headers = { { ForumApp.TestAddressHeader, Guesser } } });
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            outcomes.Add((response.StatusCode, problem.GetProperty("code").GetString(), clock.Elapsed));
            if (response.StatusCode == HttpStatusCode.TooManyRequests) Assert.NotNull(response.Headers.RetryAfter);
        }

        // The first 20 are answered (the first 5 at once, then each slower), the other 30 refused without looking.
        Assert.All(outcomes.Take(20), o => Assert.Equal((HttpStatusCode.NotFound, "code_unknown"), (o.Status, o.Code)));
        Assert.All(outcomes.Skip(20), o => Assert.Equal((HttpStatusCode.TooManyRequests, AttemptGuards.TooManyWrongCodes), (o.Status, o.Code)));
        Assert.All(outcomes.Take(5), o => Assert.True(o.Took < TimeSpan.FromMilliseconds(300), $"free guess took {o.Took.TotalMilliseconds} ms"));
        // A delay's timer may fire a few milliseconds before the test's stopwatch reaches it (seen once: 399.93 ms).
        Assert.True(outcomes[15].Took >= TimeSpan.FromMilliseconds(390), $"guess 16 took only {outcomes[15].Took.TotalMilliseconds} ms");

        // The right code from the venue's address still works; from the guesser's address it waits like every other try.
        var venue = await http.SendAsync(Join(meeting.JoinCode, Venue));
        Assert.Equal(HttpStatusCode.OK, venue.StatusCode);
        var blocked = await http.SendAsync(Join(meeting.JoinCode, Guesser));
        Assert.Equal(HttpStatusCode.TooManyRequests, blocked.StatusCode);
        Assert.Equal(3, (await app.DbStateAsync(meeting.MeetingId)).Participants); // facilitator, screen, the venue's member
        Assert.Contains(app.Logs.Warnings(), e => e.Message.Contains("refused a try from " + Guesser, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_right_code_and_a_closed_meeting_s_code_do_not_count_as_guesses()
    {
        await using var app = new ForumApp(postgres, settings: new Dictionary<string, string>
        {
            ["AttemptLimits:Codes:FreeFailures"] = "1",
            ["AttemptLimits:Codes:MaxFailures"] = "2",
        });
        var meeting = await app.CreateMeetingAsync();
        var http = app.CreateClient();
        for (var i = 0; i < 5; i++) Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(Join(meeting.JoinCode, Guesser, $"P{i}"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await http.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/join")
        {
            Content = JsonContent.Create(new { commandId = Guid.NewGuid(), code = meeting.ListenerCode, displayName = "X", role = "member" }, options: ForumApp.Json),
            Headers = { { ForumApp.TestAddressHeader, Guesser } },
        })).StatusCode);
        await app.SendAsync(new Features.Meetings.MoveToPhase(Domain.Meetings.Phase.Closed), ForumApp.Facilitator(meeting));
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.Gone, (await http.SendAsync(Join(meeting.JoinCode, Guesser))).StatusCode);
        Assert.Equal(HttpStatusCode.Gone, (await http.SendAsync(Join(meeting.ListenerCode, Guesser))).StatusCode);
    }

    [Fact]
    public void Codes_use_an_alphabet_without_look_alikes_and_member_and_listener_codes_differ_in_length()
    {
        foreach (var lookAlike in "0O1IL2Z5S8B") Assert.DoesNotContain(lookAlike, JoinCodes.Alphabet);
        Assert.NotEqual(JoinCodes.MemberLength, JoinCodes.ListenerLength);
        var codes = Enumerable.Range(0, 2000).Select(_ => JoinCodes.New(JoinCodes.MemberLength)).ToList();
        Assert.All(codes, c => Assert.True(c.All(JoinCodes.Alphabet.Contains)));
        Assert.True(codes.Distinct().Count() > 1990);
    }

    [Fact]
    public void IPv6_guesses_count_per_64_block()
    {
        var a = new Microsoft.AspNetCore.Http.DefaultHttpContext { Connection = { RemoteIpAddress = IPAddress.Parse("2001:db8:1:2:aaaa::1") } };
        var b = new Microsoft.AspNetCore.Http.DefaultHttpContext { Connection = { RemoteIpAddress = IPAddress.Parse("2001:db8:1:2:bbbb::9") } };
        var c = new Microsoft.AspNetCore.Http.DefaultHttpContext { Connection = { RemoteIpAddress = IPAddress.Parse("::ffff:192.0.2.1") } };
        Assert.Equal(AttemptGuard.AddressOf(a), AttemptGuard.AddressOf(b));
        Assert.Equal("192.0.2.1", AttemptGuard.AddressOf(c));
    }
}
