namespace ForumHub.Domain.Rules;

public static class TextRules
{
    /// <summary>Trims the text and checks it is neither empty nor over the limit; returns the trimmed text.</summary>
    public static string Clean(string? text, int maxLength, string what = "text")
    {
        var trimmed = (text ?? "").Trim();
        if (trimmed.Length == 0)
            throw new BusinessRuleBrokenException(ErrorCodes.TextEmpty, $"Please write the {what}. It is empty.");
        if (trimmed.Length > maxLength)
            throw new BusinessRuleBrokenException(ErrorCodes.TextTooLong,
                $"The {what} is too long. Please use {maxLength} letters or fewer.");
        return trimmed;
    }

    /// <summary>Optional short text such as a picture name: null or blank means none.</summary>
    public static string? CleanOptional(string? text, int maxLength, string what)
        => string.IsNullOrWhiteSpace(text) ? null : Clean(text, maxLength, what);
}
