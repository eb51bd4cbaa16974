using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ForumHub.Api.Tests.Forums;
using ForumHub.Api.Tests.Infrastructure;

namespace ForumHub.Api.Tests.Privacy;

/// <summary>A forum card holder's own export (GET /api/me/export) holds their record on the forum's list; a guest's does not.</summary>
public sealed class CardHolderExportTests(PostgresFixture postgres) : AppTestBase(postgres)
{
    [Fact]
    public async Task A_card_holder_gets_their_forum_record_in_their_own_export_until_it_is_erased()
    {
        var forumId = await App.CreateForumAsync();
        var fran = (await App.CreateAccountAsync()).Client;
        var (ana, code) = await fran.AddMemberOkAsync(forumId, "Ana");
        var meeting = await fran.StartForumMeetingAsync(forumId);
        var joined = await (await App.JoinByCardAsync(code)).Content.ReadFromJsonAsync<JsonElement>(ForumApp.Json);
        var anaClient = App.WithToken(joined.GetProperty("token").GetString()!);

        var text = await anaClient.GetStringAsync("/api/me/export");
        Assert.DoesNotContain(code, text, StringComparison.OrdinalIgnoreCase); // the card's code is never kept, so never exported
        var record = JsonDocument.Parse(text).RootElement.GetProperty("forumMember");
        Assert.Equal(ana, record.GetProperty("person").GetProperty("id").GetGuid());
        Assert.Equal(("Ana", "Oak House", true), (record.GetProperty("person").GetProperty("displayName").GetString(),
            record.GetProperty("person").GetProperty("represents").GetString(), record.GetProperty("person").GetProperty("keepsRecord").GetBoolean()));
        Assert.Equal(meeting.MeetingId, Assert.Single(record.GetProperty("meetingsCameTo").EnumerateArray()).GetProperty("meetingId").GetGuid());
        Assert.StartsWith("North forum", record.GetProperty("forum").GetString());

        var page = await anaClient.GetStringAsync("/api/me/export/easy-read");
        Assert.Contains("You on the forum&#x27;s list", page);
        Assert.Contains("You came to 1 meeting of the forum.", page);

        // A guest who joined with the meeting's code is nobody on the forum's list.
        var guest = await App.JoinAsync(meeting.JoinCode, "Ben");
        var guestExport = await App.WithToken(guest.Token!).GetFromJsonAsync<JsonElement>("/api/me/export", ForumApp.Json);
        Assert.Equal(JsonValueKind.Null, guestExport.GetProperty("forumMember").ValueKind);

        // Once the forum erased her record, her export has none.
        Assert.Equal(HttpStatusCode.OK, (await fran.PostAsync($"/api/forums/{forumId}/members/{ana}/erase", null)).StatusCode);
        var after = await anaClient.GetFromJsonAsync<JsonElement>("/api/me/export", ForumApp.Json);
        Assert.Equal(JsonValueKind.Null, after.GetProperty("forumMember").ValueKind);
    }
}
