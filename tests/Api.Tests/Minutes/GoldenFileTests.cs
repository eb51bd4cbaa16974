using ForumHub.Api.Features.Minutes.Writing;

namespace ForumHub.Api.Tests.Minutes;

/// <summary>
/// Pins the generated Markdown of the 3 fixture meetings. When the output changes on purpose, run the tests
/// with FORUMHUB_UPDATE_GOLDEN=1 and review the diff of tests/Api.Tests/Minutes/Golden before committing it.
/// </summary>
public sealed class GoldenFileTests
{
    public static TheoryData<string> Fixtures => ["short", "long", "nothing-decided"];

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Easy_Read_minutes_match_the_golden_file(string fixture)
    {
        var (_, meeting, options) = MinutesFixtures.All().Single(f => f.Name == fixture);
        AssertGolden($"{fixture}.easy-read.md", EasyReadGenerator.Generate(meeting, options));
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Standard_minutes_match_the_golden_file(string fixture)
    {
        var (_, meeting, options) = MinutesFixtures.All().Single(f => f.Name == fixture);
        AssertGolden($"{fixture}.standard.md", StandardGenerator.Generate(meeting, options));
    }

    [Fact]
    public void Building_a_fixture_twice_gives_the_same_minutes()
    {
        Assert.Equal(EasyReadGenerator.Generate(MinutesFixtures.Long(), MinutesFixtures.LongOptions),
            EasyReadGenerator.Generate(MinutesFixtures.Long(), MinutesFixtures.LongOptions));
        Assert.Equal(MinutesFixtures.Short().Participants.Select(p => p.Id), MinutesFixtures.Short().Participants.Select(p => p.Id));
    }

    [Fact]
    public void The_long_fixture_has_the_size_the_issue_asks_for()
    {
        var m = MinutesFixtures.Long();
        Assert.Equal(40, m.Participants.Count(p => p.Role != Domain.Meetings.Role.Screen));
        Assert.Equal(200, m.Answers.Count);
        Assert.Equal(30, m.Items.Count(i => i.IsOnAgenda));
        Assert.Equal(20, m.Polls.Count);
        Assert.True(m.Polls.Count(p => p.Secret) >= 2);
    }

    private static void AssertGolden(string name, string actual)
    {
        var path = Path.Combine(GoldenDirectory(), name);
        if (Environment.GetEnvironmentVariable("FORUMHUB_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
            return;
        }
        Assert.True(File.Exists(path), $"{path} is missing: run with FORUMHUB_UPDATE_GOLDEN=1 to write it.");
        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), actual);
    }

    internal static string GoldenDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ForumHub.sln")))
                return Path.Combine(dir.FullName, "tests", "Api.Tests", "Minutes", "Golden");
        throw new InvalidOperationException("Could not find ForumHub.sln above the test output folder.");
    }
}
