using System.Net;
using ForumHub.Api.Audit;
using ForumHub.Api.Features.Accounts;
using ForumHub.Api.Features.Admin;
using ForumHub.Api.Features.Minutes;
using ForumHub.Api.Features.Privacy;
using ForumHub.Api.Hubs;
using ForumHub.Api.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.SignalR;

namespace ForumHub.Api.Access;

/// <summary>
/// Accounts, access and privacy in one place, so Program.cs only calls it: facilitator accounts, the access table, web security headers,
/// the WebSocket Origin check, log redaction, wrong-guess limits, privacy (export, erasure, retention, audit log).
/// </summary>
public static class AccessSetup
{
    public static WebApplicationBuilder AddAccessAndPrivacy(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var services = builder.Services;
        var accounts = configuration.GetSection("Accounts").Get<AccountOptions>() ?? new AccountOptions();
        var security = configuration.GetSection("Security").Get<SecurityOptions>() ?? new SecurityOptions();
        if (accounts.PasswordHashIterations < AccountOptions.DefaultPasswordHashIterations && !builder.Environment.IsDevelopment())
            throw new InvalidOperationException(
                $"Accounts:PasswordHashIterations is {accounts.PasswordHashIterations}; below {AccountOptions.DefaultPasswordHashIterations} is only for tests (the Development environment).");
        services.AddSingleton(accounts);
        services.AddSingleton(security);
        services.AddSingleton(configuration.GetSection("Privacy").Get<PrivacyOptions>() ?? new PrivacyOptions());

        services.AddSingleton<Passwords>();
        services.AddSingleton<AttemptGuards>();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<ParticipantConnections>();
        services.AddSingleton<AccessWithdrawal>();
        services.AddSingleton<ConnectionTrackingFilter>();
        services.Configure<HubOptions>(o => o.AddFilter<ConnectionTrackingFilter>());
        services.AddSingleton<PersonalDataEraser>();
        services.AddSingleton<IPersonalDataEraser, MinutesErasure>();
        services.AddSingleton<IPersonalDataEraser, Features.Review.FollowUpErasure>();
        services.AddSingleton<IPersonalDataEraser, Features.Forums.ForumRecordErasure>();
        services.AddSingleton<MeetingRetention>();
        services.AddHostedService<RetentionSweeper>();

        services.AddAuthentication().AddCookie(FacilitatorCookie.Scheme, o => FacilitatorCookie.Configure(o, accounts));
        services.AddDataProtection().SetApplicationName("ForumHub");
        services.AddOptions<KeyManagementOptions>().Configure<IServiceScopeFactory>((o, scopes) => o.XmlRepository = new PostgresKeyRing(scopes));

        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(security.HstsMaxAgeDays);
            o.IncludeSubDomains = false;
            o.Preload = false;
        });
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            // Behind nginx: the client's address (for wrong-guess limits) and https (for HSTS) come from these headers,
            // believed only from the proxies listed here.
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in configuration.GetSection("Network:TrustedProxies").Get<string[]>() ?? []) o.KnownProxies.Add(IPAddress.Parse(proxy));
            foreach (var network in configuration.GetSection("Network:TrustedNetworks").Get<string[]>() ?? []) o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        });
        builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);
        services.AddLogRedaction();
        return builder;
    }

    /// <summary>After migrations: runs the create-admin command (returns its exit code) or applies the Bootstrap settings.</summary>
    public static async Task<int?> PrepareAccessAsync(this WebApplication app, string[] args)
    {
        if (args.Length > 0 && args[0] == AdminBootstrap.Command)
            return await AdminBootstrap.RunCommandAsync(args[1..], app.Services, Console.In, Console.Out, Console.Error);
        await AdminBootstrap.EnsureFromConfigurationAsync(app.Services, app.Configuration, app.Logger);
        return null;
    }

    /// <summary>First in the pipeline: real client address, security headers on every response, HSTS, Origin check.</summary>
    public static WebApplication UseAccessFront(this WebApplication app)
    {
        if (app.Configuration.GetSection("Network:TrustedProxies").Exists() || app.Configuration.GetSection("Network:TrustedNetworks").Exists())
            app.UseForwardedHeaders();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        app.UseMiddleware<OriginCheckMiddleware>();
        return app;
    }

    /// <summary>After authentication: every endpoint is checked against AccessTable.</summary>
    public static WebApplication UseAccessTable(this WebApplication app)
    {
        app.UseMiddleware<AccessTableMiddleware>();
        return app;
    }

    public static WebApplication MapAccessAndPrivacy(this WebApplication app)
    {
        app.MapAccounts();
        app.MapAdmin();
        app.MapPrivacy();
        return app;
    }
}
