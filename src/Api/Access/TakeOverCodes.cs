using System.Security.Cryptography;
using System.Text;
using ForumHub.Api.Persistence;
using ForumHub.Api.Runtime;
using ForumHub.Domain.Meetings;
using ForumHub.Domain.Rules;
using Microsoft.EntityFrameworkCore;

namespace ForumHub.Api.Access;

/// <summary>
/// Take-over codes: 7 characters from the keypad alphabet, so they never get mixed up with a member code
/// (6) or a listener code (8) and go in the same join box. One use, and only the newest one for a member works (the
/// domain checks both); only their SHA-256 is stored, in the event and in take_over_codes.
/// </summary>
public sealed class TakeOverCodes(ForumDbContext db)
{
    public const int Length = 7;

    public sealed record Found(Guid MeetingId, Guid ParticipantId, string CodeHash);

    public static bool IsTakeOverCode(string? code) => JoinCodes.Normalize(code).Length == Length;

    public static string New() => JoinCodes.New(Length);

    /// <summary>SHA-256 (upper-case hex) of the code as typed, without spaces or dashes and in capitals.</summary>
    public static string Hash(string? code) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(JoinCodes.Normalize(code))));

    public static CommandException Used() =>
        new(ErrorCodes.CodeUsed, "This code has been used. Please ask the facilitator for a new code.", 410);

    /// <summary>
    /// The member and meeting behind a code; refuses unknown (404), closed-meeting (410) and, unless
    /// <paramref name="refuseUsed"/> is false (a join repeated after a lost answer), used (410) codes.
    /// </summary>
    public async Task<Found> FindAsync(string? code, CancellationToken ct, bool refuseUsed = true)
    {
        var hash = Hash(code);
        var row = await (from c in db.TakeOverCodes
                         join m in db.Meetings on c.MeetingId equals m.Id
                         where c.CodeHash == hash
                         select new { c.MeetingId, c.ParticipantId, c.UsedAt, m.Phase }).AsNoTracking().FirstOrDefaultAsync(ct)
            ?? throw new CommandException(ApiErrorCodes.CodeUnknown, "We do not know this code. Please check it and try again.", 404);
        if (row.Phase == nameof(Phase.Closed))
            throw new CommandException(ApiErrorCodes.CodeClosed, "This meeting has finished. The code does not work any more.", 410);
        if (row.UsedAt is not null && refuseUsed) throw Used();
        return new Found(row.MeetingId, row.ParticipantId, hash);
    }
}
