using ForumHub.Api.Runtime;
using ForumHub.Domain.Rules;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ForumHub.Api.Infrastructure;

/// <summary>Turns every expected failure into ProblemDetails with a stable "code" and plain words, never a 500.</summary>
public static class Problems
{
    private static readonly HashSet<string> Forbidden = [ErrorCodes.NotAllowed, ErrorCodes.NotYourMember, ErrorCodes.ParticipantRemoved];
    private static readonly HashSet<string> BadInput =
    [
        ErrorCodes.TextEmpty, ErrorCodes.TextTooLong, ErrorCodes.OptionsInvalid, ErrorCodes.HandCountInvalid,
        ErrorCodes.AgendaInvalid, ErrorCodes.SupporterNeedsMember, ErrorCodes.DueDateInPast,
    ];

    public static ProblemHttpResult From(BusinessRuleBrokenException e) => Problem(StatusFor(e.Code), e.Code, e.Message);

    public static ProblemHttpResult From(CommandException e) => Problem(e.HttpStatus, e.Code, e.Message, e.Retriable);

    public static ProblemHttpResult Problem(int status, string code, string message, bool retriable = false) =>
        TypedResults.Problem(statusCode: status, title: message, type: $"https://forumhub.example/problems/{code}",
            extensions: new Dictionary<string, object?> { ["code"] = code, ["retriable"] = retriable });

    public static int StatusFor(string code) =>
        Forbidden.Contains(code) ? StatusCodes.Status403Forbidden
        : code.EndsWith("_not_found", StringComparison.Ordinal) ? StatusCodes.Status404NotFound
        : BadInput.Contains(code) ? StatusCodes.Status400BadRequest
        : StatusCodes.Status409Conflict;

    /// <summary>Endpoint filter for the API groups: expected exceptions become ProblemDetails.</summary>
    public static async ValueTask<object?> Filter(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try { return await next(context); }
        catch (BusinessRuleBrokenException e) { return From(e); }
        catch (CommandException e) { return From(e); }
    }
}
