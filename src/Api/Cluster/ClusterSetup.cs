using System.Net;
using System.Net.Sockets;
using ForumHub.Api.Hubs;
using ForumHub.Api.Runtime;
using Orleans.Configuration;

namespace ForumHub.Api.Cluster;

/// <summary>
/// Hosts an Orleans silo in the Api (ADR 15): each meeting is one grain, its single writer. One node uses localhost
/// clustering and needs nothing but PostgreSQL; several nodes find each other through Redis (Cluster:Redis).
/// </summary>
public static class ClusterSetup
{
    /// <summary>How long a dead node goes unnoticed at most: 3 missed probes of 2 s, then 2 votes (about 6-10 s).</summary>
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(2);

    public static void AddForumCluster(this WebApplicationBuilder builder)
    {
        var settings = ClusterSettings.From(builder.Configuration);
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton<RoutedRequests>();
        builder.Services.AddSingleton<MeetingSubscribers>();
        builder.Services.AddSingleton<NodeFanout>();
        builder.Services.AddHostedService(s => s.GetRequiredService<NodeFanout>());
        builder.Services.AddSingleton<SignalRMeetingBroadcaster>();
        builder.Services.AddSingleton<ClusterBroadcaster>();
        builder.Services.AddSingleton<IMeetingBroadcaster>(s => s.GetRequiredService<ClusterBroadcaster>());
        builder.Services.AddSingleton<Features.Minutes.IMinutesReadyNotifier>(s => s.GetRequiredService<ClusterBroadcaster>());

        // A stopping node has closed its connections and its meetings move on their next call; nothing it holds is
        // acknowledged and unstored, so it need not wait the default 30 s for calls that will be sent again anyway.
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(10));
        builder.UseOrleans(silo =>
        {
            var siloPort = settings.SiloPort;
            if (settings.Redis is null)
                silo.UseLocalhostClustering(siloPort, gatewayPort: 0, serviceId: ClusterSettings.ServiceId, clusterId: settings.ClusterId);
            else
            {
                silo.UseRedisClustering(settings.Redis);
                silo.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (settings.ClusterId, ClusterSettings.ServiceId));
                silo.ConfigureEndpoints(settings.AdvertisedAddress, siloPort, gatewayPort: 0, listenOnAnyHostAddress: settings.ListenOnAnyAddress);
            }
            silo.Configure<SiloOptions>(o => o.SiloName = settings.NodeName);
            silo.Configure<ClusterMembershipOptions>(o =>
            {
                o.ProbeTimeout = ProbeTimeout;
                o.NumMissedProbesLimit = 3;
                o.NumVotesForDeathDeclaration = 2;
            });
            // A call to a node that died fails within 10 s (default 30), so the client's retry reaches the new writer sooner.
            // No gateway (no Orleans client connects from outside): no gateway clients to warn when stopping either.
            silo.Configure<SiloMessagingOptions>(o => (o.ResponseTimeout, o.ClientGatewayShutdownNotificationTimeout) = (TimeSpan.FromSeconds(10), TimeSpan.Zero));
            // Meetings nobody used for 30 minutes leave memory, as the idle sweeper does for the writer's copy.
            // A meeting grain holds no state, so deactivating it (a stopping node) has nothing to wait for beyond its calls.
            silo.Configure<GrainCollectionOptions>(o => (o.CollectionAge, o.DeactivationTimeout) = (TimeSpan.FromMinutes(30), TimeSpan.FromSeconds(10)));
        });
    }

    /// <summary>Names the node on every answer, so an operator (and the cluster test) can see which node served a request.</summary>
    public static void UseNodeName(this WebApplication app)
    {
        // Draining on SIGTERM: close this node's connections first, so their clients reconnect through the load balancer
        // to another node (and resync) while Orleans moves this node's meetings away.
        app.Lifetime.ApplicationStopping.Register(() => app.Services.GetRequiredService<ParticipantConnections>().AbortAll());
        var settings = app.Services.GetRequiredService<ClusterSettings>();
        if (!settings.NamedNode) return;
        app.Use((http, next) =>
        {
            http.Response.Headers["ForumHub-Node"] = settings.NodeName;
            return next(http);
        });
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>
/// The Cluster section: Redis (several nodes), Id, SiloPort (absent or 0: a free port), NodeName (unique per node; default
/// the machine's name and the silo port), AdvertisedAddress (the address other nodes reach this one at; 127.0.0.1).
/// </summary>
public sealed record ClusterSettings(string? Redis, string ClusterId, int SiloPort, string NodeName, bool NamedNode,
    IPAddress AdvertisedAddress, bool ListenOnAnyAddress)
{
    public const string ServiceId = "forumhub";

    public static ClusterSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Cluster");
        var name = section["NodeName"];
        var advertised = section["AdvertisedAddress"];
        var siloPort = section.GetValue("SiloPort", 0) is > 0 and var port ? port : ClusterSetup.FreePort();
        return new(
            string.IsNullOrWhiteSpace(section["Redis"]) ? null : section["Redis"],
            section["Id"] is { Length: > 0 } id ? id : "forumhub",
            siloPort,
            string.IsNullOrWhiteSpace(name) ? $"{Environment.MachineName}-{siloPort}" : name,
            !string.IsNullOrWhiteSpace(name),
            advertised is { Length: > 0 } ? IPAddress.Parse(advertised) : IPAddress.Loopback,
            section.GetValue("ListenOnAnyAddress", false));
    }
}
