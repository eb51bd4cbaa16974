using System.Reflection;
using System.Text.RegularExpressions;
using ForumHub.Domain.Rules;

namespace ForumHub.Domain.Tests;

/// <summary>
/// Keeps this suite in step with the rules: a new rule in MeetingRules fails here until it is added
/// to the list below together with tests for its passing and failing case.
/// </summary>
public partial class RuleCatalogTests
{
    /// <summary>Each rule, and the test class that exercises its passing and failing case through the meeting.</summary>
    private static readonly Dictionary<string, string> TestedIn = new()
    {
        [nameof(MeetingRules.ParticipantMustExist)] = nameof(ParticipantTests),
        [nameof(MeetingRules.ParticipantMustNotBeRemoved)] = nameof(RemovedAndUnknownActorTests),
        [nameof(MeetingRules.ParticipantMustBeNew)] = nameof(ParticipantTests),
        [nameof(MeetingRules.RoleMustBeOneOf)] = "every area (Only_the_facilitator_…)",
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
        [nameof(MeetingRules.NameMustBeNew)] = nameof(MembersWithoutDeviceTests),
        [nameof(MeetingRules.HelperMustBeASupporter)] = nameof(MembersWithoutDeviceTests),
        [nameof(MeetingRules.SupporterHelpsWhoTheyAdd)] = nameof(MembersWithoutDeviceTests),
        [nameof(MeetingRules.MustBeWithoutDevice)] = nameof(MembersWithoutDeviceTests),
        [nameof(MeetingRules.MayGiveTakeOverCode)] = nameof(MembersWithoutDeviceTests),
        [nameof(MeetingRules.TakeOverCodeMustBeCurrent)] = nameof(MembersWithoutDeviceTests),
    };

    [Fact]
    public void Every_rule_in_MeetingRules_is_listed_with_its_tests()
    {
        var rules = typeof(MeetingRules).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(m => m.ReturnType == typeof(BusinessRule)).Select(m => m.Name);

        Assert.Equal(rules.Order(), TestedIn.Keys.Order());
    }

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
