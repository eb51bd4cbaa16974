using ForumHub.Api.Access;
using ForumHub.Api.Cluster;
using ForumHub.Api.Features.Admin;
using ForumHub.Api.Features.Forums;
using ForumHub.Api.Features.Meetings;
using ForumHub.Api.Features.Minutes;
using ForumHub.Api.Features.Participants;
using ForumHub.Api.Features.Review;
using ForumHub.Api.Hubs;
using ForumHub.Api.Infrastructure;
using ForumHub.Api.Persistence;
using ForumHub.Api.Runtime;
using ForumHub.Api.Telemetry;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Npgsql;

var builder = WebApplication.CreateBuilder(args);
var connectionString = builder.Configuration.GetConnectionString("Forum");
if (string.IsNullOrWhiteSpace(connectionString))
{
    Console.Error.WriteLine("ForumHub needs PostgreSQL. Set ConnectionStrings__Forum (e.g. \"Host=127.0.0.1;Port=5432;Username=postgres;Password=...;Database=forumhub\"), " +
                            "or use scripts/run.sh (and scripts/run.sh create-admin), which run ForumHub's own PostgreSQL in .data/pg.");
    return 2;
}
if (builder.AddSite() is { } siteProblem) // PublicUrl: the address on join links and QR codes
{
    Console.Error.WriteLine(siteProblem);
    return 2;
}
// create-admin is a one-off command in a terminal: its answer, not the framework's and EF's information logs.
if (args is [AdminBootstrap.Command, ..]) builder.Logging.AddFilter((_, level) => level >= LogLevel.Warning);

var configuredConnectionString = connectionString; // as the operator wrote it: what an error message shows
connectionString = ForumConnectionString.Tuned(connectionString); // no reset on close, auto-prepared statements
builder.Services.AddDbContextPool<ForumDbContext>(o => o.UseNpgsql(connectionString));
builder.Services.AddSingleton<TimeProvider>(new StoredPrecisionClock());
builder.Services.AddSingleton<GroupCommit>(); // one write in flight, shared by the meetings ready together
builder.Services.AddSingleton<MeetingRuntime>();
builder.AddForumCluster(); // each meeting one Orleans grain, on one node or several (Cluster/ClusterSetup.cs, ADR 15)
builder.Services.AddHostedService<IdleMeetingSweeper>();
builder.Services.AddSingleton<AccessTokens>();
builder.Services.AddScoped<MeetingStore>();
builder.Services.AddScoped<MeetingCodes>();
builder.Services.AddScoped<TakeOverCodes>(); // a member added without a device takes over on a phone with a code
builder.Services.AddMediatorHandlers();

// Malformed bodies answer 400 ProblemDetails (code invalid_request) in every environment, never a 500.
builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = false);
builder.Services.ConfigureHttpJsonOptions(o => ForumJson.Configure(o.SerializerOptions));
builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = Problems.AddCodeForStatus);
builder.Services.AddAuthentication(AccessTokenAuthentication.SchemeName)
    .AddScheme<AuthenticationSchemeOptions, AccessTokenAuthentication>(AccessTokenAuthentication.SchemeName, null);
builder.Services.AddAuthorization();
builder.Services.AddOpenApi();
builder.Services.AddForumRateLimits(builder.Configuration);
builder.Services.AddSingleton<HubRateLimitFilter>();
builder.Services.AddHostedService<HubRateLimitSweeper>();
builder.Services.AddSingleton<ApiFallback>();
builder.Services.AddStaticAssets(); // the precompressed web build and its cache headers (Infrastructure/StaticAssets.cs)
builder.Services.AddJsonCompression(); // compresses JSON answers over 1 KB (Infrastructure/JsonCompression.cs)
builder.AddForumTelemetry(); // metrics and traces (Telemetry/); its hub filter must be the outermost, so first
builder.AddAccessAndPrivacy(); // accounts, access table, web security, log redaction, privacy (Access/AccessSetup.cs)
builder.Services.AddSignalR(o =>
{
    // Rate limit first, so a flood costs as little as possible; then roles and error codes.
    o.AddFilter<HubRateLimitFilter>();
    o.AddFilter<MeetingHubFilter>();
    // The largest real message is an agenda of item ids or a 1,000-character note; 32 KB leaves room, stops floods.
    o.MaximumReceiveMessageSize = 32 * 1024;
}).AddStrictJsonProtocol(o => ForumJson.Configure(o.PayloadSerializerOptions)); // JSON; unknown message types close the connection

var app = builder.Build();

try
{
    await DatabaseMigrator.MigrateAsync(connectionString);
}
catch (Exception e) when (e is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException)
{
    var safe = new NpgsqlConnectionStringBuilder(configuredConnectionString) { Password = null };
    Console.Error.WriteLine($"ForumHub could not reach PostgreSQL ({safe.ConnectionString}): {e.Message}\n" +
                            "Start PostgreSQL, set ConnectionStrings__Forum to a server you can reach, or use scripts/run.sh.");
    return 3;
}

if (await app.PrepareAccessAsync(args) is { } exitCode) return exitCode; // create-admin, or the Bootstrap settings

app.UseNodeName(); // ForumHub-Node on every answer when Cluster:NodeName is set
app.UseAccessFront(); // proxies, security headers on every response, HSTS, WebSocket Origin check
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseJsonCompression();
app.UseDefaultFiles();
app.UsePrecompressedStaticFiles();
app.UseAuthentication();
app.UseAccessTable(); // every endpoint against Access/AccessTable.cs, before any other authorization
app.UseAuthorization();
app.UseRateLimiter();

if (app.Environment.IsDevelopment()) app.MapOpenApi();
app.MapHealth();
app.MapSite();
app.MapMeetings();
app.MapParticipants();
app.MapAccessAndPrivacy();
app.MapMinutes();
app.MapForums();
app.MapReview();
app.MapForumInsights();
// Stateful reconnect lets short drops (phones on shaky Wi-Fi) resume without losing messages either way.
app.MapHub<MeetingHub>("/hubs/meeting", o => o.AllowStatefulReconnects = true);
// Unknown API paths are a coded 404 (a known path with another verb 405, with a body that is not JSON 415), not the
// web app's page; every other path is the web app (client-side routes).
// A RequestDelegate, not a minimal API delegate: the request delegate generator drops a MapFallback(pattern, Delegate)
// endpoint from the route table (seen with EnableRequestDelegateGenerator on .NET 10), so this one is never generated.
app.MapFallback("/api/{**path}", http => http.RequestServices.GetRequiredService<ApiFallback>().Answer(http).ExecuteAsync(http));
app.MapWebAppFallback(); // index.html, compressed (Infrastructure/StaticAssets.cs)

await app.RunAsync();
return 0;

public partial class Program;
