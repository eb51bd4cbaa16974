using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using ForumHub.Api.Features.Privacy;
using ForumHub.Api.Infrastructure;
using ForumHub.Api.Tests.Infrastructure;

namespace ForumHub.Api.Tests.Access;

/// <summary>Security headers on every kind of response, the WebSocket Origin allow-list, and tokens kept out of logs.</summary>
public sealed partial class WebSecurityTests(PostgresFixture postgres) : MeetingTestBase(postgres, new Dictionary<string, string> { ["Security:AllowedOrigins:0"] = "http://localhost:5173" })
{
    private static void AssertSecurityHeaders(HttpResponseMessage response, string what)
    {
        string Header(string name) => response.Headers.TryGetValues(name, out var v) ? string.Join(",", v)
            : response.Content.Headers.TryGetValues(name, out var c) ? string.Join(",", c) : throw new Xunit.Sdk.XunitException($"{what}: no {name} header");
        var csp = Header("Content-Security-Policy");
        foreach (var directive in new[] { "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "script-src 'self'", "default-src" })
            Assert.True(csp.Contains(directive, StringComparison.Ordinal), $"{what}: CSP has no {directive}: {csp}");
        Assert.False(Regex.IsMatch(csp, @"script-src[^;]*'unsafe-inline'"), $"{what}: CSP allows inline script: {csp}");
        Assert.Equal("nosniff", Header("X-Content-Type-Options"));
        Assert.Equal("no-referrer", Header("Referrer-Policy"));
        Assert.Equal("DENY", Header("X-Frame-Options"));
        Assert.False(response.Headers.Contains("Server"), $"{what}: Server header");
    }

    [Fact]
    public async Task Every_kind_of_response_carries_the_security_headers()
    {
        var anonymous = App.CreateClient();
        var member = App.CreateClient();
        member.DefaultRequestHeaders.Authorization = new("Bearer", Scenario.Ana.Token);
        var facilitator = App.CreateClient();
        facilitator.DefaultRequestHeaders.Authorization = new("Bearer", Scenario.Meeting.FacilitatorToken);

        var responses = new List<(string What, HttpResponseMessage Response)>
        {
            ("page /", await anonymous.GetAsync("/")),
            ("page (client route)", await anonymous.GetAsync("/join/ABCDEF")),
            ("API JSON", await anonymous.GetAsync($"/api/join/{Scenario.Meeting.JoinCode}")),
            ("API JSON with token", await member.GetAsync($"/api/meetings/{Scenario.Id}/snapshot")),
            ("Easy Read export page", await member.GetAsync("/api/me/export/easy-read")),
            ("minutes", await member.GetAsync($"/api/meetings/{Scenario.Id}/minutes/")),
            ("minutes page", await member.GetAsync($"/api/meetings/{Scenario.Id}/minutes/easy-read.html")),
            ("minutes draft preview", await facilitator.GetAsync($"/api/meetings/{Scenario.Id}/minutes/drafts/1/easy-read.html")),
            ("error 401", await anonymous.GetAsync($"/api/meetings/{Scenario.Id}/snapshot")),
            ("error 403", await facilitator.PostAsJsonAsync("/api/me/erase", new { }, ForumApp.Json)),
            ("error 404", await anonymous.GetAsync("/api/nothing-here")),
            ("error 400", await anonymous.PostAsync("/api/join", new StringContent("{not json", Encoding.UTF8, "application/json"))),
            ("error 429", await TooManyAsync()),
            ("hub negotiate", await facilitator.PostAsync("/hubs/meeting/negotiate?negotiateVersion=1", null)),
            ("health", await anonymous.GetAsync("/healthz")),
        };
        var asset = Regex.Match(await (await anonymous.GetAsync("/")).Content.ReadAsStringAsync(), "src=\"(/assets/[^\"]+\\.js)\"");
        foreach (var (what, response) in responses) AssertSecurityHeaders(response, what);
        if (asset.Success)
        {
            // Built scripts, styles and pictures are not pages: the page-only policies (CSP, frames, permissions, opener)
            // are left off them (issue 12: a phone's first load); nosniff, referrer and resource policy stay.
            var script = await anonymous.GetAsync(asset.Groups[1].Value);
            Assert.Equal(HttpStatusCode.OK, script.StatusCode);
            Assert.Equal("nosniff", string.Join(",", script.Headers.GetValues("X-Content-Type-Options")));
            Assert.Equal("no-referrer", string.Join(",", script.Headers.GetValues("Referrer-Policy")));
            Assert.Equal("same-origin", string.Join(",", script.Headers.GetValues("Cross-Origin-Resource-Policy")));
            Assert.False(script.Headers.Contains("Server"));
        }
        foreach (var (what, response) in responses.Where(r => r.What.StartsWith("API", StringComparison.Ordinal) || r.What.StartsWith("error", StringComparison.Ordinal)))
            Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    private async Task<HttpResponseMessage> TooManyAsync()
    {
        await using var strict = new ForumApp(Postgres, settings: new Dictionary<string, string> { ["AttemptLimits:Codes:MaxFailures"] = "1", ["AttemptLimits:Codes:FreeFailures"] = "0" });
        var client = strict.CreateClient();
        await client.GetAsync("/api/join/ZZZZZZ");
        var response = await client.GetAsync("/api/join/ZZZZZZ");
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    [Fact]
    public async Task The_page_has_no_inline_script_and_the_export_page_allows_only_its_own_style_by_hash()
    {
        var page = await App.CreateClient().GetAsync("/");
        if (page.StatusCode == HttpStatusCode.OK)
        {
            var html = await page.Content.ReadAsStringAsync();
            Assert.DoesNotMatch(new Regex(@"<script(?![^>]*\bsrc=)[^>]*>", RegexOptions.IgnoreCase), html);
            Assert.DoesNotMatch(new Regex(@"\son[a-z]+\s*=", RegexOptions.IgnoreCase), html);
        }
        var member = App.CreateClient();
        member.DefaultRequestHeaders.Authorization = new("Bearer", Scenario.Ana.Token);
        var export = await member.GetAsync("/api/me/export/easy-read");
        var csp = string.Join(",", export.Headers.GetValues("Content-Security-Policy"));
        var style = Regex.Match(await export.Content.ReadAsStringAsync(), "<style>(.*?)</style>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains($"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(style)))}'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", await export.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task HSTS_is_sent_outside_Development_only()
    {
        Assert.False((await App.CreateSecureClient().GetAsync("/healthz")).Headers.Contains("Strict-Transport-Security"));
        await using var production = new ForumApp(Postgres, settings: new Dictionary<string, string> { ["environment"] = "Production" });
        var client = production.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://forum.example.org") });
        var response = await client.GetAsync("/healthz");
        Assert.Contains("max-age=31536000", string.Join(",", response.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
        AssertSecurityHeaders(response, "production");
    }

    [Fact]
    public async Task Fewer_password_hash_rounds_stop_the_Api_at_start_outside_Development()
    {
        await using var production = new ForumApp(Postgres, settings: new Dictionary<string, string>
        {
            ["environment"] = "Production",
            ["Accounts:PasswordHashIterations"] = "1000",
        });
        var error = Assert.Throws<InvalidOperationException>(() => production.CreateClient());
        Assert.Contains("PasswordHashIterations", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_WebSocket_handshake_from_a_foreign_origin_is_refused_before_it_starts()
    {
        Assert.Equal(403, await HubWire.RefusedStatusAsync(App, Scenario.Ana.Token, origin: "https://evil.example"));
        Assert.Equal(403, await HubWire.RefusedStatusAsync(App, Scenario.Ana.Token, origin: "null"));
        Assert.Contains(App.Logs.Warnings(), e => e.Message.Contains("from origin https://evil.example", StringComparison.Ordinal));

        var negotiate = new HttpRequestMessage(HttpMethod.Post, "/hubs/meeting/negotiate?negotiateVersion=1") { Headers = { { "Origin", "https://evil.example" } } };
        negotiate.Headers.Authorization = new("Bearer", Scenario.Ana.Token);
        var refused = await App.CreateClient().SendAsync(negotiate);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains(OriginCheckMiddleware.OriginNotAllowed, await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The site itself, the configured dev server, and programs (no Origin) are let in.
        await using (var same = await HubWire.ConnectAsync(App, Scenario.Ana.Token, origin: "http://localhost")) Assert.True((await same.InvokeAsync("JoinMeeting")).Ok);
        await using (var dev = await HubWire.ConnectAsync(App, Scenario.Ana.Token, origin: "http://localhost:5173")) Assert.True((await dev.InvokeAsync("JoinMeeting")).Ok);
        await using (var program = await HubWire.ConnectAsync(App, Scenario.Ana.Token)) Assert.True((await program.InvokeAsync("JoinMeeting")).Ok);
    }

    [Fact]
    public async Task A_cross_site_request_with_the_facilitator_cookie_is_refused()
    {
        var client = await App.FacilitatorClientAsync();
        var forged = new HttpRequestMessage(HttpMethod.Post, "/api/meetings")
        {
            Content = JsonContent.Create(new { commandId = Guid.NewGuid(), title = "Forged", facilitatorName = "Eve" }, options: ForumApp.Json),
            Headers = { { "Origin", "https://evil.example" } },
        };
        var before = await App.FingerprintAsync();
        var response = await client.SendAsync(forged);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(before, await App.FingerprintAsync());
    }

    [Fact]
    public async Task Access_tokens_are_redacted_from_every_log_line()
    {
        await using var verbose = new ForumApp(Postgres, settings: new Dictionary<string, string>
        {
            ["Logging:LogLevel:Default"] = "Debug",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Debug",
        });
        var meeting = await verbose.CreateMeetingAsync();
        var token = meeting.FacilitatorToken!;
        await using (var wire = await HubWire.ConnectAsync(verbose, token)) await wire.InvokeAsync("JoinMeeting");
        var http = verbose.CreateClient();
        await http.GetAsync($"/hubs/meeting?id=x&access_token={token}");
        http.DefaultRequestHeaders.Authorization = new("Bearer", token);
        await http.GetAsync($"/api/meetings/{meeting.MeetingId}/snapshot");

        var lines = verbose.Logs.Entries.ToList();
        Assert.Contains(lines, e => e.Message.Contains("access_token=" + LogRedaction.Redacted, StringComparison.Ordinal));
        var secret = token["fh_".Length..];
        Assert.DoesNotContain(lines, e => e.Message.Contains(secret, StringComparison.Ordinal) ||
                                          e.Values.Any(v => v.Value?.ToString()?.Contains(secret, StringComparison.Ordinal) == true));
    }

    [Theory]
    [InlineData("GET /hubs/meeting?id=1&access_token=fh_abc_DEF-123456789012345678901234567890", "GET /hubs/meeting?id=1&access_token=[redacted]")]
    [InlineData("Authorization: Bearer fh_abcdefghijklmnopqrstuvwxyz", "Authorization: Bearer [redacted]")]
    [InlineData("token fh_abcdefghijklmnopqrstuvwxyz0123 leaked", "token fh_[redacted] leaked")]
    [InlineData("nothing secret here", "nothing secret here")]
    public void Redaction_replaces_tokens_wherever_they_appear(string text, string expected) =>
        Assert.Equal(expected, LogRedaction.Redact(text));

    [Fact]
    public void The_Easy_Read_export_page_policy_only_adds_its_style_hash() =>
        Assert.Equal(SecurityHeadersMiddleware.ContentSecurityPolicy,
            Regex.Replace(EasyReadExportPage.ContentSecurityPolicy, " 'sha256-[^']+'", ""));
}
