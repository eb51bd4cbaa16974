namespace ForumHub.Domain.Rules;

/// <summary>
/// One named rule check. A rule is "broken" when the command must not go ahead;
/// its code is stable (clients switch on it) and its message is in plain words.
/// </summary>
public readonly record struct BusinessRule(string Code, string Message, bool IsBroken)
{
    public static BusinessRule When(bool broken, string code, string message) => new(code, message, broken);
}

/// <summary>Thrown before any state changes, so a refused command leaves the meeting as it was.</summary>
public sealed class BusinessRuleBrokenException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
