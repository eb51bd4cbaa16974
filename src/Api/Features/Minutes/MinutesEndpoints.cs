using System.Text;
using ForumHub.Api.Access;
using ForumHub.Api.Features.Minutes.Writing;
using ForumHub.Api.Infrastructure;
using ForumHub.Api.Runtime;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ForumHub.Api.Features.Minutes;

public sealed record GenerateMinutesBody(DateOnly? NextMeeting);

/// <summary>Sections: the Easy Read words in plain words per section (the web app); or EasyReadMarkdown (API clients).</summary>
public sealed record EditMinutesBody(string? EasyReadMarkdown, string? StandardMarkdown, IReadOnlyList<PlainSectionEdit>? Sections);

public sealed record CheckMinutesBody(string? EasyReadMarkdown, int? BasedOn, IReadOnlyList<PlainSectionEdit>? Sections);

public sealed record PublishMinutesBody(int Version, Guid? ReviewedWithId);

public sealed record CorrectMinutesBody(int Version, string Note, Guid? ReviewedWithId);

/// <summary>
/// /api/meetings/{id}/minutes. Everyone in the meeting (with their access token) reads the published minutes;
/// the facilitator generates, edits, checks, previews, publishes, corrects and prints them.
/// </summary>
public static class MinutesEndpoints
{
    public static RouteGroupBuilder MapMinutes(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/meetings/{meetingId:guid}/minutes").WithTags("Minutes")
            .AddEndpointFilter(Problems.Filter)
            .AddEndpointFilter(SameMeeting)
            .RequireAuthorization(p => p.AddAuthenticationSchemes(AccessTokenAuthentication.SchemeName).RequireAuthenticatedUser());

        // Everyone in the meeting.
        group.MapGet("/", async Task<Ok<MinutesStatus>> (HttpContext http, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new GetMinutesStatus(CallerOf(http)), ct)));
        foreach (var (path, kind, format) in new[]
                 {
                     ("/easy-read.html", MinutesKind.EasyRead, MinutesFormat.Html), ("/easy-read.md", MinutesKind.EasyRead, MinutesFormat.Markdown),
                     ("/standard.html", MinutesKind.Standard, MinutesFormat.Html), ("/standard.md", MinutesKind.Standard, MinutesFormat.Markdown),
                 })
            group.MapGet(path, async Task<IResult> (int? publication, bool? download, HttpContext http, IMediator mediator, CancellationToken ct) =>
                File(http, await mediator.Send(new GetPublishedMinutes(CallerOf(http), kind, format, publication, download == true), ct)));

        // The facilitator.
        group.MapPost("/drafts", async Task<Created<MinutesVersionView>> (GenerateMinutesBody? body, HttpContext http, IMediator mediator,
            CancellationToken ct) =>
        {
            var view = await mediator.Send(new GenerateMinutes(CallerOf(http), body?.NextMeeting), ct);
            return TypedResults.Created($"{http.Request.Path}/{view.Number}", view);
        });
        group.MapGet("/drafts", async Task<Ok<IReadOnlyList<MinutesVersionSummary>>> (HttpContext http, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new ListMinutesVersions(CallerOf(http)), ct)));
        group.MapGet("/drafts/{number:int}", async Task<Ok<MinutesVersionView>> (int number, HttpContext http, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new GetMinutesVersion(CallerOf(http), number), ct)));
        group.MapPost("/drafts/{number:int}/edits", async Task<Created<MinutesVersionView>> (int number, EditMinutesBody body, HttpContext http,
            IMediator mediator, CancellationToken ct) =>
        {
            var view = await mediator.Send(new EditMinutes(CallerOf(http), number, body.EasyReadMarkdown, body.StandardMarkdown, body.Sections), ct);
            return TypedResults.Created($"/api/meetings/{CallerOf(http).MeetingId}/minutes/drafts/{view.Number}", view);
        });
        group.MapGet("/drafts/{number:int}/easy-read.html", async Task<IResult> (int number, HttpContext http, IMediator mediator, CancellationToken ct) =>
            File(http, await mediator.Send(new PreviewMinutes(CallerOf(http), number, MinutesKind.EasyRead), ct)));
        group.MapGet("/drafts/{number:int}/standard.html", async Task<IResult> (int number, HttpContext http, IMediator mediator, CancellationToken ct) =>
            File(http, await mediator.Send(new PreviewMinutes(CallerOf(http), number, MinutesKind.Standard), ct)));
        group.MapPost("/check", async Task<Ok<CheckReport>> (CheckMinutesBody body, HttpContext http, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new CheckMinutes(CallerOf(http), body.EasyReadMarkdown, body.BasedOn, body.Sections), ct)));
        group.MapPost("/publish", async Task<Ok<PublicationView>> (PublishMinutesBody body, HttpContext http, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new PublishMinutes(CallerOf(http), body.Version, body.ReviewedWithId), ct)));
        group.MapPost("/corrections", async Task<Ok<PublicationView>> (CorrectMinutesBody body, HttpContext http, IMediator mediator,
            CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new CorrectMinutes(CallerOf(http), body.Version, body.Note, body.ReviewedWithId), ct)));
        group.MapGet("/pack.html", async Task<IResult> (Guid[]? @for, HttpContext http, IMediator mediator, CancellationToken ct) =>
            File(http, await mediator.Send(new PrintMinutesPack(CallerOf(http), @for ?? []), ct)));
        return group;
    }

    private static Caller CallerOf(HttpContext http) => AccessTokenAuthentication.CallerOf(http.User)
        ?? throw new CommandException(ApiErrorCodes.Unauthenticated, "Please join the meeting again.", 401);

    /// <summary>A token opens one meeting only: asking about another is refused.</summary>
    private static async ValueTask<object?> SameMeeting(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var asked = http.Request.RouteValues["meetingId"]?.ToString();
        if (AccessTokenAuthentication.CallerOf(http.User)?.MeetingId.ToString() != asked)
            return Problems.Problem(StatusCodes.Status403Forbidden, ApiErrorCodes.WrongMeeting, "Your access is for another meeting.");
        return await next(context);
    }

    /// <summary>Minutes pages run no script and load nothing; they are private to the meeting, so never cached.</summary>
    private static IResult File(HttpContext http, MinutesFile file)
    {
        var headers = http.Response.Headers;
        headers.CacheControl = "no-store";
        headers.XContentTypeOptions = "nosniff";
        if (file.ContentType.StartsWith("text/html", StringComparison.Ordinal))
            headers.ContentSecurityPolicy = MinutesRenderer.ContentSecurityPolicy;
        return file.DownloadName is { } name
            ? TypedResults.File(Encoding.UTF8.GetBytes(file.Content), file.ContentType, name)
            : TypedResults.Text(file.Content, file.ContentType, Encoding.UTF8);
    }
}
