namespace ForumHub.Api.Features.Forums;

public static class ForumInsightErrorCodes
{
    public const string SearchWordsNeeded = "search_words_needed";
    public const string SearchTooLong = "search_too_long";
    public const string SearchWordsTooCommon = "search_words_too_common";
    public const string PeriodInvalid = "period_invalid";
}
