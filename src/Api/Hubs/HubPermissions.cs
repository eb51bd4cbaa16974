using ForumHub.Api.Access;
using ForumHub.Domain.Meetings;

namespace ForumHub.Api.Hubs;

/// <summary>
/// Who may call which hub method: the hub rows of the one access table (Access/AccessTable.cs, which also covers
/// every HTTP endpoint). MeetingHubFilter enforces it on every call, before the domain's own rules run; a method
/// missing there is refused for everyone.
/// </summary>
public static class HubPermissions
{
    public static IReadOnlyDictionary<string, Role[]> ByMethod { get; } = AccessTable.Rules
        .Where(r => r.Key.StartsWith(AccessTable.HubPrefix, StringComparison.Ordinal))
        .ToDictionary(r => r.Key[AccessTable.HubPrefix.Length..],
            r => Enum.GetValues<Role>().Where(role => r.Value.Contains(AccessTable.WhoOf(role))).ToArray());

    public static bool Allows(string method, Role role) => AccessTable.AllowsHub(method, role);
}
