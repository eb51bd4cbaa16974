using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.TestHost;

namespace ForumHub.Api.Tests.Infrastructure;

/// <summary>
/// A minimal client of SignalR's JSON hub protocol over TestServer's in-process WebSocket: handshake, invocations
/// and their completions, and server-sent messages. It goes through the real hub pipeline (authentication from the
/// access_token query value, the Origin check, hub filters, the hub), which MediatR-level tests skip. The .NET
/// SignalR client cannot be restored here; the npm client covers the same path in tests/e2e.
/// </summary>
public sealed class HubWire : IAsyncDisposable
{
    private const char RecordSeparator = '\u001e';
    private readonly WebSocket _socket;
    private readonly ConcurrentDictionary<string, TaskCompletionSource<HubResult>> _pending = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _receiving;
    private int _nextId;

    private HubWire(WebSocket socket)
    {
        _socket = socket;
        _receiving = Task.Run(ReceiveLoopAsync);
    }

    /// <summary>Completes when the server closes or drops the connection, with the time it happened.</summary>
    public TaskCompletionSource<DateTimeOffset> Closed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Every MeetingEvent envelope the server pushed.</summary>
    public ConcurrentQueue<JsonElement> Events { get; } = new();

    public static async Task<HubWire> ConnectAsync(ForumApp app, string? token, string? origin = null)
    {
        var client = app.Server.CreateWebSocketClient();
        if (origin is not null) client.ConfigureRequest = request => request.Headers.Origin = origin;
        var query = token is null ? "" : $"?access_token={Uri.EscapeDataString(token)}";
        var socket = await client.ConnectAsync(new Uri($"ws://localhost/hubs/meeting{query}"), CancellationToken.None);
        await SendRawAsync(socket, """{"protocol":"json","version":1}""" + RecordSeparator);
        var handshake = await ReadRecordAsync(socket, new StringBuilder(), CancellationToken.None);
        using (var reply = JsonDocument.Parse(handshake ?? "{}"))
            if (reply.RootElement.TryGetProperty("error", out var error)) throw new InvalidOperationException($"Handshake refused: {error}");
        return new HubWire(socket);
    }

    /// <summary>The HTTP status the server refused the WebSocket upgrade with, or null when it was accepted.</summary>
    public static async Task<int?> RefusedStatusAsync(ForumApp app, string? token, string? origin = null)
    {
        try
        {
            await using var wire = await ConnectAsync(app, token, origin);
            return null;
        }
        catch (InvalidOperationException e) when (e.Message.Contains("status code", StringComparison.OrdinalIgnoreCase))
        {
            var digits = new string(e.Message.Reverse().SkipWhile(c => !char.IsDigit(c)).TakeWhile(char.IsDigit).Reverse().ToArray());
            return int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    public async Task<HubResult> InvokeAsync(string method, params object?[] arguments)
    {
        var id = Interlocked.Increment(ref _nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var done = new TaskCompletionSource<HubResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = done;
        var message = JsonSerializer.Serialize(new { type = 1, invocationId = id, target = method, arguments }, ForumApp.Json);
        try
        {
            await SendRawAsync(_socket, message + RecordSeparator);
        }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException or InvalidOperationException)
        {
            return HubResult.Failed("connection_closed: " + e.Message);
        }
        var finished = await Task.WhenAny(done.Task, Closed.Task, Task.Delay(TimeSpan.FromSeconds(20)));
        if (finished == done.Task) return await done.Task;
        return HubResult.Failed(finished == Closed.Task ? "connection_closed: the server closed the connection" : "timeout: no completion");
    }

    /// <summary>A StreamInvocation (type 4) of a method: what a client gets when it asks to stream a method that does not.</summary>
    public async Task<HubResult> InvokeStreamAsync(string method, params object?[] arguments)
    {
        var id = "s" + Interlocked.Increment(ref _nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var done = new TaskCompletionSource<HubResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = done;
        await SendFrameAsync(JsonSerializer.Serialize(new { type = 4, invocationId = id, target = method, arguments }, ForumApp.Json));
        var finished = await Task.WhenAny(done.Task, Closed.Task, Task.Delay(TimeSpan.FromSeconds(20)));
        if (finished == done.Task) return await done.Task;
        return HubResult.Failed(finished == Closed.Task ? "connection_closed: the server closed the connection" : "timeout: no completion");
    }

    /// <summary>Sends one frame as it is (the record separator is added), e.g. one the protocol cannot read.</summary>
    public Task SendFrameAsync(string frame) => SendRawAsync(_socket, frame + RecordSeparator);

    private async Task ReceiveLoopAsync()
    {
        var buffer = new StringBuilder();
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var record = await ReadRecordAsync(_socket, buffer, _stop.Token);
                if (record is null) break;
                using var doc = JsonDocument.Parse(record);
                var root = doc.RootElement;
                switch (root.GetProperty("type").GetInt32())
                {
                    case 1 when root.GetProperty("target").GetString() == "MeetingEvent":
                        Events.Enqueue(root.GetProperty("arguments")[0].Clone());
                        break;
                    case 3:
                        if (_pending.TryRemove(root.GetProperty("invocationId").GetString()!, out var done))
                            done.TrySetResult(root.TryGetProperty("error", out var error)
                                ? HubResult.Failed(error.GetString()!)
                                : new HubResult(true, root.TryGetProperty("result", out var result) ? result.Clone() : null, null));
                        break;
                    case 7:
                        Closed.TrySetResult(DateTimeOffset.UtcNow);
                        return;
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException or IOException)
        {
        }
        Closed.TrySetResult(DateTimeOffset.UtcNow);
    }

    /// <summary>Reads up to the next record separator; null when the socket closes.</summary>
    private static async Task<string?> ReadRecordAsync(WebSocket socket, StringBuilder buffer, CancellationToken ct)
    {
        var chunk = new byte[8192];
        while (true)
        {
            var text = buffer.ToString();
            var end = text.IndexOf(RecordSeparator);
            if (end >= 0)
            {
                buffer.Remove(0, end + 1);
                return text[..end];
            }
            var received = await socket.ReceiveAsync(chunk, ct);
            if (received.MessageType == WebSocketMessageType.Close) return null;
            buffer.Append(Encoding.UTF8.GetString(chunk, 0, received.Count));
        }
    }

    private static Task SendRawAsync(WebSocket socket, string text) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            if (_socket.State == WebSocketState.Open)
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
        }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException or InvalidOperationException or IOException)
        {
        }
        try { await _receiving; }
        catch (OperationCanceledException) { }
        _socket.Dispose();
        _stop.Dispose();
    }
}

/// <summary>A hub call's outcome. Error is SignalR's message, which the hub makes "code: plain words".</summary>
public sealed record HubResult(bool Ok, JsonElement? Result, string? Error)
{
    public static HubResult Failed(string error) => new(false, null, error);

    /// <summary>SignalR sends "An unexpected error occurred invoking 'X' on the server. HubException: code: words".</summary>
    public string? Code
    {
        get
        {
            if (Error is null) return null;
            var at = Error.IndexOf("HubException: ", StringComparison.Ordinal);
            var coded = at >= 0 ? Error[(at + "HubException: ".Length)..] : Error;
            return coded.Split(':', 2)[0].Trim();
        }
    }

    public Guid CreatedId => Result?.GetProperty("id").GetGuid() ?? throw new InvalidOperationException($"No id in {Result}");

    public long Seq => Result?.GetProperty("seq").GetInt64() ?? throw new InvalidOperationException($"No seq in {Result}");

    public override string ToString() => Ok ? $"ok {Result}" : $"error {Error}";
}
