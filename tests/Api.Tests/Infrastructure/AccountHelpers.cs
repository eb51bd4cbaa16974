using System.Net.Http.Json;
using System.Text.Json;
using ForumHub.Api.Features.Admin;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ForumHub.Api.Tests.Infrastructure;

/// <summary>Facilitator accounts and whole-database fingerprints for the access tests.</summary>
public static class AccountHelpers
{
    public sealed record NewAccount(Guid Id, string Email, string Password, HttpClient Client);

    /// <summary>The seeded administrator adds an account; its person sets their password with the set-up code and is signed in.</summary>
    public static async Task<NewAccount> CreateAccountAsync(this ForumApp app, bool admin = false, string? email = null)
    {
        email ??= $"f{Guid.NewGuid():N}@forumhub.test";
        var adminClient = await app.FacilitatorClientAsync();
        var created = await adminClient.PostAsJsonAsync("/api/admin/facilitators/", new { email, displayName = "Fran", isAdmin = admin }, ForumApp.Json);
        created.EnsureSuccessStatusCode();
        var body = await created.Content.ReadFromJsonAsync<JsonElement>(ForumApp.Json);
        var password = "pw-" + Guid.NewGuid().ToString("N");
        var client = app.CreateSecureClient();
        var setUp = await client.PostAsJsonAsync("/api/account/set-up", new { email, code = body.GetProperty("setupCode").GetString(), password }, ForumApp.Json);
        setUp.EnsureSuccessStatusCode();
        return new NewAccount(body.GetProperty("account").GetProperty("id").GetGuid(), email, password, client);
    }

    /// <summary>An administrator of a second organisation (made directly, as the create-admin command does), signed in.</summary>
    public static async Task<NewAccount> CreateOtherOrganisationAdminAsync(this ForumApp app)
    {
        var email = $"other{Guid.NewGuid():N}@forumhub.test";
        var password = "pw-" + Guid.NewGuid().ToString("N");
        await using var scope = app.Services.CreateAsyncScope();
        var account = await AdminBootstrap.CreateAdminAsync(scope.ServiceProvider, email, "Olu", password, "Other organisation " + Guid.NewGuid(), "Other forum");
        return new NewAccount(account.Id, email, password, await app.SignInAsync(email, password));
    }

    /// <summary>One hash per table of every row: equal fingerprints mean PostgreSQL holds exactly the same data.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> FingerprintAsync(this ForumApp app)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1", connection))
        await using (var reader = await list.ExecuteReaderAsync())
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            await using var hash = new NpgsqlCommand(
                $"SELECT count(*)::text || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') FROM \"{table}\" t", connection);
            result[table] = (string)(await hash.ExecuteScalarAsync())!;
        }
        return result;
    }

    /// <summary>Every text the database holds, in every table and column, as one string (to prove a name is gone).</summary>
    public static async Task<string> AllTextAsync(this ForumApp app)
    {
        var fingerprintTables = (await app.FingerprintAsync()).Keys;
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        var all = new System.Text.StringBuilder();
        foreach (var table in fingerprintTables)
        {
            await using var dump = new NpgsqlCommand($"SELECT coalesce(string_agg(t::text, '\n'), '') FROM \"{table}\" t", connection);
            all.Append(table).Append('\n').Append((string)(await dump.ExecuteScalarAsync())!).Append('\n');
        }
        return all.ToString();
    }
}
