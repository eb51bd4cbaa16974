using System.Text.Json;
using ForumHub.Api.Infrastructure;

namespace ForumHub.Api.Runtime;

/// <summary>
/// How a command's result is remembered for repeats: with the command's name and who sent it, so that a client
/// reusing a commandId for a different command, or another person's commandId, gets duplicate_command_id instead of
/// someone else's answer.
/// </summary>
public static class AppliedResult
{
    /// <param name="Actor">The participant who sent the command; null for anonymous commands (a join) and for results
    /// stored before the actor was kept here.</param>
    private sealed record Stored(string Command, JsonElement Result, Guid? Actor = null);

    public static string Write<T>(string command, T result, Guid? actor = null) =>
        JsonSerializer.Serialize(new Stored(command, JsonSerializer.SerializeToElement(result, ForumJson.Options), actor), ForumJson.Options);

    public static string CommandOf(string json) => JsonSerializer.Deserialize<Stored>(json, ForumJson.Options)!.Command;

    /// <summary>The remembered result, for a repeat of the same command by the same person (or of an anonymous one).</summary>
    public static T Read<T>(string json, string command, Guid? actor = null)
    {
        var stored = JsonSerializer.Deserialize<Stored>(json, ForumJson.Options)!;
        if (stored.Command != command || (stored.Actor is { } sender && sender != actor))
            throw new CommandException(ApiErrorCodes.DuplicateCommandId,
                "This commandId was already used for something else. Please send a new one.", 409);
        return stored.Result.Deserialize<T>(ForumJson.Options)!;
    }
}
