using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using ForumHub.Domain.Meetings;

namespace ForumHub.Api.Telemetry;

/// <summary>The open hub connections of this node, by id, with their meeting and role: read when metrics are collected.</summary>
public sealed class LiveConnections
{
    private readonly ConcurrentDictionary<string, (Guid MeetingId, Role Role)> _open = new();

    public void Opened(string connectionId, Guid meetingId, Role role) => _open[connectionId] = (meetingId, role);

    public void Closed(string connectionId) => _open.TryRemove(connectionId, out _);

    public int LiveMeetings() => _open.Values.Select(c => c.MeetingId).Distinct().Count();

    /// <summary>Every role, zeros included, so a dashboard sees "0 screens" rather than a missing series.</summary>
    public IEnumerable<Measurement<int>> ByRole()
    {
        var counts = _open.Values.GroupBy(c => c.Role).ToDictionary(g => g.Key, g => g.Count());
        foreach (var role in Enum.GetValues<Role>())
            yield return new Measurement<int>(counts.GetValueOrDefault(role), new KeyValuePair<string, object?>("role", role.ToString().ToLowerInvariant()));
    }
}
