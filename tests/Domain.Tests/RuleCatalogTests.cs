using System.Reflection;
using System.Text.RegularExpressions;
using ForumHub.Domain.Rules;

namespace ForumHub.Domain.Tests;

/// <summary>
/// Keeps this suite in step with the rules: a new rule in MeetingRules fails here until it is added
/// to the list below together with tests for its passing and failing case, and an entry fails when the tests it
/// names never check the code the rule refuses with (read from MeetingRules.cs, the source of truth).
/// </summary>
public partial class RuleCatalogTests
{
    /// <summary>A rule every area checks: tested in each class with a test whose name starts with what follows.</summary>
    private const string EveryArea = "every area: ";

    /// <summary>Each rule, and the test class that exercises its passing and failing case through the meeting.</summary>
    private static readonly Dictionary<string, string> TestedIn = new()
    {
        [nameof(MeetingRules.ParticipantMustExist)] = nameof(ParticipantTests),
        [nameof(MeetingRules.ParticipantMustNotBeRemoved)] = nameof(RemovedAndUnknownActorTests),
        [nameof(MeetingRules.ParticipantMustBeNew)] = nameof(ParticipantTests),
        [nameof(MeetingRules.RoleMustBeOneOf)] = EveryArea + "Only_the_facilitator_",
        [nameof(MeetingRules.MeetingMustBeOpen)] = nameof(CardTests),
        [nameof(MeetingRules.PhaseMustBeOneOf)] = nameof(QuestionTests),
        [nameof(MeetingRules.PhaseMustMoveForward)] = nameof(PhaseTests),
        [nameof(MeetingRules.AgendaMustHaveItems)] = nameof(PhaseTests),
        [nameof(MeetingRules.MustBeAMember)] = nameof(BallotTests),
        [nameof(MeetingRules.MayActFor)] = nameof(QuestionTests),
        [nameof(MeetingRules.SupporterMustNameMember)] = nameof(BallotTests),
        [nameof(MeetingRules.AnswerMustExist)] = nameof(AgendaProposalTests),
        [nameof(MeetingRules.AnswerMustNotBePromoted)] = nameof(AgendaProposalTests),
        [nameof(MeetingRules.AnswerMustBeAWish)] = nameof(AgendaProposalTests),
        [nameof(MeetingRules.ItemMustExist)] = nameof(ItemTests),
        [nameof(MeetingRules.ItemStatusMustBe)] = nameof(ItemTests),
        [nameof(MeetingRules.NoOtherItemInProgress)] = nameof(ItemTests),
        [nameof(MeetingRules.AgendaMustBeValid)] = nameof(AgendaAgreementTests),
        [nameof(MeetingRules.PollMustExist)] = nameof(PollTests),
        [nameof(MeetingRules.PollMustBeOpen)] = nameof(BallotTests),
        [nameof(MeetingRules.PollMustBeClosed)] = nameof(DecisionTests),
        [nameof(MeetingRules.NoOtherPollOpen)] = nameof(PollTests),
        [nameof(MeetingRules.NoPollLeftOpen)] = nameof(PhaseTests),
        [nameof(MeetingRules.PollMustTakeBallots)] = nameof(BallotTests),
        [nameof(MeetingRules.PollMustBeHandCount)] = nameof(HandCountTests),
        [nameof(MeetingRules.OptionMustExist)] = nameof(BallotTests),
        [nameof(MeetingRules.OneBallotPerMember)] = nameof(BallotTests),
        [nameof(MeetingRules.OptionsMustBeValid)] = nameof(PollTests),
        [nameof(MeetingRules.HandCountMustBeValid)] = nameof(HandCountTests),
        [nameof(MeetingRules.DueDateNotInPast)] = nameof(ActionTests),
        [nameof(MeetingRules.ActionMustExist)] = nameof(ActionTests),
        [nameof(MeetingRules.MustBeAListener)] = nameof(ListenerTests),
        [nameof(MeetingRules.ListenerMustBeInvited)] = nameof(ListenerTests),
        [nameof(MeetingRules.ListenerNotAlreadyInvited)] = nameof(ListenerTests),
        [nameof(MeetingRules.ResponseMustExist)] = nameof(ActionTests),
        [nameof(MeetingRules.CardNotAlreadyRaised)] = nameof(CardTests),
        [nameof(MeetingRules.CardMustExist)] = nameof(CardTests),
        [nameof(MeetingRules.CardMustBeRaised)] = nameof(CardTests),
        [nameof(MeetingRules.ForumMemberMustBeNew)] = nameof(ForumMemberTests),
        [nameof(MeetingRules.NameMustBeNew)] = nameof(MembersWithoutDeviceTests),
        [nameof(MeetingRules.HelperMustBeASupporter)] = nameof(MembersWithoutDeviceTests),
        [nameof(MeetingRules.SupporterHelpsWhoTheyAdd)] = nameof(MembersWithoutDeviceTests),
        [nameof(MeetingRules.MustBeWithoutDevice)] = nameof(MembersWithoutDeviceTests),
        [nameof(MeetingRules.MayGiveTakeOverCode)] = nameof(MembersWithoutDeviceTests),
        [nameof(MeetingRules.TakeOverCodeMustBeCurrent)] = nameof(MembersWithoutDeviceTests),
        [nameof(MeetingRules.RoleMustBeFree)] = nameof(RoleTests),
        [nameof(MeetingRules.MustNotHoldRole)] = nameof(RoleTests),
        [nameof(MeetingRules.MustHoldRole)] = nameof(RoleTests),
    };

    [Fact]
    public void Every_rule_in_MeetingRules_is_listed_with_its_tests()
    {
        var rules = typeof(MeetingRules).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(m => m.ReturnType == typeof(BusinessRule)).Select(m => m.Name);

        Assert.Equal(rules.Order(), TestedIn.Keys.Order());
    }

    [Fact]
    public void Each_rule_is_listed_with_tests_that_check_the_code_it_refuses_with()
    {
        var codesByRule = RefusalCodesByRule(File.ReadAllText(Path.Combine(RepoRoot(), "src", "Domain", "Rules", "MeetingRules.cs")));
        Assert.Equal(codesByRule.Keys.Order(), TestedIn.Keys.Order());

        var testsFolder = Path.Combine(RepoRoot(), "tests", "Domain.Tests");
        var sources = Directory.GetFiles(testsFolder, "*.cs", SearchOption.AllDirectories)
            .Where(path => Path.GetRelativePath(testsFolder, path).Split(Path.DirectorySeparatorChar)[0] is not ("bin" or "obj"))
            .ToDictionary(path => Path.GetFileNameWithoutExtension(path)!, File.ReadAllText);
        foreach (var (rule, testedIn) in TestedIn)
        {
            var classes = TestClassesOf(testedIn);
            Assert.True(classes.Count > 0, $"{rule}: no test class for \"{testedIn}\"");
            foreach (var testClass in classes)
            {
                Assert.True(sources.TryGetValue(testClass, out var source), $"{rule}: no file {testClass}.cs");
                Assert.True(codesByRule[rule].Any(code => source.Contains("ErrorCodes." + code, StringComparison.Ordinal)),
                    $"{rule} refuses with {string.Join(" or ", codesByRule[rule])}, which {testClass} never checks");
            }
        }
    }

    /// <summary>A class name, or every class with a test whose name starts with the prefix after <see cref="EveryArea"/>.</summary>
    private static List<string> TestClassesOf(string testedIn)
    {
        if (!testedIn.StartsWith(EveryArea, StringComparison.Ordinal)) return [testedIn];
        var prefix = testedIn[EveryArea.Length..];
        return [.. typeof(RuleCatalogTests).Assembly.GetTypes()
            .Where(t => t.GetMethods().Any(m => m.Name.StartsWith(prefix, StringComparison.Ordinal) && m.IsDefined(typeof(FactAttribute), inherit: true)))
            .Select(t => t.Name)];
    }

    /// <summary>Each rule method in MeetingRules.cs and the ErrorCodes its body names.</summary>
    private static Dictionary<string, string[]> RefusalCodesByRule(string source)
    {
        var starts = RuleStart().Matches(source);
        return starts.Select((start, i) =>
        {
            var end = i + 1 < starts.Count ? starts[i + 1].Index : source.Length;
            var body = source[start.Index..end];
            return (Rule: start.Groups[1].Value, Codes: ErrorCode().Matches(body).Select(c => c.Groups[1].Value).Distinct().ToArray());
        }).ToDictionary(r => r.Rule, r => r.Codes);
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ForumHub.sln"))) return dir.FullName;
        throw new InvalidOperationException("Could not find ForumHub.sln above the test output folder.");
    }

    [GeneratedRegex(@"public static BusinessRule (\w+)\(")]
    private static partial Regex RuleStart();

    [GeneratedRegex(@"ErrorCodes\.(\w+)")]
    private static partial Regex ErrorCode();

    [Fact]
    public void Error_codes_are_distinct_snake_case_strings()
    {
        var codes = typeof(ErrorCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();

        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.All(codes, c => Assert.Matches(SnakeCase(), c));
    }

    [Fact]
    public void A_rule_that_holds_is_not_broken_and_one_that_fails_carries_its_code()
    {
        Assert.False(MeetingRules.DueDateNotInPast(TestCast.Today, TestCast.Today).IsBroken);
        Assert.False(MeetingRules.DueDateNotInPast(null, TestCast.Today).IsBroken);
        var broken = MeetingRules.DueDateNotInPast(TestCast.Today.AddDays(-1), TestCast.Today);
        Assert.Equal((true, ErrorCodes.DueDateInPast), (broken.IsBroken, broken.Code));
    }

    [GeneratedRegex("^[a-z]+(_[a-z]+)*$")]
    private static partial Regex SnakeCase();
}
