using System.Text.RegularExpressions;

namespace ForumHub.Api.Features.Minutes.Writing;

/// <summary>A problem found in one sentence of text, with the words that caused it.</summary>
public sealed record TextProblem(int Rule, string Check, string Message, string Found);

/// <summary>
/// The sentence-level Easy Read rules (2, 7, 8, 9 of docs/easy-read.md) as plain functions. The checker runs them on every
/// line; the generator runs them on user text to decide whether it can sit inside a sentence or must be quoted.
/// </summary>
public static partial class EasyReadRules
{
    public const string Semicolons = "no-semicolons";
    public const string AllCaps = "no-all-caps";
    public const string Digits = "numbers-as-digits";
    public const string FullDates = "dates-in-full";
    public const string Percentages = "no-percentages";
    public const string Abbreviations = "abbreviations-explained";

    private static readonly HashSet<string> NumberWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen",
        "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
        "eighty", "ninety", "hundred", "thousand", "million", "billion",
    };

    /// <summary>Every problem in the text, given the abbreviations the minutes explain (null: every known one).</summary>
    public static IReadOnlyList<TextProblem> ProblemsIn(string text, IReadOnlySet<string>? explained = null)
    {
        var problems = new List<TextProblem>();
        if (text.Contains(';'))
            problems.Add(new(2, Semicolons, "There is a semicolon. Use 2 sentences instead.", ";"));
        foreach (var word in EasyReadText.Words(text))
        {
            if (NumberWords.Contains(word))
                problems.Add(new(8, Digits, $"\"{word}\" is a number in words. Write it as digits.", word));
            if (!IsCaps(word)) continue;
            var known = explained?.Contains(word) ?? Glossary.Knows(word);
            if (known) continue;
            problems.Add(word.Length <= 5
                ? new(9, Abbreviations, $"\"{word}\" looks like an abbreviation. Explain it in \"Words we used\".", word)
                : new(7, AllCaps, $"\"{word}\" is in capital letters. Use small letters.", word));
        }
        foreach (Match m in NumericDate().Matches(text))
            problems.Add(new(8, FullDates, $"\"{m.Value}\" is a date in numbers. Write it like Tuesday 3 March 2026.", m.Value));
        foreach (Match m in Ordinal().Matches(text))
            problems.Add(new(8, FullDates, $"\"{m.Value}\" has an ordinal. Write dates like Tuesday 3 March 2026.", m.Value));
        foreach (Match m in ShortName().Matches(text))
            problems.Add(new(8, FullDates, $"\"{m.Value}\" is short for a day or month. Write it in full.", m.Value));
        foreach (Match m in DayMonth().Matches(text))
            if (!IsFullDate(m))
                problems.Add(new(8, FullDates, $"\"{m.Value.Trim()}\" is not a full date. Write it like Tuesday 3 March 2026.", m.Value.Trim()));
        foreach (Match m in MonthDay().Matches(text))
            problems.Add(new(8, FullDates, $"\"{m.Value}\" is not a full date. Write it like Tuesday 3 March 2026.", m.Value));
        foreach (Match m in Percent().Matches(text))
            problems.Add(new(8, Percentages, $"\"{m.Value}\" is a percentage. Say how many people instead.", m.Value));
        return problems;
    }

    /// <summary>All capital letters, 2 letters or more ("NHS", "PLEASE"); "I" and "A" are ordinary words.</summary>
    public static bool IsCaps(string word) =>
        word.Count(char.IsLetter) >= 2 && word.All(c => !char.IsLetter(c) || char.IsUpper(c)) && word.Any(char.IsLetter);

    private static bool IsFullDate(Match m) =>
        m.Groups["weekday"].Success && m.Groups["year"].Success;

    [GeneratedRegex(@"\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b|\b\d{4}-\d{1,2}-\d{1,2}\b|\b\d{1,2}[.\-]\d{1,2}[.\-]\d{2,4}\b")]
    private static partial Regex NumericDate();

    [GeneratedRegex(@"\b\d{1,2}(?:st|nd|rd|th)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Ordinal();

    [GeneratedRegex(@"\b(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b\.?(?=\s+\d)|(?<=\d\s+)(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b")]
    private static partial Regex ShortName();

    [GeneratedRegex(@"(?:(?<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s+)?\b\d{1,2}\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\b(?:\s+(?<year>\d{4}))?")]
    private static partial Regex DayMonth();

    [GeneratedRegex(@"\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2}\b(?!\d)")]
    private static partial Regex MonthDay();

    [GeneratedRegex(@"\d+(?:\.\d+)?\s*%|%|\bper\s*cent\b|\bpercent(?:age)?s?\b", RegexOptions.IgnoreCase)]
    private static partial Regex Percent();
}
