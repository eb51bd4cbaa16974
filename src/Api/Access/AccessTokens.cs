using System.Collections.Concurrent;
using System.Security.Cryptography;
using ForumHub.Api.Persistence;
using ForumHub.Api.Runtime;
using ForumHub.Domain.Meetings;
using Microsoft.EntityFrameworkCore;

namespace ForumHub.Api.Access;

/// <summary>
/// Opaque bearer tokens, one per device of a participant. Only their SHA-256 hash is stored; resolved
/// callers are cached because every hub call needs one. On several nodes a cached caller is checked again after
/// <see cref="ClusterCacheFor"/>: a removal on another node reaches this node's connections at once, but a token this node
/// cached without a connection to that meeting would otherwise keep working here.
/// </summary>
public sealed class AccessTokens(IServiceScopeFactory scopes, TimeProvider clock, Cluster.ClusterSettings cluster)
{
    public static readonly TimeSpan ClusterCacheFor = TimeSpan.FromSeconds(10);
    private readonly long _cacheForMs = cluster.Redis is null ? long.MaxValue : (long)ClusterCacheFor.TotalMilliseconds;
    private readonly ConcurrentDictionary<string, (Caller Caller, long Until)> _cache = new();
    // Participants removed or erased while this node runs: refused even if a read raced the commit that removed them.
    private readonly ConcurrentDictionary<Guid, bool> _withdrawn = new();

    public sealed record Issued(string Token, AccessTokenRow Row);

    public Issued Issue(Guid meetingId, Guid participantId, Role role)
    {
        var token = "fh_" + Base64Url(RandomNumberGenerator.GetBytes(32));
        return new Issued(token, new AccessTokenRow
        {
            TokenHash = Hash(token),
            MeetingId = meetingId,
            ParticipantId = participantId,
            Role = role.ToString(),
            CreatedAt = clock.GetUtcNow(),
        });
    }

    public async Task<Caller?> ResolveAsync(string? token, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100) return null;
        var hash = Hash(token);
        var key = Convert.ToHexString(hash);
        if (_cache.TryGetValue(key, out var cached) && cached.Until > Environment.TickCount64) return cached.Caller;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ForumDbContext>();
        var found = await (from t in db.AccessTokens
                           join p in db.Participants on t.ParticipantId equals p.Id
                           where t.TokenHash == hash && !p.Removed
                           select new { t.MeetingId, t.ParticipantId, t.Role }).AsNoTracking().FirstOrDefaultAsync(ct);
        if (found is null || IsWithdrawn(found.ParticipantId)) return null;
        var caller = new Caller(found.MeetingId, found.ParticipantId, Enum.Parse<Role>(found.Role));
        _cache[key] = (caller, _cacheForMs == long.MaxValue ? long.MaxValue : Environment.TickCount64 + _cacheForMs);
        return caller;
    }

    /// <summary>Stops every token of a removed participant working at once (call after the removal is committed).</summary>
    public void Forget(Guid participantId)
    {
        _withdrawn[participantId] = true;
        foreach (var (key, cached) in _cache)
            if (cached.Caller.ParticipantId == participantId) _cache.TryRemove(key, out _);
    }

    /// <summary>Drops every cached token of a meeting whose stored data was deleted (retention).</summary>
    public void ForgetMeeting(Guid meetingId)
    {
        foreach (var (key, cached) in _cache)
            if (cached.Caller.MeetingId == meetingId) _cache.TryRemove(key, out _);
    }

    public bool IsWithdrawn(Guid participantId) => _withdrawn.ContainsKey(participantId);

    private static byte[] Hash(string token) => SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
