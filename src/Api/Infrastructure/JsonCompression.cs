using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;

namespace ForumHub.Api.Infrastructure;

/// <summary>
/// Compresses the Api's JSON answers over 1 KB (snapshots, event pages, minutes, audit pages) with ASP.NET Core's
/// response compression. It has no minimum size of its own and decides at the first write, before the length is known,
/// so SizeGate holds the first 1 KB: a body that ends within it gets a Content-Length and goes out as it is.
/// Only GET answers: POST answers carry fresh access tokens next to text the caller sent, which is what BREACH needs.
/// SignalR (/hubs) is never touched.
/// </summary>
public static class JsonCompression
{
    public const int MinimumBytes = 1024;

    public static IServiceCollection AddJsonCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true; // GET answers only (see ShouldCompressResponse), so no secret sits beside reflected input
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = ["application/json", "application/problem+json"];
        });
        // Fastest: dynamic answers on a small venue laptop; still ~5x smaller for JSON.
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.AddSingleton<IResponseCompressionProvider, SizedCompressionProvider>();
        return services;
    }

    public static IApplicationBuilder UseJsonCompression(this IApplicationBuilder app)
    {
        app.UseResponseCompression();
        app.Use(async (http, next) =>
        {
            if (!Applies(http.Request) || !http.Request.Headers.ContainsKey("Accept-Encoding"))
            {
                await next(http);
                return;
            }
            var original = http.Response.Body;
            await using var gate = new SizeGate(original, http.Response);
            http.Response.Body = gate;
            try
            {
                await next(http);
                await gate.FinishAsync(http.RequestAborted);
            }
            finally
            {
                http.Response.Body = original;
            }
        });
        return app;
    }

    private static bool Applies(HttpRequest request) =>
        HttpMethods.IsGet(request.Method) && request.Path.StartsWithSegments("/api");

    private sealed class SizedCompressionProvider(IServiceProvider services, IOptions<ResponseCompressionOptions> options)
        : ResponseCompressionProvider(services, options)
    {
        public override bool ShouldCompressResponse(HttpContext context) =>
            Applies(context.Request)
            && context.Response.ContentLength is null or > MinimumBytes
            && base.ShouldCompressResponse(context);
    }

    /// <summary>Holds up to MinimumBytes; past that, everything streams on (and is compressed).</summary>
    private sealed class SizeGate(Stream inner, HttpResponse response) : Stream
    {
        private readonly MemoryStream _held = new();
        private bool _streaming;

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken ct = default)
        {
            if (_streaming)
            {
                await inner.WriteAsync(buffer, ct);
                return;
            }
            _held.Write(buffer.Span);
            if (_held.Length <= MinimumBytes) return;
            _streaming = true; // no Content-Length: the compression provider sees a large body
            await inner.WriteAsync(_held.GetBuffer().AsMemory(0, (int)_held.Length), ct);
            _held.SetLength(0);
        }

        /// <summary>The body ended within the gate: say its length (so it is not compressed) and send it.</summary>
        public async Task FinishAsync(CancellationToken ct)
        {
            if (_streaming || _held.Length == 0) return;
            _streaming = true;
            if (!response.HasStarted) response.ContentLength ??= _held.Length;
            await inner.WriteAsync(_held.GetBuffer().AsMemory(0, (int)_held.Length), ct);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken ct) =>
            WriteAsync(buffer.AsMemory(offset, count), ct).AsTask();
        public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer, offset, count, default).GetAwaiter().GetResult();
        public override Task FlushAsync(CancellationToken ct) => _streaming ? inner.FlushAsync(ct) : Task.CompletedTask;
        public override void Flush() { }
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) _held.Dispose();
            base.Dispose(disposing);
        }
    }
}
