using ForumHub.Api.Runtime;
using ForumHub.Domain.Meetings;

namespace ForumHub.Api.Features.Polls;

/// <summary>Opens a vote. No options means Yes / No / Not sure. Secret and HandCount are fixed from here on.</summary>
public sealed record OpenPoll(Guid? ItemId, string Question, IReadOnlyList<OptionInput>? Options, bool Secret, bool HandCount) : MeetingCommand;

public sealed record OptionInput(string Label, string? Picture);

public sealed class OpenPollHandler(MeetingRuntime runtime, IIdSource ids) : MeetingCommandHandler<OpenPoll>(runtime, ids)
{
    protected override Guid? Decide(Meeting meeting, OpenPoll c, DateTimeOffset now, Guid newId) =>
        meeting.OpenPoll(c.Caller.ParticipantId, newId, c.ItemId, c.Question,
            c.Options?.Select(o => (o?.Label ?? "", o?.Picture)).ToList(), c.Secret,
            c.HandCount ? PollMode.HandCount : PollMode.Devices, now).Id;
}
