using ForumHub.Api.Access;
using ForumHub.Api.Audit;
using ForumHub.Api.Persistence;
using ForumHub.Api.Runtime;
using ForumHub.Domain.Meetings;
using Microsoft.EntityFrameworkCore;

namespace ForumHub.Api.Features.Privacy;

/// <summary>
/// What an erasure hook gets: the open unit of work (its transaction is running), who is being erased, and the texts
/// of theirs that were removed from the events (their answers to "Why are you here?").
/// </summary>
public sealed record ErasureContext(ForumDbContext Db, Guid MeetingId, Guid ParticipantId, Role Role, string OldName, string NewName,
    IReadOnlyList<string> RemovedTexts);

/// <summary>
/// Another store that keeps a person's name (e.g. stored minutes) implements this and is registered as a service;
/// every erasure calls it inside the same transaction, so the name goes everywhere or nowhere.
/// </summary>
public interface IPersonalDataEraser
{
    Task EraseAsync(ErasureContext context, CancellationToken ct);
}

/// <summary>
/// Erasure on request (UK GDPR art. 17). Events are the source of truth, so the stored events are rewritten: the
/// person's ParticipantJoined carries "A member" (or "A supporter", ...) and no picture, their answers to "Why are
/// you here?" (about them, not the forum's business) become "Removed on request.". The participants row follows,
/// their tokens are deleted and their connections closed. Ballots stay: the counts do not change, and nothing links
/// them to a name any more. Agenda items, decisions and actions stay as the forum's record, now without the name.
/// </summary>
public sealed class PersonalDataEraser(
    IServiceScopeFactory scopes, MeetingRuntime runtime, AccessWithdrawal access, AuditLog audit, IEnumerable<IPersonalDataEraser> hooks,
    ILogger<PersonalDataEraser> log)
{
    public const string RemovedText = "Removed on request.";

    public static string Placeholder(Role role) => role switch
    {
        Role.Member => "A member",
        Role.Supporter => "A supporter",
        Role.Listener => "A listener",
        Role.Facilitator => "A facilitator",
        _ => "Shared screen",
    };

    public sealed record Requester(Guid? AccountId, Guid? OrganisationId, Guid? ParticipantId, string? Address);

    public async Task<string> EraseAsync(Guid meetingId, Guid participantId, Requester by, CancellationToken ct)
    {
        string? newName = null;
        await runtime.ExclusiveAsync(meetingId, async token =>
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ForumDbContext>();
            var person = await db.Participants.AsNoTracking().FirstOrDefaultAsync(p => p.Id == participantId && p.MeetingId == meetingId, token)
                ?? throw new CommandException(Domain.Rules.ErrorCodes.ParticipantNotFound, "We could not find this person in this meeting.", StatusCodes.Status404NotFound);
            var role = Enum.Parse<Role>(person.Role);
            newName = Placeholder(role);
            await using var tx = await db.Database.BeginTransactionAsync(token);
            var removedTexts = await EventRewriter.AnswersOfAsync(db, meetingId, participantId, Question.WhyAreYouHere, token);
            await EventRewriter.RenameAsync(db, meetingId, participantId, newName, token);
            await EventRewriter.ReplaceAnswersAsync(db, meetingId, participantId, Question.WhyAreYouHere, RemovedText, token);
            await db.Participants.Where(p => p.Id == participantId)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.DisplayName, newName).SetProperty(p => p.Picture, (string?)null), token);
            await db.AccessTokens.Where(t => t.ParticipantId == participantId).ExecuteDeleteAsync(token);
            var context = new ErasureContext(db, meetingId, participantId, role, person.DisplayName, newName, removedTexts);
            foreach (var hook in hooks) await hook.EraseAsync(context, token);
            audit.Add(db, new AuditLog.Entry("privacy.erased", by.OrganisationId, by.AccountId, meetingId, by.ParticipantId, participantId.ToString(), by.Address));
            await db.SaveChangesAsync(token);
            await tx.CommitAsync(token);
        }, ct);
        access.Withdraw(meetingId, participantId, "erased on request");
        log.LogInformation("Erased participant {ParticipantId} of meeting {MeetingId}", participantId, meetingId);
        return newName!;
    }
}
