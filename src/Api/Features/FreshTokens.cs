using ForumHub.Api.Access;
using ForumHub.Api.Persistence;
using ForumHub.Domain.Meetings;

namespace ForumHub.Api.Features;

/// <summary>
/// Access tokens are shown once and stored only as hashes, so whoever needs access again (a repeated join or create
/// whose answer was lost, a facilitator back at the console) gets new tokens for the same people.
/// </summary>
public static class FreshTokens
{
    /// <summary>Issues a token for each person, adds the rows to the unit of work (the caller saves), and returns the tokens in order.</summary>
    public static string[] IssueInto(this AccessTokens tokens, ForumDbContext db, Guid meetingId, params (Guid ParticipantId, Role Role)[] people)
    {
        var issued = people.Select(p => tokens.Issue(meetingId, p.ParticipantId, p.Role)).ToList();
        db.AccessTokens.AddRange(issued.Select(i => i.Row));
        return issued.Select(i => i.Token).ToArray();
    }
}
