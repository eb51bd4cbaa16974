namespace ForumHub.Api.Runtime;

/// <summary>
/// The system clock cut to whole microseconds, PostgreSQL's precision: a time sent live and the same time read
/// back later from the database are then exactly equal, so clients never see one event with two times.
/// </summary>
public sealed class StoredPrecisionClock : TimeProvider
{
    public override DateTimeOffset GetUtcNow()
    {
        var now = System.GetUtcNow();
        return new DateTimeOffset(now.Ticks - now.Ticks % 10, TimeSpan.Zero);
    }
}
