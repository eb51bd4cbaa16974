using ForumHub.Api.Features.Minutes.Writing;

namespace ForumHub.Api.Tests.Minutes;

/// <summary>
/// Pins the generated Markdown of the 3 fixture meetings. When the output changes on purpose, run the tests
/// with FORUMHUB_UPDATE_GOLDEN=1 (the golden tests write the files and fail, so a run that updates can never pass),
/// review the diff of tests/Api.Tests/Minutes/Golden, and run them again without it.
/// </summary>
public sealed class GoldenFileTests
{
    private const string UpdateVariable = "FORUMHUB_UPDATE_GOLDEN";

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

    [Fact]
    public void Updating_writes_the_golden_file_and_still_fails_so_an_updating_run_never_passes()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("forumhub-golden-").FullName, "x.md");
        try
        {
            var written = Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => CheckGoldenFile(path, "new minutes", update: true));
            Assert.Contains("was written", written.Message, StringComparison.Ordinal);
            Assert.Equal("new minutes", File.ReadAllText(path));
            var again = Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => CheckGoldenFile(path, "new minutes", update: true));
            Assert.Contains("already up to date", again.Message, StringComparison.Ordinal);
            CheckGoldenFile(path, "new minutes", update: false);
            Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => CheckGoldenFile(path, "other minutes", update: false));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }

    private static void AssertGolden(string name, string actual) =>
        CheckGoldenFile(Path.Combine(GoldenDirectory(), name), actual, Environment.GetEnvironmentVariable(UpdateVariable) == "1");

    private static void CheckGoldenFile(string path, string actual, bool update)
    {
        if (update)
        {
            var unchanged = File.Exists(path) && File.ReadAllText(path).ReplaceLineEndings("\n") == actual;
            if (!unchanged) File.WriteAllText(path, actual);
            Assert.Fail($"{UpdateVariable}=1: {path} {(unchanged ? "was already up to date" : "was written")}; " +
                        $"review the diff and rerun without {UpdateVariable}.");
        }
        Assert.True(File.Exists(path), $"{path} is missing: run with {UpdateVariable}=1 to write it.");
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
