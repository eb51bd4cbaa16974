using System.Text.Json;
using ForumHub.Api.Infrastructure;
using ForumHub.Domain.Meetings;

namespace ForumHub.Api.Persistence;

/// <summary>Stores each domain event as JSON under its type name (the name is part of the stored contract).</summary>
public static class EventSerializer
{
    private static readonly Dictionary<string, Type> TypesByName = typeof(IMeetingEvent).Assembly.GetTypes()
        .Where(t => t.IsClass && typeof(IMeetingEvent).IsAssignableFrom(t))
        .ToDictionary(TypeName);

    public static IReadOnlyCollection<string> KnownTypes => TypesByName.Keys;

    /// <summary>camelCase name of the event type, e.g. "ballotCast".</summary>
    public static string TypeName(Type type) => char.ToLowerInvariant(type.Name[0]) + type.Name[1..];

    public static string Serialize(IMeetingEvent e) => JsonSerializer.Serialize(e, e.GetType(), ForumJson.Options);

    public static IMeetingEvent Deserialize(string type, string payload) =>
        TypesByName.TryGetValue(type, out var clrType)
            ? (IMeetingEvent)JsonSerializer.Deserialize(payload, clrType, ForumJson.Options)!
            : throw new InvalidOperationException($"Unknown stored event type '{type}'.");
}
