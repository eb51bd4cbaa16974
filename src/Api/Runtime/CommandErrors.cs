namespace ForumHub.Api.Runtime;

/// <summary>An expected failure outside the domain's rules (unknown meeting, bad request, storage down).</summary>
public class CommandException(string code, string message, int httpStatus = 400, bool retriable = false) : Exception(message)
{
    public string Code { get; } = code;
    public int HttpStatus { get; } = httpStatus;
    /// <summary>True when the same command (same commandId) may simply be sent again.</summary>
    public bool Retriable { get; } = retriable;
}

public static class ApiErrorCodes
{
    public const string MeetingNotFound = "meeting_not_found";
    public const string InvalidRequest = "invalid_request";
    public const string CommandIdRequired = "command_id_required";
    public const string DuplicateCommandId = "duplicate_command_id";
    public const string Conflict = "conflict";
    public const string StorageUnavailable = "storage_unavailable";
    /// <summary>PostgreSQL refused the command's data itself: sending the same command again would be refused again.</summary>
    public const string StorageRefused = "storage_refused";
    public const string CodeUnknown = "code_unknown";
    public const string CodeClosed = "code_closed";
    public const string RoleNotAllowedForCode = "role_not_allowed_for_code";
    public const string Unauthenticated = "unauthenticated";
    public const string WrongMeeting = "wrong_meeting";
    public const string NotAllowed = "not_allowed";
    public const string RateLimited = "rate_limited";
}
