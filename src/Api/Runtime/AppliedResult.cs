using System.Text.Json;
using ForumHub.Api.Infrastructure;

namespace ForumHub.Api.Runtime;

/// <summary>
/// How a command's result is remembered for repeats: with the command's name, so that a client reusing a
/// commandId for a different command gets duplicate_command_id instead of someone else's answer.
/// </summary>
public static class AppliedResult
{
    private sealed record Stored(string Command, JsonElement Result);

    public static string Write<T>(string command, T result) =>
        JsonSerializer.Serialize(new Stored(command, JsonSerializer.SerializeToElement(result, ForumJson.Options)), ForumJson.Options);

    public static string CommandOf(string json) => JsonSerializer.Deserialize<Stored>(json, ForumJson.Options)!.Command;

    public static T Read<T>(string json, string command)
    {
        var stored = JsonSerializer.Deserialize<Stored>(json, ForumJson.Options)!;
        if (stored.Command != command)
            throw new CommandException(ApiErrorCodes.DuplicateCommandId,
                "This commandId was already used for something else. Please send a new one.", 409);
        return stored.Result.Deserialize<T>(ForumJson.Options)!;
    }
}
