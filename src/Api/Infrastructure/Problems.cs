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
        ErrorCodes.TextEmpty, ErrorCodes.TextTooLong, ErrorCodes.TextInvalidCharacter, ErrorCodes.OptionsInvalid, ErrorCodes.HandCountInvalid,
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

    /// <summary>Framework-made problems (401 from authentication, 400 from a malformed body, ...) get a code too.</summary>
    public static void AddCodeForStatus(ProblemDetailsContext context)
    {
        var code = context.ProblemDetails.Status switch
        {
            StatusCodes.Status400BadRequest => ApiErrorCodes.InvalidRequest,
            StatusCodes.Status401Unauthorized => ApiErrorCodes.Unauthenticated,
            StatusCodes.Status403Forbidden => ApiErrorCodes.NotAllowed,
            StatusCodes.Status404NotFound => "not_found",
            StatusCodes.Status405MethodNotAllowed => "method_not_allowed",
            StatusCodes.Status413PayloadTooLarge => "too_large",
            StatusCodes.Status415UnsupportedMediaType => ApiErrorCodes.InvalidRequest,
            StatusCodes.Status429TooManyRequests => ApiErrorCodes.RateLimited,
            _ => "server_error",
        };
        context.ProblemDetails.Extensions.TryAdd("code", code);
        context.ProblemDetails.Extensions.TryAdd("retriable", context.ProblemDetails.Status is 429 or >= 500);
    }

    /// <summary>Endpoint filter for the API groups: expected exceptions become ProblemDetails.</summary>
    public static async ValueTask<object?> Filter(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try { return await next(context); }
        catch (BusinessRuleBrokenException e) { return From(e); }
        catch (CommandException e) { return From(e); }
    }
}
