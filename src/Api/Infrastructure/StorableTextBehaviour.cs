using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using ForumHub.Api.Runtime;
using ForumHub.Domain.Rules;
using MediatR;

namespace ForumHub.Api.Infrastructure;

/// <summary>
/// The one boundary check for text: every MediatR request (each hub command and each HTTP endpoint's request alike)
/// has each of its strings, nested ones and list items included, checked before its handler runs. A NUL or half a
/// surrogate pair (pasted from somewhere, or sent by a broken client) is refused with 400 text_invalid_character
/// instead of reaching PostgreSQL, which cannot store it and would answer with a failed write (a 500). The domain's
/// TextRules check the same rule again for its own fields.
/// </summary>
public sealed class StorableTextBehaviour<TRequest, TResponse> : IPipelineBehavior<TRequest, TResponse>
{
    public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (StorableText.FirstUnstorable(request) is { } field)
            throw new CommandException(ErrorCodes.TextInvalidCharacter, TextRules.InvalidCharacterMessage, StatusCodes.Status400BadRequest)
            {
                Data = { ["field"] = field },
            };
        return next();
    }
}

/// <summary>Walks a request's public properties (records, lists, dictionaries) for text PostgreSQL cannot store.</summary>
public static class StorableText
{
    private const int MaxDepth = 6;
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Properties = new();

    /// <summary>The name of the first property holding text that cannot be stored, or null when all of it can.</summary>
    public static string? FirstUnstorable(object? value, string path = "request", int depth = 0)
    {
        switch (value)
        {
            case null:
                return null;
            case string text:
                return TextRules.IsStorable(text) ? null : path;
            case IDictionary dictionary:
                foreach (DictionaryEntry entry in dictionary)
                    if ((FirstUnstorable(entry.Key, path, depth + 1) ?? FirstUnstorable(entry.Value, path, depth + 1)) is { } found) return found;
                return null;
            case IEnumerable list:
                foreach (var element in list)
                    if (FirstUnstorable(element, path, depth + 1) is { } found) return found;
                return null;
        }
        var type = value.GetType();
        if (depth >= MaxDepth || type.IsPrimitive || type.IsEnum || value is Guid or DateOnly or DateTimeOffset or DateTime or decimal) return null;
        foreach (var property in Properties.GetOrAdd(type, Readable))
            if (FirstUnstorable(property.GetValue(value), property.Name, depth + 1) is { } found) return found;
        return null;
    }

    // Only types that can carry a client's text: ForumHub's own records, and the framework's key-value pairs.
    private static PropertyInfo[] Readable(Type type) =>
        type.Namespace?.StartsWith("ForumHub", StringComparison.Ordinal) == true || type.IsGenericType && type.GetGenericTypeDefinition() == typeof(KeyValuePair<,>)
            ? type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanRead && p.GetIndexParameters().Length == 0).ToArray()
            : [];
}
