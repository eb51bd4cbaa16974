using ForumHub.Api.Cluster;
using ForumHub.Api.Features;
using ForumHub.Api.Features.Meetings;
using ForumHub.Api.Features.Participants;
using ForumHub.Api.Infrastructure;
using ForumHub.Api.Runtime;
using MediatR;
using MediatR.Pipeline;
using Microsoft.Extensions.DependencyInjection;

namespace ForumHub.Api.Tests;

/// <summary>The steps every MediatR request passes, their order, and which requests the commandId check covers.</summary>
public sealed class CommandPipelineTests
{
    [Fact]
    public void The_text_check_runs_first_then_the_command_id_check_then_the_hop_to_the_meeting_then_the_handler_and_its_post_processors()
    {
        var services = new ServiceCollection().AddMediatorHandlers();
        var behaviours = services.Where(s => s.ServiceType == typeof(IPipelineBehavior<,>)).Select(s => s.ImplementationType).ToList();
        Assert.Equal([typeof(StorableTextBehaviour<,>), typeof(CommandIdBehaviour<,>), typeof(MeetingGrainRouting<,>), typeof(RequestPostProcessorBehavior<,>)], behaviours);
        Assert.Contains(services, s => s.ServiceType == typeof(IRequestPostProcessor<RemoveParticipant, CommandAck>));
    }

    [Fact]
    public void Every_request_with_a_client_made_command_id_is_checked()
    {
        Assert.True(typeof(IIdempotentRequest).IsAssignableFrom(typeof(MeetingCommand)));
        Assert.True(typeof(IIdempotentRequest).IsAssignableFrom(typeof(JoinMeeting)));
        Assert.True(typeof(IIdempotentRequest).IsAssignableFrom(typeof(CreateMeeting)));
        Assert.True(typeof(IIdempotentRequest).IsAssignableFrom(typeof(IssueTakeOverCode)));
        var withCommandId = typeof(MeetingCommand).Assembly.GetTypes()
            .Where(t => t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequest<>)))
            .Where(t => t.GetProperty(nameof(IIdempotentRequest.CommandId))?.PropertyType == typeof(Guid));
        Assert.All(withCommandId, t => Assert.True(typeof(IIdempotentRequest).IsAssignableFrom(t), t.Name));
    }

    [Fact]
    public async Task An_empty_command_id_is_refused_before_the_handler_runs()
    {
        var behaviour = new CommandIdBehaviour<JoinMeeting, JoinedMeeting>();
        var handled = false;
        var refusal = await Assert.ThrowsAsync<CommandException>(() => behaviour.Handle(
            new JoinMeeting(Guid.Empty, "ABCDEF", "Ann", null, null, null), CancellationToken.None,
            () => { handled = true; return Task.FromResult<JoinedMeeting>(null!); }));
        Assert.Equal(ApiErrorCodes.CommandIdRequired, refusal.Code);
        Assert.Equal("Each command needs a new commandId (a UUID made by the client).", refusal.Message);
        Assert.Equal(400, refusal.HttpStatus);
        Assert.False(handled);

        await behaviour.Handle(new JoinMeeting(Guid.NewGuid(), "ABCDEF", "Ann", null, null, null), CancellationToken.None,
            () => { handled = true; return Task.FromResult<JoinedMeeting>(null!); });
        Assert.True(handled);
    }
}
