using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using ForumHub.Api.Access;
using ForumHub.Api.Features;
using ForumHub.Api.Hubs;
using ForumHub.Api.Tests.Infrastructure;
using ForumHub.Domain.Meetings;

namespace ForumHub.Api.Tests;

/// <summary>
/// Issue 11, item 8: a NUL pasted into any text field (PostgreSQL cannot store it) gets a clear refusal with the code
/// text_invalid_character, never a 500, and changes nothing: every text field of every hub method (found by
/// reflection over MeetingHub, so a new method is covered by itself) and of every HTTP endpoint that takes text.
/// </summary>
public sealed class UnstorableTextTests(PostgresFixture postgres) : MeetingTestBase(postgres)
{
    private const string Nul = "bad\u0000text";

    /// <summary>Each hub method and each JSON path to a text in its argument (list items and dictionary keys too).</summary>
    public static IEnumerable<(string Method, string Field, Dictionary<string, object?> Argument)> HubTextFields()
    {
        foreach (var method in typeof(MeetingHub).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
        {
            if (method.GetParameters() is not [var parameter] || !parameter.ParameterType.IsSubclassOf(typeof(MeetingCommand))) continue;
            foreach (var property in parameter.ParameterType.GetProperties().Where(p => p.Name != nameof(MeetingCommand.Caller)))
            {
                var name = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
                var type = property.PropertyType;
                object? value = type == typeof(string) ? Nul
                    : type.IsAssignableTo(typeof(IReadOnlyDictionary<string, int>)) ? new Dictionary<string, int> { [Nul] = 1 }
                    : ListItem(type) is { } item && item.GetProperties().FirstOrDefault(p => p.PropertyType == typeof(string)) is { } text
                        ? new[] { new Dictionary<string, object?> { [JsonNamingPolicy.CamelCase.ConvertName(text.Name)] = Nul }, new() { ["label"] = "B" } }
                        : null;
                if (value is null) continue;
                yield return (method.Name, name, new Dictionary<string, object?> { ["commandId"] = Guid.NewGuid(), [name] = value });
            }
        }
    }

    private static Type? ListItem(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) && type.GetGenericArguments()[0].Namespace?.StartsWith("ForumHub") == true
            ? type.GetGenericArguments()[0] : null;

    [Fact]
    public async Task A_NUL_in_any_text_of_any_hub_method_is_refused_with_text_invalid_character()
    {
        await Scenario.ToItemsAsync();
        var fields = HubTextFields().ToList();
        // Every method that takes text is here (reflection finds new ones): answers, items, notes, polls, decisions, actions, responses.
        foreach (var expected in new[] { "AnswerQuestion", "ProposeItem", "PromoteAnswer", "AddNote", "OpenPoll", "CastBallot", "RecordHandCount",
                     "RecordDecision", "AddAction", "RespondAsListener" })
            Assert.Contains(fields, f => f.Method == expected);
        var tokens = new (Role Role, string Token)[]
        {
            (Role.Facilitator, Scenario.Meeting.FacilitatorToken!), (Role.Member, Scenario.Ana.Token!), (Role.Listener, Scenario.Listener.Token!),
        };
        var before = await App.FingerprintAsync();
        foreach (var (method, field, argument) in fields)
        {
            var token = tokens.First(t => AccessTable.AllowsHub(method, t.Role)).Token;
            await using var wire = await HubWire.ConnectAsync(App, token);
            var result = await wire.InvokeAsync(method, argument);
            Assert.True(result.Code == "text_invalid_character", $"{method}.{field}: {result}");
            Assert.Contains("a character in the text that we cannot save", result.Error);
        }
        Assert.Equal(before, await App.FingerprintAsync());
    }

    [Fact]
    public async Task A_NUL_in_any_text_of_any_HTTP_endpoint_is_a_400_with_text_invalid_character()
    {
        await Scenario.ToItemsAsync();
        var facilitator = Bearer(Scenario.Meeting.FacilitatorToken!);
        var minutes = $"/api/meetings/{Scenario.Id}/minutes";
        (await facilitator.PostAsJsonAsync($"{minutes}/drafts", new { }, ForumApp.Json)).EnsureSuccessStatusCode();
        var draft = await (await facilitator.GetAsync($"{minutes}/drafts/1")).Content.ReadFromJsonAsync<JsonElement>(ForumApp.Json);
        var sections = draft.GetProperty("easyReadSections").EnumerateArray()
            .Select(s => new { heading = s.GetProperty("heading").GetString(), text = s.GetProperty("text").GetString() }).ToList();
        var account = await App.CreateAccountAsync();
        var admin = await App.FacilitatorClientAsync();
        var anonymous = App.CreateSecureClient();
        var code = Scenario.Meeting.JoinCode;

        var cases = new List<(string What, HttpClient Client, HttpMethod Method, string Path, object? Body)>
        {
            ("create: title", admin, HttpMethod.Post, "/api/meetings", new { commandId = Guid.NewGuid(), title = Nul, facilitatorName = "Jo" }),
            ("create: name", admin, HttpMethod.Post, "/api/meetings", new { commandId = Guid.NewGuid(), title = "East", facilitatorName = Nul }),
            // (A NUL in the URL path, e.g. GET /api/join/AB%00CD, is refused by ASP.NET Core's URL decoding itself: 400.)
            ("join: code", anonymous, HttpMethod.Post, "/api/join", new { commandId = Guid.NewGuid(), code = code + "\u0000", displayName = "Cy" }),
            ("join: name", anonymous, HttpMethod.Post, "/api/join", new { commandId = Guid.NewGuid(), code, displayName = Nul }),
            ("join: picture", anonymous, HttpMethod.Post, "/api/join", new { commandId = Guid.NewGuid(), code, displayName = "Cy", picture = Nul }),
            ("sign in: email", App.CreateSecureClient(), HttpMethod.Post, "/api/account/sign-in", new { email = Nul, password = "whatever-password" }),
            ("sign in: password", App.CreateSecureClient(), HttpMethod.Post, "/api/account/sign-in", new { email = ForumApp.AdminEmail, password = Nul }),
            ("set up: code", App.CreateSecureClient(), HttpMethod.Post, "/api/account/set-up", new { email = "x@forumhub.test", code = Nul, password = "a-long-password" }),
            ("password: new", account.Client, HttpMethod.Post, "/api/account/password", new { currentPassword = account.Password, newPassword = Nul + "-long-enough" }),
            ("new facilitator: name", admin, HttpMethod.Post, "/api/admin/facilitators/", new { email = "n@forumhub.test", displayName = Nul, isAdmin = false }),
            ("new forum: name", admin, HttpMethod.Post, "/api/admin/forums/", new { name = Nul }),
            ("minutes edit: Markdown", facilitator, HttpMethod.Post, $"{minutes}/drafts/1/edits", new { easyReadMarkdown = "# Minutes\n\n" + Nul }),
            ("minutes edit: standard", facilitator, HttpMethod.Post, $"{minutes}/drafts/1/edits", new { easyReadMarkdown = "# Minutes", standardMarkdown = Nul }),
            ("minutes edit: plain words", facilitator, HttpMethod.Post, $"{minutes}/drafts/1/edits",
                new { sections = sections.Select((s, i) => new { s.heading, text = i == 0 ? s.text + "\n" + Nul : s.text }) }),
            ("minutes edit: heading", facilitator, HttpMethod.Post, $"{minutes}/drafts/1/edits",
                new { sections = sections.Select((s, i) => new { heading = i == 1 ? Nul : s.heading, s.text }) }),
            ("minutes check: Markdown", facilitator, HttpMethod.Post, $"{minutes}/check", new { easyReadMarkdown = Nul }),
            ("minutes check: plain words", facilitator, HttpMethod.Post, $"{minutes}/check",
                new { basedOn = 1, sections = sections.Select((s, i) => new { s.heading, text = i == 0 ? Nul : s.text }) }),
            ("minutes correction: note", facilitator, HttpMethod.Post, $"{minutes}/corrections", new { version = 1, note = Nul }),
        };
        var before = await App.FingerprintAsync();
        foreach (var (what, client, method, path, body) in cases)
        {
            using var request = new HttpRequestMessage(method, path);
            if (body is not null) request.Content = JsonContent.Create(body, options: ForumApp.Json);
            var response = await client.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest && text.Contains("\"code\":\"text_invalid_character\"", StringComparison.Ordinal),
                $"{what}: {(int)response.StatusCode} {text}");
        }
        Assert.Equal(before, await App.FingerprintAsync());
    }

    private HttpClient Bearer(string token)
    {
        var client = App.CreateSecureClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }
}
