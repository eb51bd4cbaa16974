using ForumHub.Api.Access;
using Microsoft.Extensions.Primitives;

namespace ForumHub.Api.Infrastructure;

/// <summary>Web security settings ("Security" section).</summary>
public sealed class SecurityOptions
{
    /// <summary>
    /// Browser origins (scheme://host[:port]) allowed to open the live connection and to send a facilitator's
    /// requests, besides the site's own origin. E.g. the Vite dev server "http://localhost:5173".
    /// </summary>
    public string[] AllowedOrigins { get; set; } = [];
    public int HstsMaxAgeDays { get; set; } = 365;
}

/// <summary>
/// Security headers on every response (pages, API, errors, static files, the hub), set as the response starts
/// so even the exception handler's answers carry them.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    /// <summary>No inline script anywhere; the Easy Read export page adds the hash of its one style block.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "media-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    public Task InvokeAsync(HttpContext http)
    {
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            // The web build's hashed scripts, styles and pictures are not pages: these four policies do nothing there,
            // and on a phone's first load (30-odd pictures) they were a fifth of all bytes (StaticAssets.cs).
            if (!StaticAssets.IsBuiltAsset(http))
            {
                if (!headers.ContainsKey("Content-Security-Policy")) headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XFrameOptions = "DENY";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
            }
            headers.XContentTypeOptions = "nosniff";
            // Join codes and meeting ids appear in addresses: never send them on to another site.
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Resource-Policy"] = "same-origin";
            // Answers about meetings and people are personal data: no shared or browser cache may keep them.
            if (http.Request.Path.StartsWithSegments("/api") || http.Request.Path.StartsWithSegments("/hubs"))
                headers.CacheControl = "no-store";
            return Task.CompletedTask;
        });
        return next(http);
    }
}

/// <summary>
/// Checks the browser's Origin against the allow-list (the site's own origin plus Security:AllowedOrigins) before
/// the hub's negotiate or WebSocket handshake, and before any state-changing request made with a facilitator's
/// cookie (cross-site request forgery). Requests without an Origin come from programs, not browsers, and pass.
/// </summary>
public sealed class OriginCheckMiddleware(RequestDelegate next, SecurityOptions options, ILogger<OriginCheckMiddleware> log)
{
    public const string OriginNotAllowed = "origin_not_allowed";
    private readonly HashSet<string> _allowed = options.AllowedOrigins.Select(o => o.Trim().TrimEnd('/')).ToHashSet(StringComparer.OrdinalIgnoreCase);

    public async Task InvokeAsync(HttpContext http)
    {
        var request = http.Request;
        var checks = request.Path.StartsWithSegments("/hubs") ||
                     (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) && !HttpMethods.IsOptions(request.Method) &&
                      request.Cookies.ContainsKey(FacilitatorCookie.CookieName));
        if (checks && request.Headers.Origin is { Count: > 0 } origin && !Allowed(request, origin))
        {
            log.LogWarning("Refused {Method} {Path} from origin {Origin}", request.Method, request.Path.Value, origin.ToString());
            await Problems.Problem(StatusCodes.Status403Forbidden, OriginNotAllowed, "This page may not connect to ForumHub.").ExecuteAsync(http);
            return;
        }
        await next(http);
    }

    private bool Allowed(HttpRequest request, StringValues origin)
    {
        var value = origin.ToString().TrimEnd('/');
        return value.Equals($"{request.Scheme}://{request.Host.Value}", StringComparison.OrdinalIgnoreCase) || _allowed.Contains(value);
    }
}
