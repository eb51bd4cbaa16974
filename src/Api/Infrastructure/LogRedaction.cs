using System.Collections;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ForumHub.Api.Infrastructure;

/// <summary>
/// Access tokens never reach a log. Browsers cannot set headers on a WebSocket, so the token travels in the hub's
/// query string (access_token=...), which ASP.NET Core's request logging writes out. Every logger provider is
/// wrapped so each message and each structured value is redacted before any provider sees it.
/// </summary>
public static partial class LogRedaction
{
    public const string Redacted = "[redacted]";

    // access_token=..., "Bearer ...", and any token by its own shape (fh_ + 43 base64url characters).
    [GeneratedRegex(@"(?<key>access_token=)[^&\s""']+|(?<key>Bearer\s+)[A-Za-z0-9._~+/=-]+|(?<key>fh_)[A-Za-z0-9_-]{20,}", RegexOptions.IgnoreCase)]
    private static partial Regex Secrets();

    public static string Redact(string text) =>
        text.Length < 3 ? text : Secrets().Replace(text, m => m.Groups["key"].Value + Redacted);

    /// <summary>Replaces the logger factory with one whose providers all redact (call after logging is configured).</summary>
    public static IServiceCollection AddLogRedaction(this IServiceCollection services)
    {
        services.Replace(ServiceDescriptor.Singleton<ILoggerFactory>(sp => new LoggerFactory(
            sp.GetServices<ILoggerProvider>().Select(p => new RedactingLoggerProvider(p)),
            sp.GetRequiredService<IOptionsMonitor<LoggerFilterOptions>>(),
            sp.GetService<IOptions<LoggerFactoryOptions>>(),
            sp.GetService<IExternalScopeProvider>())));
        return services;
    }

    private sealed class RedactingLoggerProvider(ILoggerProvider inner) : ILoggerProvider, ISupportExternalScope
    {
        public ILogger CreateLogger(string categoryName) => new RedactingLogger(inner.CreateLogger(categoryName));

        public void SetScopeProvider(IExternalScopeProvider scopeProvider)
        {
            if (inner is ISupportExternalScope scoped) scoped.SetScopeProvider(scopeProvider);
        }

        public void Dispose() => inner.Dispose();
    }

    private sealed class RedactingLogger(ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!inner.IsEnabled(logLevel)) return;
            var message = Redact(formatter(state, exception));
            inner.Log(logLevel, eventId, new RedactedState(state, message), exception, static (s, _) => s.Message);
        }
    }

    /// <summary>The structured values of a log entry, each string redacted; ToString is the redacted message.</summary>
    private sealed class RedactedState(object? state, string message) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        private readonly List<KeyValuePair<string, object?>> _values = state is IEnumerable<KeyValuePair<string, object?>> pairs
            ? pairs.Select(p => new KeyValuePair<string, object?>(p.Key, p.Value switch
            {
                string s => Redact(s),
                null => null,
                var other when other.GetType().IsPrimitive || other is Guid or DateTimeOffset or DateTime or TimeSpan or Enum => other,
                var other => Redact(other.ToString() ?? ""),
            })).ToList()
            : [];

        public string Message { get; } = message;
        public KeyValuePair<string, object?> this[int index] => _values[index];
        public int Count => _values.Count;
        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => _values.GetEnumerator();
        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
        public override string ToString() => Message;
    }
}
