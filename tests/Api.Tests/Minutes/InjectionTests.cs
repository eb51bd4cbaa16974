using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using ForumHub.Api.Features.Minutes.Writing;
using ForumHub.Domain.Meetings;

namespace ForumHub.Api.Tests.Minutes;

/// <summary>
/// Hostile text in every field a participant or the facilitator can type must come out of the minutes as text:
/// the HTML, parsed with AngleSharp, has no script, no event attribute, no URL other than http(s)/mailto, and only
/// the elements the renderer itself makes.
/// </summary>
public sealed class InjectionTests
{
    public static readonly string[] Payloads =
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<svg onload=alert(1)>",
        "<a href=\"javascript:alert(1)\">click</a>",
        "[click](javascript:alert(1))",
        "[click](JaVaScRiPt:alert(1))",
        "[click](java&#x09;script:alert(1))",
        "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "![x](javascript:alert(1))",
        "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
        "<iframe src=\"javascript:alert(1)\"></iframe>",
        "<body onload=alert(1)>",
        "<style>body{background:url(javascript:alert(1))}</style>",
        "<a href=\" javascript:alert(1)\">x</a>",
        "[x](<javascript:alert(1)>)",
        "<javascript:alert(1)>",
        "<mailto:someone@example.org>",
        "[x](vbscript:msgbox(1))",
        "[x](file:///etc/passwd)",
        "[x]: javascript:alert(1)\n\n[y][x]",
        "&lt;script&gt;alert(1)&lt;/script&gt;",
        "&#60;script&#62;alert(1)&#60;/script&#62;",
        "[x](&#x6A;avascript:alert(1))",
        "<scr<script>ipt>alert(1)</script>",
        "\"><script>alert(1)</script>",
        "'><img src=x onerror=alert(1)>",
        "<div style=\"background:url(javascript:alert(1))\">",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "<details open ontoggle=alert(1)>",
        "<input autofocus onfocus=alert(1)>",
        "<video><source onerror=alert(1)>",
        "<object data=\"javascript:alert(1)\">",
        "<embed src=\"javascript:alert(1)\">",
        "<form action=\"javascript:alert(1)\"><button>x</button></form>",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
        "<base href=\"javascript:alert(1)//\">",
        "<link rel=stylesheet href=\"javascript:alert(1)\">",
        "`<script>alert(1)</script>`",
        "```html\n<script>alert(1)</script>\n```",
        "    <script>alert(1)</script>",
        "<!-- x --><script>alert(1)</script>",
        "<![CDATA[<script>alert(1)</script>]]>",
        "**bold** _italic_ ~~strike~~ # heading",
        "# Heading\n## Sub heading",
        "- list\n1. numbered\n> quote",
        "| a | b |\n|---|---|\n| c | d |",
        new string('W', 5000),
        "\u202Egnp.exe\u202C evil",
        "\u200F\u202B right to left \u202C mark",
        "https://example.org/<script>alert(1)</script>",
        "www.example.com/?a=<img src=x onerror=alert(1)>",
        "[x](https://example.org \"title\\\" onmouseover=\\\"alert(1)\")",
        "<a href=\"https://ok.example\" onclick=\"alert(1)\">ok</a>",
        "<svg><a xlink:href=\"javascript:alert(1)\"><text>x</text></a></svg>",
        "\\<script\\>alert(1)\\</script\\>",
        "<<script>script>alert(1)<</script>/script>",
        "[![x](javascript:alert(1))](javascript:alert(2))",
        "![x](picture:vote\" onload=\"alert(1))",
        "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
        "\u0001\u0007<script>alert(1)</script>", // control characters are dropped; a NUL is refused before it gets here (text_invalid_character)
        "<x onmouseover=alert(1)>hover",
        "%3Cscript%3Ealert(1)%3C/script%3E",
        "<img src=\"https://example.org/tracker.png\">",
        "&amp;lt;b&amp;gt; &#0; &#xD800; &nbsp; &unknown;",
    ];

    private static readonly HashSet<string> AllowedElements =
    [
        "html", "head", "meta", "title", "style", "body", "main", "section", "div", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "p", "ul", "ol",
        "li", "blockquote", "strong", "em", "a", "br", "code", "pre", "hr",
        "svg", "g", "path", "circle", "ellipse", "line", "polygon", "polyline", "rect",
    ];

    private static readonly HashSet<string> UrlAttributes =
    [
        "href", "src", "xlink:href", "action", "formaction", "srcset", "data", "poster", "background", "cite", "longdesc", "manifest", "codebase",
        "ping", "content",
    ];

    [Fact]
    public void The_corpus_has_at_least_50_payloads() => Assert.True(Payloads.Length >= 50, $"{Payloads.Length} payloads");

    public static TheoryData<int> PayloadIndexes => [.. Enumerable.Range(0, Payloads.Length)];

    [Theory]
    [MemberData(nameof(PayloadIndexes))]
    public void A_payload_in_every_user_text_field_comes_out_as_text(int index)
    {
        var payload = Payloads[index];
        var meeting = MeetingFilledWith(payload);
        var options = new MinutesOptions(new DateOnly(2026, 4, 7));
        var easyRead = EasyReadGenerator.Generate(meeting, options);
        var standard = StandardGenerator.Generate(meeting, options);
        var correction = new MinutesNotice("This is a correction", ["This is what changed:"], payload);

        AssertSafe(MinutesRenderer.Page(easyRead, payload, null, [correction]), 2);
        var standardHtml = MinutesRenderer.Page(standard, payload);
        AssertSafe(standardHtml, 2);
        AssertSafe(MinutesRenderer.Pack(easyRead, payload, [payload, Fit(payload, 40)], null, [correction]), 2);

        // Shown as said: the question appears, as text, in the standard minutes.
        var question = EasyReadText.Clean(Fit(payload, 200));
        Assert.Contains(question, new HtmlParser().ParseDocument(standardHtml).Body!.TextContent.ReplaceLineEndings(" "), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(PayloadIndexes))]
    public void A_payload_typed_into_the_Markdown_by_the_facilitator_is_made_safe(int index)
    {
        var payload = Payloads[index];
        var markdown = $"# Easy Read minutes\n\n## Edited\n\n![A pen](picture:correction)\n\n{payload}\n\n- {payload}\n\n> {payload}\n";
        // Links the facilitator writes may stay when they are http, https or mailto.
        AssertSafe(MinutesRenderer.Page(markdown, "Edited"), null);
        Assert.NotNull(EasyReadChecker.Check(markdown));
    }

    [Fact]
    public void Safe_links_written_by_the_facilitator_stay_and_others_become_text()
    {
        var html = MinutesRenderer.Body("[Bus times](https://example.org/bus) and [mail us](mailto:forum@example.org) and [bad](javascript:alert(1))");
        var doc = new HtmlParser().ParseDocument(html);
        Assert.Equal(["https://example.org/bus", "mailto:forum@example.org"], doc.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        Assert.Contains("bad", doc.Body!.TextContent, StringComparison.Ordinal);
    }

    private static void AssertSafe(string html, int? expectedLinks)
    {
        var doc = new HtmlParser().ParseDocument(html);
        Assert.Empty(doc.QuerySelectorAll("script"));
        Assert.Single(doc.QuerySelectorAll("style"));
        foreach (var element in doc.All)
        {
            var name = element.LocalName.ToLowerInvariant();
            Assert.True(AllowedElements.Contains(name), $"unexpected <{name}> in\n{element.OuterHtml}");
            foreach (var attribute in element.Attributes)
            {
                var attr = attribute.Name.ToLowerInvariant();
                Assert.False(attr.StartsWith("on", StringComparison.Ordinal), $"event attribute {attr} on <{name}>");
                Assert.NotEqual("style", attr);
                Assert.NotEqual("srcdoc", attr);
                if (name == "meta" && attr == "content") continue;
                if (UrlAttributes.Contains(attr))
                    Assert.True(MinutesRenderer.IsSafeUrl(attribute.Value), $"unsafe URL {attr}=\"{attribute.Value}\" on <{name}>");
            }
        }
        foreach (var meta in doc.QuerySelectorAll("meta"))
            Assert.True(meta.HasAttribute("charset") || meta.GetAttribute("name") == "viewport" ||
                        meta.GetAttribute("http-equiv") == "Content-Security-Policy", meta.OuterHtml);
        Assert.StartsWith("default-src 'none';", doc.QuerySelector("meta[http-equiv]")!.GetAttribute("content"), StringComparison.Ordinal);
        if (expectedLinks is { } n) Assert.Equal(n, doc.QuerySelectorAll("a").Length);
    }

    private static string Fit(string text, int max)
    {
        var trimmed = text.Trim();
        return trimmed.Length <= max ? trimmed : trimmed[..max].Trim();
    }

    /// <summary>A closed meeting in which every text a person can type is the payload (cut to each field's limit).</summary>
    public static Meeting MeetingFilledWith(string payload)
    {
        string F(int max, string suffix = "") => Fit(payload, max - suffix.Length) + suffix;
        var t = new DateTimeOffset(2026, 3, 3, 14, 0, 0, TimeSpan.Zero);
        var today = DateOnly.FromDateTime(t.UtcDateTime);
        var m = Meeting.Create(Guid.NewGuid(), F(Limits.Title), t);
        var sam = m.Join(Guid.NewGuid(), F(Limits.DisplayName), Role.Facilitator, F(Limits.Picture), null, t).Id;
        var ana = m.Join(Guid.NewGuid(), F(Limits.DisplayName), Role.Member, F(Limits.Picture), null, t).Id;
        var sue = m.Join(Guid.NewGuid(), F(Limits.DisplayName), Role.Supporter, null, ana, t).Id;
        var tom = m.Join(Guid.NewGuid(), F(Limits.DisplayName), Role.Listener, null, null, t).Id;
        m.AnswerQuestion(ana, Question.WhyAreYouHere, F(Limits.Answer), F(Limits.Picture), null);
        m.AnswerQuestion(tom, Question.WhyAreYouHere, F(Limits.Answer), null, null);
        var wish = m.AnswerQuestion(sue, Question.WhatDoYouWantToDo, F(Limits.Answer), F(Limits.Picture), ana).Id;
        m.MoveTo(sam, Phase.Agenda, t);
        var item = m.PromoteAnswer(sam, wish, F(Limits.Title)).Id;
        var other = m.ProposeItem(ana, F(Limits.Title), F(Limits.Picture), null).Id;
        m.AgreeAgenda(sam, [item, other]);
        m.MoveTo(sam, Phase.Items, t);
        m.StartItem(sam, item);
        m.AddNote(sam, item, F(Limits.Note));
        var open = m.OpenPoll(sam, item, F(Limits.PollQuestion), [(F(Limits.OptionLabel, " 1"), F(Limits.Picture)), (F(Limits.OptionLabel, " 2"), null)],
            false, PollMode.Devices, t).Id;
        m.CastBallot(sue, open, "o1", ana);
        m.ClosePoll(sam, open, t);
        var secret = m.OpenPoll(sam, item, F(Limits.PollQuestion), null, true, PollMode.Devices, t).Id;
        m.CastBallot(ana, secret, "no", null);
        m.ClosePoll(sam, secret, t);
        m.RecordDecision(sam, item, F(Limits.Decision), ParticipationLevel.Consultation, open);
        m.RecordDecision(sam, null, F(Limits.Decision), ParticipationLevel.Persuasion, null);
        m.AddAction(sam, item, F(Limits.ActionWhat), ana, sue, today.AddDays(7), null, today);
        m.InviteListener(sam, tom, item);
        var reply = m.Respond(tom, F(Limits.Response), item).Id;
        m.AddAction(sam, item, F(Limits.ActionWhat), tom, null, null, reply, today);
        m.FinishItem(sam, item);
        m.MoveTo(sam, Phase.Closed, t);
        return m;
    }
}
