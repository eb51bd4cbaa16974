using ForumHub.Api.Features;
using MediatR;
using MediatR.Pipeline;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ForumHub.Api.Infrastructure;

/// <summary>MediatR 5.1.0 has no DI extension package here, so handlers are registered by scanning this assembly.</summary>
public static class MediatorRegistration
{
    public static IServiceCollection AddMediatorHandlers(this IServiceCollection services)
    {
        services.AddScoped<ServiceFactory>(provider => provider.GetService!);
        services.AddScoped<IMediator, Mediator>();
        // The steps every request passes, outermost first (MediatR runs behaviours in the order they are registered):
        // the boundary's text check, then the commandId check, then (for a live command) the hop to the node where its
        // meeting's grain is, then the handler and, once it has answered (for a live command: once its events are
        // committed), the work that must follow it (IRequestPostProcessor), on the meeting's node.
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(StorableTextBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(CommandIdBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(Cluster.MeetingGrainRouting<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(RequestPostProcessorBehavior<,>));
        // Where the ids of new things come from; tests may register a fixed sequence instead.
        services.TryAddSingleton<IIdSource, RandomIds>();
        var steps = typeof(MediatorRegistration).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false })
            .SelectMany(t => t.GetInterfaces()
                .Where(i => i.IsGenericType && (i.GetGenericTypeDefinition() == typeof(IRequestHandler<,>) ||
                                                i.GetGenericTypeDefinition() == typeof(IRequestPostProcessor<,>)))
                .Select(i => (Service: i, Implementation: t)));
        foreach (var (service, implementation) in steps) services.AddScoped(service, implementation);
        return services;
    }
}
