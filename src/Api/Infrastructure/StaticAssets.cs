using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;

namespace ForumHub.Api.Infrastructure;

/// <summary>
/// Serves the web build's precompressed files (NAME.br / NAME.gz, written by src/Web/build/precompress.ts) by
/// Accept-Encoding, with long caching for Vite's hashed files and revalidation for index.html. Not MapStaticAssets:
/// its build-time manifest goes stale whenever the web app is rebuilt without the Api, it does not know Vite's hashes
/// as fingerprints (so it would mark them no-cache), and it does not cover the SPA fallback.
/// </summary>
public static class StaticAssets
{
    /// <summary>Vite names everything under /assets/ by its content hash: a changed file is a new URL.</summary>
    public const string HashedFolder = "/assets/";
    public const string Immutable = "public, max-age=31536000, immutable";
    public const string Revalidate = "no-cache";

    private const string EncodingKey = "forumhub.static.encoding";
    private const string OriginalPathKey = "forumhub.static.path";
    private const string ServedKey = "forumhub.static.built";
    /// <summary>Preferred first: Brotli is ~12% smaller than gzip for the app's JavaScript.</summary>
    private static readonly (string Encoding, string Suffix)[] Encodings = [("br", ".br"), ("gzip", ".gz")];

    /// <summary>Caching and encoding headers for UseStaticFiles and the SPA fallback (both read these options).</summary>
    public static IServiceCollection AddStaticAssets(this IServiceCollection services) =>
        services.Configure<StaticFileOptions>(o =>
        {
            o.ContentTypeProvider = new PrecompressedContentTypes();
            o.OnPrepareResponse = Prepare;
        });

    /// <summary>Picks the precompressed file, then serves it with the static file middleware (ETag, ranges, HEAD, 304).</summary>
    public static IApplicationBuilder UsePrecompressedStaticFiles(this IApplicationBuilder app)
    {
        var files = app.ApplicationServices.GetRequiredService<IWebHostEnvironment>().WebRootFileProvider;
        app.Use((http, next) =>
        {
            var request = http.Request;
            if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method)) return next(http);
            var path = request.Path.Value ?? "";
            // A compressed file is only ever served in place of its original, with its Content-Encoding.
            if (Encodings.Any(e => path.EndsWith(e.Suffix, StringComparison.OrdinalIgnoreCase)) && files.GetFileInfo(path).Exists
                && files.GetFileInfo(path[..path.LastIndexOf('.')]).Exists)
            {
                http.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }
            if (!files.GetFileInfo(path).Exists) return next(http);
            ServeCompressedTwin(http, files, path);
            return next(http);
        });
        app.UseStaticFiles();
        return app;
    }

    /// <summary>
    /// The web app's page (index.html) for every path no endpoint or file has: its client-side routes such as /join/CODE.
    /// Like MapFallbackToFile, but the page comes Brotli- or gzip-compressed when the browser accepts it (a phone's
    /// first load was measured 0.5 KB smaller).
    /// </summary>
    public static IEndpointConventionBuilder MapWebAppFallback(this IEndpointRouteBuilder endpoints)
    {
        var files = endpoints.ServiceProvider.GetRequiredService<IWebHostEnvironment>().WebRootFileProvider;
        var page = endpoints.CreateApplicationBuilder();
        page.Use((http, next) =>
        {
            http.Request.Path = "/index.html";
            http.SetEndpoint(null); // the static file middleware serves only requests that no endpoint has taken
            ServeCompressedTwin(http, files, "/index.html");
            return next(http);
        });
        page.UseStaticFiles();
        // GET and HEAD only, as MapFallbackToFile: another verb at a page's address is 405.
        return endpoints.MapFallback(page.Build()).WithMetadata(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head]));
    }

    /// <summary>Points the request at PATH.br or PATH.gz when the browser accepts that coding and the build made it.</summary>
    private static void ServeCompressedTwin(HttpContext http, IFileProvider files, string path)
    {
        foreach (var (encoding, suffix) in Encodings)
        {
            if (!Accepts(http.Request.Headers.AcceptEncoding, encoding) || !files.GetFileInfo(path + suffix).Exists) continue;
            http.Items[EncodingKey] = encoding;
            http.Items[OriginalPathKey] = path;
            http.Request.Path = path + suffix;
            return;
        }
    }

    /// <summary>A file of the web build under /assets/ that is not HTML (served by the static file middleware).</summary>
    public static bool IsBuiltAsset(HttpContext http) =>
        http.Items.ContainsKey(ServedKey) && !(http.Response.ContentType ?? "").StartsWith("text/html", StringComparison.OrdinalIgnoreCase);

    private static void Prepare(StaticFileResponseContext context)
    {
        var http = context.Context;
        var path = http.Items[OriginalPathKey] as string ?? http.Request.Path.Value ?? "";
        var headers = http.Response.Headers;
        var hashed = path.StartsWith(HashedFolder, StringComparison.Ordinal);
        headers.CacheControl = hashed ? Immutable : Revalidate;
        if (hashed)
        {
            http.Items[ServedKey] = true;
            // Never revalidated (immutable, a new name when it changes): validators would only add bytes to each picture.
            headers.ETag = default;
            headers.LastModified = default;
            headers.AcceptRanges = default;
        }
        if (http.Items[EncodingKey] is string encoding) headers.ContentEncoding = encoding;
        // Every file that has a compressed twin varies by Accept-Encoding, whichever form this response is.
        if (http.Items.ContainsKey(EncodingKey) || HasCompressedTwin(http, path)) headers.Append("Vary", "Accept-Encoding");
    }

    private static bool HasCompressedTwin(HttpContext http, string path)
    {
        var files = http.RequestServices.GetRequiredService<IWebHostEnvironment>().WebRootFileProvider;
        return Encodings.Any(e => files.GetFileInfo(path + e.Suffix).Exists);
    }

    /// <summary>True when Accept-Encoding lists the coding (or *) without q=0.</summary>
    internal static bool Accepts(StringValues acceptEncoding, string encoding)
    {
        foreach (var value in acceptEncoding)
        {
            foreach (var part in (value ?? "").Split(','))
            {
                var pieces = part.Split(';', StringSplitOptions.TrimEntries);
                if (!pieces[0].Equals(encoding, StringComparison.OrdinalIgnoreCase) && pieces[0] != "*") continue;
                var refused = pieces.Skip(1).Any(p => p.Replace(" ", "") is "q=0" or "q=0.0" or "q=0.00" or "q=0.000");
                return !refused;
            }
        }
        return false;
    }

    /// <summary>The original file's type for NAME.br and NAME.gz (text/javascript, not application/x-gzip).</summary>
    private sealed class PrecompressedContentTypes : IContentTypeProvider
    {
        private readonly FileExtensionContentTypeProvider _types = new();

        public bool TryGetContentType(string subpath, out string contentType)
        {
            foreach (var (_, suffix) in Encodings)
                if (subpath.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)) return _types.TryGetContentType(subpath[..^suffix.Length], out contentType!);
            return _types.TryGetContentType(subpath, out contentType!);
        }
    }
}
