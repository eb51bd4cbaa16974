using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.SignalR;

// The baseline for the benchmark (bench/README.md): the same hub path, method names, argument shapes and event
// envelope as ForumHub's meeting hub, but each command is only numbered and broadcast to its room's group. No
// database, no domain rules, no authentication. The room comes from the query string (?meeting=<id>).
var builder = WebApplication.CreateBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Services.AddSingleton<Rooms>();
builder.Services.AddSignalR(o => o.MaximumReceiveMessageSize = 32 * 1024)
    .AddJsonProtocol(o =>
    {
        o.PayloadSerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        o.PayloadSerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
    });

var app = builder.Build();
app.MapGet("/healthz", () => Results.Ok(new { status = "ok" }));
app.MapHub<BaselineHub>("/hubs/meeting", o => o.AllowStatefulReconnects = true); // as ForumHub
app.Run();

/// <summary>Per room: the last sequence number and a gate so events go out one at a time, in order.</summary>
public sealed class Rooms
{
    private readonly ConcurrentDictionary<string, Room> _rooms = new();
    public Room Get(string id) => _rooms.GetOrAdd(id, _ => new Room());

    public sealed class Room
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);
        public long Seq { get; set; }
    }
}

public sealed record Envelope(long Seq, string Type, DateTimeOffset At, JsonNode Data);
public sealed record Ack(long Seq, Guid? Id);
public sealed record Joined(string MeetingId, long Seq);

public sealed class BaselineHub(Rooms rooms) : Hub
{
    private string RoomId => Context.GetHttpContext()?.Request.Query["meeting"].ToString() is { Length: > 0 } id
        ? id
        : throw new HubException("invalid_request: add ?meeting=<id> to the hub URL.");

    public async Task<Joined> JoinMeeting()
    {
        var id = RoomId;
        await Groups.AddToGroupAsync(Context.ConnectionId, id);
        return new Joined(id, rooms.Get(id).Seq);
    }

    public Task<Ack> AnswerQuestion(JsonElement c) => Apply("questionAnswered", c);
    public Task<Ack> ProposeItem(JsonElement c) => Apply("itemProposed", c);
    public Task<Ack> PromoteAnswer(JsonElement c) => Apply("itemProposed", c);
    public Task<Ack> AgreeAgenda(JsonElement c) => Apply("agendaAgreed", c);
    public Task<Ack> MoveToPhase(JsonElement c) => Apply("phaseChanged", c);
    public Task<Ack> StartItem(JsonElement c) => Apply("itemStarted", c);
    public Task<Ack> FinishItem(JsonElement c) => Apply("itemFinished", c);
    public Task<Ack> CarryItemForward(JsonElement c) => Apply("itemCarriedForward", c);
    public Task<Ack> AddNote(JsonElement c) => Apply("noteAdded", c);
    public Task<Ack> OpenPoll(JsonElement c) => Apply("pollOpened", c);
    public Task<Ack> CastBallot(JsonElement c) => Apply("ballotCast", c);
    public Task<Ack> RecordHandCount(JsonElement c) => Apply("handCountRecorded", c);
    public Task<Ack> ClosePoll(JsonElement c) => Apply("pollClosed", c);
    public Task<Ack> RecordDecision(JsonElement c) => Apply("decisionRecorded", c);
    public Task<Ack> AddAction(JsonElement c) => Apply("actionAdded", c);
    public Task<Ack> SetActionStatus(JsonElement c) => Apply("actionStatusChanged", c);
    public Task<Ack> InviteListener(JsonElement c) => Apply("listenerInvited", c);
    public Task<Ack> RespondAsListener(JsonElement c) => Apply("listenerResponded", c);
    public Task<Ack> RaiseCard(JsonElement c) => Apply("cardRaised", c);
    public Task<Ack> ClearCard(JsonElement c) => Apply("cardCleared", c);

    /// <summary>
    /// Numbers the command's one event and sends it to the room, like ForumHub after its commit. The event's data is
    /// the command's argument plus the new thing's id (ForumHub's events carry e.g. pollId, cardId, actionId).
    /// </summary>
    private async Task<Ack> Apply(string type, JsonElement args)
    {
        var id = RoomId;
        var room = rooms.Get(id);
        var newId = Guid.NewGuid();
        var data = args.ValueKind == JsonValueKind.Object ? JsonObject.Create(args)! : new JsonObject();
        data["id"] = newId;
        await room.Gate.WaitAsync();
        try
        {
            var seq = ++room.Seq;
            await Clients.Group(id).SendAsync("MeetingEvent", new Envelope(seq, type, DateTimeOffset.UtcNow, data));
            return new Ack(seq, newId);
        }
        finally { room.Gate.Release(); }
    }
}
