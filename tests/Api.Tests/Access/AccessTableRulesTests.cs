using System.Text;
using ForumHub.Api.Access;

namespace ForumHub.Api.Tests.Access;

/// <summary>
/// What the access table must say (the walks prove the server does what it says), and docs/access.md, which is
/// the table in words: a change to who may do what shows up in review. FORUMHUB_WRITE_DOCS=1 rewrites the file.
/// </summary>
public sealed class AccessTableRulesTests
{
    private static Who[] Rule(string key) => AccessTable.Rules[key];

    [Fact]
    public void Listeners_never_vote_or_set_the_agenda_and_the_screen_only_reads()
    {
        foreach (var method in new[] { "CastBallot", "ProposeItem", "PromoteAnswer", "AgreeAgenda", "OpenPoll", "ClosePoll", "RecordHandCount" })
            Assert.DoesNotContain(Who.Listener, Rule("hub " + method));
        foreach (var (key, allowed) in AccessTable.Rules.Where(r => r.Value.Contains(Who.Screen)))
            Assert.True(key == "hub JoinMeeting" || key.StartsWith("GET ", StringComparison.Ordinal) || key.StartsWith("* /hubs/", StringComparison.Ordinal),
                $"the shared screen may {key}");
        Assert.Equal([Who.Listener], Rule("hub RespondAsListener"));
    }

    [Fact]
    public void Only_the_facilitator_runs_the_meeting_and_only_accounts_create_meetings_and_only_administrators_administer()
    {
        foreach (var method in new[] { "MoveToPhase", "StartItem", "FinishItem", "CarryItemForward", "AddNote", "OpenPoll", "RecordHandCount", "ClosePoll",
                     "RecordDecision", "AddAction", "InviteListener", "RemoveParticipant", "PromoteAnswer", "AgreeAgenda" })
            Assert.Equal([Who.Facilitator], Rule("hub " + method));
        Assert.Equal([Who.Account], Rule("POST /api/meetings/"));
        foreach (var (key, allowed) in AccessTable.Rules.Where(r => r.Key.Contains("/api/admin/", StringComparison.Ordinal)))
            Assert.Equal([Who.Admin], allowed);
    }

    [Fact]
    public void Nothing_about_a_meeting_or_a_person_is_open_to_anyone()
    {
        foreach (var (key, allowed) in AccessTable.Rules.Where(r => r.Value.Contains(Who.Anyone)))
        {
            Assert.DoesNotContain("{meetingId", key, StringComparison.Ordinal);
            Assert.DoesNotContain("/api/me", key, StringComparison.Ordinal);
            Assert.DoesNotContain("/api/admin", key, StringComparison.Ordinal);
            Assert.DoesNotContain("/hubs/", key, StringComparison.Ordinal);
            Assert.False(key.StartsWith(AccessTable.HubPrefix, StringComparison.Ordinal), key);
        }
    }

    [Fact]
    public void Docs_access_md_is_the_table()
    {
        var path = Path.Combine(RepoRoot(), "docs", "access.md");
        var expected = Render();
        if (Environment.GetEnvironmentVariable("FORUMHUB_WRITE_DOCS") == "1") File.WriteAllText(path, expected);
        Assert.True(File.Exists(path) && File.ReadAllText(path).ReplaceLineEndings("\n") == expected,
            "docs/access.md differs from Access/AccessTable.cs: run the tests with FORUMHUB_WRITE_DOCS=1 and review the change.");
    }

    private static string Render()
    {
        var columns = Enum.GetValues<Who>();
        var sb = new StringBuilder();
        sb.Append("# Who may do what\n\n");
        sb.Append("This is the access table of ForumHub, written out from `src/Api/Access/AccessTable.cs` (a test keeps the two the same).\n");
        sb.Append("The server checks it on every hub call and every request, and logs every refusal.\n\n");
        sb.Append("- **Member, Supporter, Listener, Screen, Facilitator**: a person (or the shared screen) in one meeting, by their access token.\n");
        sb.Append("  A token only opens its own meeting.\n");
        sb.Append("- **Account**: a signed-in facilitator account. It only opens meetings of its own organisation.\n");
        sb.Append("- **Admin**: an administrator account (also an Account).\n");
        sb.Append("- **Anyone**: no sign-in needed. Join codes are slowed, then refused, after many wrong tries from one address.\n\n");
        sb.Append("Anything not in this table is refused for everyone.\n\n");
        sb.Append("| What | ").Append(string.Join(" | ", columns.Where(c => c != Who.Anyone))).Append(" |\n");
        sb.Append("|---|").Append(string.Concat(columns.Where(c => c != Who.Anyone).Select(_ => "---|"))).Append('\n');
        foreach (var (key, allowed) in AccessTable.Rules.OrderBy(r => r.Key.StartsWith("hub ", StringComparison.Ordinal) ? 0 : 1).ThenBy(r => r.Key, StringComparer.Ordinal))
        {
            var anyone = allowed.Contains(Who.Anyone);
            sb.Append("| `").Append(key).Append("` | ");
            sb.Append(string.Join(" | ", columns.Where(c => c != Who.Anyone).Select(c => anyone || allowed.Contains(c) || (c == Who.Admin && allowed.Contains(Who.Account)) ? "yes" : "")));
            sb.Append(anyone ? " (anyone)" : "").Append(" |\n");
        }
        return sb.ToString();
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ForumHub.sln"))) return dir.FullName;
        throw new InvalidOperationException("ForumHub.sln not found");
    }
}
