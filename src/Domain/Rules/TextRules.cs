using System.Text;

namespace ForumHub.Domain.Rules;

public static class TextRules
{
    public const string InvalidCharacterMessage = "There is a character in the text that we cannot save. Please delete it and try again.";

    /// <summary>
    /// Refuses what PostgreSQL cannot store (NUL, half a surrogate pair: text_invalid_character, so a pasted NUL gets a
    /// clear answer instead of a failed write), drops other control characters no one can type or read, trims the text
    /// and checks it is neither empty nor over the limit; returns the cleaned text.
    /// </summary>
    public static string Clean(string? text, int maxLength, string what = "text")
    {
        RequireStorable(text);
        var trimmed = WithoutUnprintable(text ?? "").Trim();
        if (trimmed.Length == 0)
            throw new BusinessRuleBrokenException(ErrorCodes.TextEmpty, $"Please write the {what}. It is empty.");
        if (trimmed.Length > maxLength)
            throw new BusinessRuleBrokenException(ErrorCodes.TextTooLong,
                $"The {what} is too long. Please use {maxLength} letters or fewer.");
        return trimmed;
    }

    /// <summary>Optional short text such as a picture name: null or blank means none.</summary>
    public static string? CleanOptional(string? text, int maxLength, string what)
    {
        RequireStorable(text);
        return string.IsNullOrWhiteSpace(text) || WithoutUnprintable(text).Trim().Length == 0 ? null : Clean(text, maxLength, what);
    }

    /// <summary>
    /// True when PostgreSQL can store the text: no NUL (text and jsonb refuse it) and no half surrogate pair (not
    /// valid UTF-8). The Api checks every string of every request with this at its boundary; the domain checks again.
    /// </summary>
    public static bool IsStorable(string? text)
    {
        if (text is null) return true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0') return false;
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1])) return false;
                i++;
            }
            else if (char.IsLowSurrogate(c)) return false;
        }
        return true;
    }

    public static void RequireStorable(string? text)
    {
        if (!IsStorable(text)) throw new BusinessRuleBrokenException(ErrorCodes.TextInvalidCharacter, InvalidCharacterMessage);
    }

    /// <summary>The text without control characters (tabs and line breaks stay) and without unpaired surrogates.</summary>
    public static string WithoutUnprintable(string text)
    {
        var i = 0;
        while (i < text.Length && Keep(text, i)) i++;
        if (i == text.Length) return text; // the usual case: nothing to drop, no copy
        var kept = new StringBuilder(text.Length).Append(text, 0, i);
        for (; i < text.Length; i++)
            if (Keep(text, i)) kept.Append(text[i]);
        return kept.ToString();
    }

    private static bool Keep(string text, int i)
    {
        var c = text[i];
        if (char.IsControl(c)) return c is '\t' or '\n' or '\r';
        if (char.IsHighSurrogate(c)) return i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
        if (char.IsLowSurrogate(c)) return i > 0 && char.IsHighSurrogate(text[i - 1]);
        return true;
    }
}
