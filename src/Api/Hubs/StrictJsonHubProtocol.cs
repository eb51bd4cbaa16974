using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ForumHub.Api.Hubs;

/// <summary>
/// SignalR's JSON hub protocol, except that a frame of an unknown message type closes the connection with an error.
/// The stock protocol skips such a frame but reports "no message yet", and the connection then never reads another
/// message: it stays open and deaf (found by tests/e2e/reliability/fuzz.test.mjs). Our clients never send one, so
/// refusing it costs nothing and keeps "every connection is usable or closed with a reason" true.
/// </summary>
public sealed class StrictJsonHubProtocol(IOptions<JsonHubProtocolOptions> options) : IHubProtocol
{
    private readonly JsonHubProtocol _json = new(options);

    public string Name => _json.Name;
    public int Version => _json.Version;
    public TransferFormat TransferFormat => _json.TransferFormat;

    public bool IsVersionSupported(int version) => _json.IsVersionSupported(version);

    public bool TryParseMessage(ref ReadOnlySequence<byte> input, IInvocationBinder binder, [NotNullWhen(true)] out HubMessage? message)
    {
        var length = input.Length;
        if (_json.TryParseMessage(ref input, binder, out message)) return true;
        // No message, yet a whole frame was used up: it was valid JSON of a type this server does not know.
        if (input.Length != length) throw new InvalidDataException("Unknown hub message type.");
        return false;
    }

    public void WriteMessage(HubMessage message, IBufferWriter<byte> output) => _json.WriteMessage(message, output);

    public ReadOnlyMemory<byte> GetMessageBytes(HubMessage message) => _json.GetMessageBytes(message);
}

public static class StrictJsonHubProtocolExtensions
{
    /// <summary>The JSON hub protocol (configured like AddJsonProtocol) in its strict form: see StrictJsonHubProtocol.</summary>
    public static ISignalRServerBuilder AddStrictJsonProtocol(this ISignalRServerBuilder builder, Action<JsonHubProtocolOptions> configure)
    {
        builder.AddJsonProtocol(configure);
        builder.Services.RemoveAll<IHubProtocol>();
        builder.Services.AddSingleton<IHubProtocol, StrictJsonHubProtocol>();
        return builder;
    }
}
