using Microsoft.AspNetCore.SignalR;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace ForumHub.Api.Telemetry;

/// <summary>"Metrics" section: off unless Port is set. Never served on the Api's own port (docs/decisions/0008-metrics-on-its-own-loopback-port.md).</summary>
public sealed class MetricsOptions
{
    /// <summary>The Prometheus scrape port (e.g. 9464); unset = no metrics endpoint at all.</summary>
    public int? Port { get; set; }
    /// <summary>The address the scrape listener binds to: loopback unless an operator chooses otherwise.</summary>
    public string Host { get; set; } = "127.0.0.1";
}

/// <summary>"Tracing" section: spans are exported over OTLP only when an endpoint is given.</summary>
public sealed class TracingOptions
{
    /// <summary>An OTLP collector, e.g. http://127.0.0.1:4317 (gRPC) or with Protocol http/protobuf :4318.</summary>
    public string? OtlpEndpoint { get; set; }
    public string Protocol { get; set; } = "grpc";
}

public static class TelemetrySetup
{
    /// <summary>
    /// The instruments, the outermost hub filter, and OpenTelemetry's metrics (Prometheus listener) and traces (OTLP)
    /// when configured. Call before any other hub filter is added, so this one sees every call and refusal.
    /// </summary>
    public static WebApplicationBuilder AddForumTelemetry(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<LiveConnections>();
        services.AddSingleton<ForumMetrics>();
        services.AddSingleton<TelemetryHubFilter>();
        services.Configure<HubOptions>(o => o.AddFilter<TelemetryHubFilter>());

        var metrics = builder.Configuration.GetSection("Metrics").Get<MetricsOptions>() ?? new MetricsOptions();
        var tracing = builder.Configuration.GetSection("Tracing").Get<TracingOptions>() ?? new TracingOptions();
        if (metrics.Port is null && string.IsNullOrWhiteSpace(tracing.OtlpEndpoint)) return builder;
        if (metrics.Port is < 1 or > 65535) throw new InvalidOperationException($"Metrics:Port must be 1-65535, not {metrics.Port}.");
        // The listener needs one address (or host name) that scrapers use; wildcards like * or 0.0.0.0 are not accepted.
        if (metrics.Port is not null && (Uri.CheckHostName(metrics.Host) == UriHostNameType.Unknown || metrics.Host is "0.0.0.0" or "::"))
            throw new InvalidOperationException($"Metrics:Host must be one address of this machine or its host name (default 127.0.0.1), not '{metrics.Host}'.");

        var otel = services.AddOpenTelemetry().ConfigureResource(r => r.AddService("forumhub"));
        if (metrics.Port is { } port)
            otel.WithMetrics(m => m
                .AddMeter(ForumMetrics.Name)
                .AddAspNetCoreInstrumentation() // HTTP server, Kestrel and SignalR connection meters of ASP.NET Core
                .AddNpgsqlInstrumentation()
                .AddPrometheusHttpListener(o =>
                {
                    o.Host = metrics.Host;
                    o.Port = port;
                    o.ScrapeEndpointPath = "/metrics";
                    o.ScrapeResponseCacheDurationMilliseconds = 0; // each scrape is fresh; Prometheus scrapes every 15 s or so
                }));
        if (!string.IsNullOrWhiteSpace(tracing.OtlpEndpoint))
            otel.WithTracing(t => t
                .AddSource(ForumMetrics.Name)
                .AddAspNetCoreInstrumentation()
                .AddNpgsql() // Npgsql's own spans, one per command, under the "meeting.store" span
                .AddOtlpExporter(o =>
                {
                    o.Endpoint = new Uri(tracing.OtlpEndpoint);
                    o.Protocol = tracing.Protocol.Equals("http/protobuf", StringComparison.OrdinalIgnoreCase)
                        ? OpenTelemetry.Exporter.OtlpExportProtocol.HttpProtobuf
                        : OpenTelemetry.Exporter.OtlpExportProtocol.Grpc;
                }));
        return builder;
    }
}
