using MediatR;

namespace ForumHub.Api.Infrastructure;

/// <summary>MediatR 5.1.0 has no DI extension package here, so handlers are registered by scanning this assembly.</summary>
public static class MediatorRegistration
{
    public static IServiceCollection AddMediatorHandlers(this IServiceCollection services)
    {
        services.AddScoped<ServiceFactory>(provider => provider.GetService!);
        services.AddScoped<IMediator, Mediator>();
        // Every request, hub command or HTTP endpoint, passes the boundary's text check first.
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(StorableTextBehaviour<,>));
        var handlers = typeof(MediatorRegistration).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false })
            .SelectMany(t => t.GetInterfaces()
                .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequestHandler<,>))
                .Select(i => (Service: i, Implementation: t)));
        foreach (var (service, implementation) in handlers) services.AddScoped(service, implementation);
        return services;
    }
}
