using System.Text;

namespace ForumHub.Domain.Rules;

public static class TextRules
{
    /// <summary>
    /// Drops what no one can type or read and PostgreSQL cannot store (NUL, other control characters, half a surrogate
    /// pair), trims the text and checks it is neither empty nor over the limit; returns the cleaned text.
    /// </summary>
    public static string Clean(string? text, int maxLength, string what = "text")
    {
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
        => string.IsNullOrWhiteSpace(text) || WithoutUnprintable(text).Trim().Length == 0 ? null : Clean(text, maxLength, what);

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
