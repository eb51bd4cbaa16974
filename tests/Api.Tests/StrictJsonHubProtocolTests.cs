using System.Buffers;
using System.Text;
using ForumHub.Api.Hubs;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.Options;

namespace ForumHub.Api.Tests;

/// <summary>
/// The hub's JSON protocol refuses frames of unknown message types instead of skipping them and then reading nothing
/// more (the stock behaviour, which left a connection open and deaf). Found by tests/e2e/reliability/fuzz.test.mjs.
/// </summary>
public sealed class StrictJsonHubProtocolTests
{
    private static readonly StrictJsonHubProtocol Protocol = new(Options.Create(new JsonHubProtocolOptions()));

    private static ReadOnlySequence<byte> Frames(string text) => new(Encoding.UTF8.GetBytes(text));

    [Fact]
    public void Known_messages_parse_as_before_and_a_partial_frame_waits_for_more()
    {
        var input = Frames("{\"type\":6}\u001e{\"type\":1,\"invocationId\":\"1\",\"target\":\"JoinMeeting\",\"arguments\":[]}\u001e{\"type\":6");

        Assert.True(Protocol.TryParseMessage(ref input, new NoArguments(), out var ping));
        Assert.IsType<PingMessage>(ping);
        Assert.True(Protocol.TryParseMessage(ref input, new NoArguments(), out var invocation));
        Assert.Equal("JoinMeeting", Assert.IsType<InvocationMessage>(invocation).Target);
        Assert.False(Protocol.TryParseMessage(ref input, new NoArguments(), out _));
        Assert.Equal("{\"type\":6".Length, input.Length);
    }

    [Fact]
    public void A_frame_of_an_unknown_message_type_is_a_protocol_error()
    {
        var input = Frames("{\"type\":99}\u001e{\"type\":6}\u001e");

        Assert.Throws<InvalidDataException>(() => Protocol.TryParseMessage(ref input, new NoArguments(), out _));
    }

    [Fact]
    public void It_speaks_plain_SignalR_json()
    {
        Assert.Equal("json", Protocol.Name);
        Assert.Equal(new JsonHubProtocol().Version, Protocol.Version);
        Assert.Equal(Encoding.UTF8.GetBytes("{\"type\":6}\u001e"), Protocol.GetMessageBytes(PingMessage.Instance).ToArray());
    }

    private sealed class NoArguments : IInvocationBinder
    {
        public IReadOnlyList<Type> GetParameterTypes(string methodName) => [];
        public Type GetReturnType(string invocationId) => typeof(object);
        public Type GetStreamItemType(string streamId) => typeof(object);
    }
}
