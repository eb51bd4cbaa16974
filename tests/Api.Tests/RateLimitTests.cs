using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ForumHub.Api.Tests.Infrastructure;

namespace ForumHub.Api.Tests;

public sealed class RateLimitTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task Joins_over_the_limit_from_one_address_get_rate_limited_with_a_retry_time()
    {
        await using var app = new ForumApp(postgres, settings: new Dictionary<string, string> { ["RateLimits:JoinsPerMinutePerAddress"] = "3" });
        var meeting = await app.CreateMeetingAsync();
        var http = app.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            var response = await http.PostAsJsonAsync("/api/join", new { commandId = Guid.NewGuid(), code = meeting.JoinCode, displayName = $"P{i}" }, ForumApp.Json);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
                Assert.Equal("rate_limited", problem.GetProperty("code").GetString());
                Assert.True(problem.GetProperty("retriable").GetBoolean());
                Assert.True(response.Headers.RetryAfter is not null);
            }
        }
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(2 + 3, (await app.DbStateAsync(meeting.MeetingId)).Participants);
    }

    [Fact]
    public async Task Ready_and_health_answer_when_the_database_does()
    {
        await using var app = new ForumApp(postgres);
        var http = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/readyz")).StatusCode);
    }
}
