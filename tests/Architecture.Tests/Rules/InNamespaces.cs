using Mono.Cecil;
using NetArchTest.Rules;

namespace ForumHub.Architecture.Tests.Rules;

/// <summary>
/// Selects the types declared in any of the given namespaces or below them, a nested type by its outermost type's
/// namespace. NetArchTest's own ResideInNamespace compares the start of the name as text ("Runtime" would also take
/// "RuntimeTools") and sees no namespace on a nested internal type, so the rules select with this instead.
/// </summary>
public sealed class InNamespaces(IEnumerable<string> namespaces) : ICustomRule
{
    private readonly string[] _namespaces = [.. namespaces];

    public InNamespaces(params string[] namespaces) : this((IEnumerable<string>)namespaces) { }

    public bool MeetsRule(TypeDefinition type)
    {
        var name = NamespaceOf(type);
        return _namespaces.Any(n => IsWithin(name, n));
    }

    public static string NamespaceOf(TypeDefinition type)
    {
        while (type.DeclaringType is { } outer) type = outer;
        return type.Namespace;
    }

    public static bool IsWithin(string? name, string ns) =>
        name is not null && (name == ns || name.StartsWith(ns + ".", StringComparison.Ordinal));
}

/// <summary>Selects every type outside the given namespaces (and their sub-namespaces), top-level program code included.</summary>
public sealed class OutsideNamespaces(IEnumerable<string> namespaces) : ICustomRule
{
    private readonly string[] _namespaces = [.. namespaces];

    public bool MeetsRule(TypeDefinition type) =>
        !_namespaces.Any(n => InNamespaces.IsWithin(InNamespaces.NamespaceOf(type), n));
}
