using ForumHub.Api.Access;
using ForumHub.Api.Infrastructure;
using ForumHub.Api.Persistence;
using ForumHub.Api.Runtime;
using ForumHub.Domain.Meetings;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ForumHub.Api.Features.Forums;

/// <summary>
/// "Is co-production happening?" for a forum and a period (meetings held from From to To, UK dates, both days in;
/// by default the year up to today). Computed with SQL from the stored events of the forum's meetings
/// (CoProductionSql.cs); a meeting whose events were deleted by retention counts in MeetingsWithoutRecords only.
/// For the forum's facilitators.
/// </summary>
public sealed record GetCoProduction(AccountCaller Account, Guid ForumId, string? From, string? To) : IRequest<CoProductionFigures>;

/// <summary>Decisions recorded at one of Camden's Steps of Participation.</summary>
public sealed record DecisionsAtStep(ParticipationLevel Level, int Decisions);

public sealed record CoProductionFigures(
    Guid ForumId, string ForumName, DateOnly From, DateOnly To, string FromWords, string ToWords,
    int Meetings, int MeetingsWithoutRecords,
    int ItemsProposed, int ItemsProposedByMembers, int AgendaItems, int AgendaItemsFromMembers,
    int Actions, int ActionsOwnedByMembers, int MemberActionsDone,
    IReadOnlyList<DecisionsAtStep> DecisionSteps,
    int ListenersAsked, int ListenersAnswered, double? MedianMinutesToAnswer,
    int? AgendaFromMembersPercent, int? MemberActionsPercent, int? MemberActionsDonePercent, int? ListenersAnsweredPercent);

public sealed class GetCoProductionHandler(ForumDbContext db, TimeProvider clock, ILogger<GetCoProductionHandler> log)
    : IRequestHandler<GetCoProduction, CoProductionFigures>
{
    public const int MaxYears = 10;

    public async Task<CoProductionFigures> Handle(GetCoProduction request, CancellationToken ct)
    {
        var today = EasyReadDates.LocalDate(clock.GetUtcNow(), EasyReadDates.UkTime);
        var to = Date(request.To, "to") ?? today;
        var from = Date(request.From, "from") ?? to.AddYears(-1).AddDays(1);
        if (from > to)
            throw new CommandException(ForumInsightErrorCodes.PeriodInvalid, "The first day must come before the last day.");
        if (from < to.AddYears(-MaxYears))
            throw new CommandException(ForumInsightErrorCodes.PeriodInvalid, $"Please choose {MaxYears} years or less.");
        var name = (await ForumRules.ForumAsync(db, request.Account, request.ForumId, log, ct)).Name;

        var f = (await db.Database.SqlQuery<CoProductionSql.Row>(CoProductionSql.Figures(request.ForumId, from, to)).ToListAsync(ct)).Single();
        var steps = await db.Database.SqlQuery<CoProductionSql.StepRow>(CoProductionSql.Steps(request.ForumId, from, to)).ToListAsync(ct);
        var byLevel = steps.ToDictionary(s => s.Level, s => s.Decisions, StringComparer.Ordinal);
        var decisionSteps = Enum.GetValues<ParticipationLevel>()
            .Select(l => new DecisionsAtStep(l, byLevel.GetValueOrDefault(Camel(l.ToString())))).ToList();
        return new CoProductionFigures(request.ForumId, name, from, to, EasyReadDates.FullDate(from), EasyReadDates.FullDate(to),
            f.Meetings, f.MeetingsWithoutRecords, f.ItemsProposed, f.ItemsProposedByMembers, f.AgendaItems, f.AgendaItemsFromMembers,
            f.Actions, f.ActionsOwnedByMembers, f.MemberActionsDone, decisionSteps, f.ListenersAsked, f.ListenersAnswered,
            f.MedianMinutesToAnswer is { } m ? Math.Round(m, 1) : null,
            Percent(f.AgendaItemsFromMembers, f.AgendaItems), Percent(f.ActionsOwnedByMembers, f.Actions),
            Percent(f.MemberActionsDone, f.ActionsOwnedByMembers), Percent(f.ListenersAnswered, f.ListenersAsked));
    }

    /// <summary>Whole percent, rounded half away from zero; none when there is nothing to share.</summary>
    internal static int? Percent(int part, int whole) => whole == 0 ? null : (int)Math.Round(100.0 * part / whole, MidpointRounding.AwayFromZero);

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    private static DateOnly? Date(string? text, string which)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        return DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.None, out var date)
            ? date
            : throw new CommandException(ForumInsightErrorCodes.PeriodInvalid, $"Please give the \"{which}\" day as year-month-day, like 2026-03-31.");
    }
}
