using System.Collections.Concurrent;

namespace ForumHub.Api.Cluster;

/// <summary>
/// The other nodes that hold connections of each meeting whose grain is on this node. A subscription lapses unless
/// renewed (<see cref="NodeFanout"/> renews every <see cref="NodeFanout.RenewEvery"/>), so a dead node drops out by itself.
/// </summary>
public sealed class MeetingSubscribers
{
    private static readonly long LapseAfterMs = (long)(NodeFanout.RenewEvery * 3.5).TotalMilliseconds;
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<string, (IMeetingFanout Fanout, long Until)>> _byMeeting = new();

    public void Activated(Guid meetingId) => _byMeeting.TryAdd(meetingId, new());

    public void Deactivated(Guid meetingId) => _byMeeting.TryRemove(meetingId, out _);

    /// <summary>True when the meeting's grain is active on this node.</summary>
    public bool IsWrittenHere(Guid meetingId) => _byMeeting.ContainsKey(meetingId);

    public void Subscribe(Guid meetingId, string node, IMeetingFanout fanout)
    {
        if (_byMeeting.TryGetValue(meetingId, out var nodes)) nodes[node] = (fanout, Environment.TickCount64 + LapseAfterMs);
    }

    /// <summary>The live subscribers of the meeting except one node; lapsed ones are dropped on the way.</summary>
    public List<IMeetingFanout> Of(Guid meetingId, string? except)
    {
        var found = new List<IMeetingFanout>();
        if (!_byMeeting.TryGetValue(meetingId, out var nodes) || nodes.IsEmpty) return found;
        var now = Environment.TickCount64;
        foreach (var (node, (fanout, until)) in nodes)
        {
            if (until < now) nodes.TryRemove(node, out _);
            else if (node != except) found.Add(fanout);
        }
        return found;
    }
}
