using ForumHub.Api.Runtime;
using ForumHub.Domain.Meetings;

namespace ForumHub.Api.Features.Review;

/// <summary>The facilitator ends the review; the two questions come next.</summary>
public sealed record FinishReview : MeetingCommand;

public sealed class FinishReviewHandler(MeetingRuntime runtime, IIdSource ids) : MeetingCommandHandler<FinishReview>(runtime, ids)
{
    protected override Guid? Decide(Meeting meeting, FinishReview c, DateTimeOffset now, Guid newId)
    {
        meeting.FinishReview(c.Caller.ParticipantId, now);
        return null;
    }
}
