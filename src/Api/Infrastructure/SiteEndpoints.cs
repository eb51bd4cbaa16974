namespace ForumHub.Api.Infrastructure;

/// <summary>
/// The address people reach ForumHub at (the <c>PublicUrl</c> setting), e.g. <c>http://192.168.1.20:5080</c> on the
/// room's Wi-Fi or <c>https://forum.example.org</c> behind a proxy. The facilitator's laptop may be on
/// http://127.0.0.1 (the only plain-http address where the Secure facilitator cookie works), an address no phone can
/// reach; join links, QR codes, the shared screen and set-up links use this one instead. Unset: the page's own address.
/// </summary>
public sealed record SiteOptions(string? PublicUrl)
{
    public const string Setting = "PublicUrl";

    /// <summary>Where the administrator made by create-admin signs in: the administration page (then adds facilitators).</summary>
    public const string SignInPagePath = "/admin";

    /// <summary>Reads and checks PublicUrl: an absolute http(s) address without a path, query or fragment.</summary>
    public static SiteOptions From(IConfiguration configuration, out string? problem)
    {
        problem = null;
        var raw = configuration[Setting]?.Trim();
        if (string.IsNullOrEmpty(raw)) return new SiteOptions((string?)null);
        if (!Uri.TryCreate(raw, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) ||
            uri.AbsolutePath != "/" || uri.Query != "" || uri.Fragment != "" || uri.UserInfo != "")
        {
            problem = $"The {Setting} setting must be the address people open, like http://192.168.1.20:5080 or https://forum.example.org " +
                      $"(http or https, no path), not \"{raw}\".";
            return new SiteOptions((string?)null);
        }
        return new SiteOptions(uri.GetLeftPart(UriPartial.Authority));
    }

    /// <summary>Where a facilitator signs in, in words for a terminal.</summary>
    public string SignInPage => PublicUrl is null
        ? $"ForumHub's address followed by {SignInPagePath} (for example http://127.0.0.1:5080{SignInPagePath})"
        : PublicUrl + SignInPagePath;
}

public static class SiteEndpoints
{
    public sealed record Site(string? PublicUrl);

    /// <summary>Registers SiteOptions; returns a plain-words problem when PublicUrl is not a usable address.</summary>
    public static string? AddSite(this WebApplicationBuilder builder)
    {
        var site = SiteOptions.From(builder.Configuration, out var problem);
        builder.Services.AddSingleton(site);
        return problem;
    }

    /// <summary>GET /api/site: what the web app needs to know about this server (nothing personal, open to anyone).</summary>
    public static void MapSite(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/api/site", (SiteOptions site) => TypedResults.Ok(new Site(site.PublicUrl))).WithTags("Site");
}
