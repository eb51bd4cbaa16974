using ForumHub.Domain.Meetings;

namespace ForumHub.Api.Runtime;

/// <summary>
/// The one writer of one live meeting on this node: the aggregate in memory, the results of commands
/// already applied (for idempotent repeats), and a gate so commands apply one at a time.
/// </summary>
public sealed class MeetingHost(Guid meetingId)
{
    public Guid MeetingId { get; } = meetingId;
    public SemaphoreSlim Gate { get; } = new(1, 1);
    public Meeting? Meeting { get; private set; }
    public Dictionary<Guid, string> AppliedCommands { get; } = [];
    public long LastUsedTicks { get; set; }

    public void Load(Meeting meeting, IEnumerable<KeyValuePair<Guid, string>> applied)
    {
        Meeting = meeting;
        AppliedCommands.Clear();
        foreach (var (id, result) in applied) AppliedCommands[id] = result;
    }

    /// <summary>Forget the in-memory copy (after a failed write) so the next command reloads it from PostgreSQL.</summary>
    public void Evict()
    {
        Meeting = null;
        AppliedCommands.Clear();
    }
}
