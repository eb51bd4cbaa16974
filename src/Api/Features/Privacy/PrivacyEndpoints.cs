using ForumHub.Api.Access;
using ForumHub.Api.Audit;
using ForumHub.Api.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ForumHub.Api.Features.Privacy;

/// <summary>
/// A person's own data (/api/me, with their access token) and the same on request through a facilitator of the
/// meeting's organisation. Who may call each is in Access/AccessTable.cs.
/// </summary>
public static class PrivacyEndpoints
{
    public static void MapPrivacy(this IEndpointRouteBuilder routes)
    {
        var me = routes.MapGroup("/api/me").WithTags("Privacy").AddEndpointFilter(Problems.Filter);
        me.MapGet("/export", async Task<Ok<PersonalDataExport>> (HttpContext http, IMediator mediator, CancellationToken ct) =>
        {
            var caller = AccessGrant.TokenOf(http);
            return TypedResults.Ok(await mediator.Send(new ExportPersonalData(caller.MeetingId, caller.ParticipantId, ShowSecretVotes: true), ct));
        });
        me.MapGet("/export/easy-read", async Task<ContentHttpResult> (HttpContext http, IMediator mediator, CancellationToken ct) =>
        {
            var caller = AccessGrant.TokenOf(http);
            return EasyRead(http, await mediator.Send(new ExportPersonalData(caller.MeetingId, caller.ParticipantId, ShowSecretVotes: true), ct));
        });
        me.MapPost("/erase", async Task<Ok<PersonalDataErased>> (HttpContext http, IMediator mediator, CancellationToken ct) =>
        {
            var caller = AccessGrant.TokenOf(http);
            return TypedResults.Ok(await mediator.Send(new ErasePersonalData(caller.MeetingId, caller.ParticipantId,
                new PersonalDataEraser.Requester(null, null, caller.ParticipantId, AuditLog.AddressOf(http))), ct));
        });

        var person = routes.MapGroup("/api/meetings/{meetingId:guid}/participants/{participantId:guid}").WithTags("Privacy")
            .AddEndpointFilter(Problems.Filter);
        person.MapGet("/export", async Task<Ok<PersonalDataExport>> (
            Guid meetingId, Guid participantId, HttpContext http, IMediator mediator, AuditLog audit, CancellationToken ct) =>
            TypedResults.Ok(await StaffExportAsync(meetingId, participantId, http, mediator, audit, ct)));
        person.MapGet("/export/easy-read", async Task<ContentHttpResult> (
            Guid meetingId, Guid participantId, HttpContext http, IMediator mediator, AuditLog audit, CancellationToken ct) =>
            EasyRead(http, await StaffExportAsync(meetingId, participantId, http, mediator, audit, ct)));
        person.MapPost("/erase", async Task<Ok<PersonalDataErased>> (Guid meetingId, Guid participantId, HttpContext http, IMediator mediator, CancellationToken ct) =>
        {
            var account = AccessGrant.AccountOf(http);
            return TypedResults.Ok(await mediator.Send(new ErasePersonalData(meetingId, participantId,
                new PersonalDataEraser.Requester(account.AccountId, account.OrganisationId, null, AuditLog.AddressOf(http))), ct));
        });
    }

    private static async Task<PersonalDataExport> StaffExportAsync(Guid meetingId, Guid participantId, HttpContext http, IMediator mediator,
        AuditLog audit, CancellationToken ct)
    {
        var account = AccessGrant.AccountOf(http);
        var export = await mediator.Send(new ExportPersonalData(meetingId, participantId, ShowSecretVotes: false), ct);
        await audit.WriteAsync(new AuditLog.Entry("privacy.exported", account.OrganisationId, account.AccountId, meetingId,
            Target: participantId.ToString(), Address: AuditLog.AddressOf(http)), ct);
        return export;
    }

    private static ContentHttpResult EasyRead(HttpContext http, PersonalDataExport export)
    {
        http.Response.Headers.ContentSecurityPolicy = EasyReadExportPage.ContentSecurityPolicy;
        return TypedResults.Content(EasyReadExportPage.Render(export), "text/html; charset=utf-8");
    }
}
