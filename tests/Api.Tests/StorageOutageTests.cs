using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ForumHub.Api.Tests.Infrastructure;
using Npgsql;

namespace ForumHub.Api.Tests;

/// <summary>Reads while PostgreSQL refuses the meeting's database: a coded, retriable 503, never a bare 500.</summary>
public sealed class StorageOutageTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task Events_since_a_sequence_number_answer_storage_unavailable_while_the_database_is_away()
    {
        await using var app = new ForumApp(postgres);
        var s = await MeetingScenario.StartAsync(app);
        var http = app.CreateClient();
        http.DefaultRequestHeaders.Authorization = new("Bearer", s.Ana.Token);
        var url = $"/api/meetings/{s.Id}/events?after=0";
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(url)).StatusCode); // the token is now known without asking PostgreSQL

        var database = new NpgsqlConnectionStringBuilder(app.ConnectionString).Database!;
        await AdminAsync($"ALTER DATABASE \"{database}\" ALLOW_CONNECTIONS false");
        try
        {
            await AdminAsync($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{database}'");
            var response = await http.GetAsync(url);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("storage_unavailable", problem.GetProperty("code").GetString());
            Assert.True(problem.GetProperty("retriable").GetBoolean());
        }
        finally
        {
            await AdminAsync($"ALTER DATABASE \"{database}\" ALLOW_CONNECTIONS true");
        }
        NpgsqlConnection.ClearAllPools();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(url)).StatusCode); // and answers again once it is back
    }

    private async Task AdminAsync(string sql)
    {
        var admin = new NpgsqlConnectionStringBuilder(postgres.ServerConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
