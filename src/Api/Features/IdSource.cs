namespace ForumHub.Api.Features;

/// <summary>
/// Where the ids of new things come from (meetings, people, items, votes, ...). The domain takes them from its caller
/// the way it takes the time, so a test can hand it a fixed sequence and get the same meeting every run.
/// </summary>
public interface IIdSource
{
    Guid NewId();
}

/// <summary>Random version 4 UUIDs: nobody can guess the id of something they have not been shown.</summary>
public sealed class RandomIds : IIdSource
{
    public Guid NewId() => Guid.NewGuid();
}
