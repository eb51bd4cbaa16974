using Orleans.Concurrency;

namespace ForumHub.Api.Cluster;

/// <summary>
/// The meeting's single writer in the cluster, keyed by the meeting's id. Orleans keeps one activation of it, places
/// it on the node of its first caller and moves it when that node dies; PostgreSQL stays the only truth (the version
/// check fences a second activation's appends).
/// </summary>
public interface IMeetingGrain : IGrainWithGuidKey
{
    /// <summary>Runs a live command of this meeting here, through the node's meeting runtime.</summary>
    Task<RoutedReply> Execute(RoutedCommand command);

    /// <summary>A node that holds connections of this meeting asks for its committed events (renewed every few seconds).</summary>
    /// <param name="silo">Where that node is: a grain whose own node holds no connection of the meeting moves there.</param>
    Task Subscribe(string node, SiloAddress silo, IMeetingFanout fanout);

    /// <summary>Something that happened on another node (a write outside the grain, a closed access) for every other node.</summary>
    Task Relay(string fromNode, FanoutMessage message);
}

/// <summary>A node's receiver of what its meetings' grains send out: it passes each message to its own connections.</summary>
public interface IMeetingFanout : IGrainObserver
{
    [OneWay]
    Task Deliver(FanoutMessage message);
}

/// <summary>A MediatR request on its way to the meeting's grain: its type, its JSON, and who sends it.</summary>
[GenerateSerializer, Immutable]
public sealed record RoutedCommand(
    [property: Id(0)] string Type,
    [property: Id(1)] byte[] Body,
    [property: Id(2)] Guid MeetingId,
    [property: Id(3)] Guid ParticipantId,
    [property: Id(4)] int Role,
    [property: Id(5)] string? TraceParent);

/// <summary>The answer (its JSON), or the expected refusal the caller's node raises again as it was raised here.</summary>
[GenerateSerializer, Immutable]
public sealed record RoutedReply(
    [property: Id(0)] byte[]? Result,
    [property: Id(1)] RoutedFailure Failure = RoutedFailure.None,
    [property: Id(2)] string? Code = null,
    [property: Id(3)] string? Message = null,
    [property: Id(4)] int Status = 0,
    [property: Id(5)] bool Retriable = false);

[GenerateSerializer]
public enum RoutedFailure
{
    None,
    Command,
    Rule,
}

[GenerateSerializer]
public enum FanoutKind
{
    /// <summary>Json: the committed envelopes of one batch, in sequence order.</summary>
    Events,
    /// <summary>Json: a MinutesReady message.</summary>
    MinutesReady,
    CloseParticipant,
    CloseMeeting,
}

/// <summary>One message from a meeting to the connections of every node (JSON made once, on the writer's node).</summary>
[GenerateSerializer, Immutable]
public sealed record FanoutMessage(
    [property: Id(0)] FanoutKind Kind,
    [property: Id(1)] Guid MeetingId,
    [property: Id(2)] Guid ParticipantId,
    [property: Id(3)] byte[]? Json);
