using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using ForumHub.Domain.Meetings;

namespace ForumHub.Api.Features.Privacy;

/// <summary>
/// The personal data export as an Easy Read page: short sentences (at most 15 words), one per line or list item, at
/// most 5 per section, dates in full, large sans-serif text, left-aligned, one column. What people typed is shown as
/// they said it, each in its own quote block. No script; one style block, allowed by its hash in the page's CSP.
/// </summary>
public static class EasyReadExportPage
{
    private const int SentencesPerSection = 5;

    public const string Style =
        "body{font-family:Arial,Helvetica,sans-serif;font-size:21px;line-height:1.5;color:#1a1a1a;background:#ffffff;" +
        "max-width:40em;margin:0 auto;padding:1em;text-align:left;hyphens:none;overflow-wrap:normal}" +
        "h1,h2{line-height:1.3;font-weight:bold}section{margin:0 0 1.5em 0}" +
        "blockquote{border-left:6px solid #1a1a1a;margin:0.5em 0;padding:0.25em 1em}" +
        "ul{padding-left:1.2em}li{margin:0.25em 0}" +
        "@media print{body{font-size:16pt}}";

    /// <summary>The page's Content-Security-Policy: the site's policy, with this page's style block allowed by hash.</summary>
    public static string ContentSecurityPolicy { get; } =
        Infrastructure.SecurityHeadersMiddleware.ContentSecurityPolicy.Replace("style-src 'self'",
            $"style-src 'self' 'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Style)))}'", StringComparison.Ordinal);

    public static string Render(PersonalDataExport d)
    {
        var page = new Page();
        page.Section("About this page",
            S("This page shows what ForumHub keeps about you."),
            S("It is about this meeting:"), Q(d.Meeting.Title),
            S($"The meeting started on {Date(d.Meeting.CreatedAt)}."),
            S($"We made this page on {Date(d.ExportedAt)}."));

        var p = d.Person;
        page.Section("About you", [
            S("Your name in the meeting:"), Q(p.DisplayName),
            S($"You joined as {RoleWords(p.Role)} on {Date(p.JoinedAt)}."),
            .. p.Supports is { } member ? (Line[])[S("You supported this member:"), Q(member)] : [],
            .. p.SupportedBy.SelectMany(s => (Line[])[S("This supporter helped you:"), Q(s)]),
            .. p.Removed ? (Line[])[S("The facilitator took you out of the meeting.")] : [],
        ]);
        if (p.Roles.Count > 0)
            page.Section("Your jobs in the meeting", [.. p.Roles.Select(r => S(r switch
            {
                MeetingRole.Chair => "You were the chair.",
                MeetingRole.Timekeeper => "You were the timekeeper.",
                MeetingRole.NoteTaker => "You were the note taker.",
                _ => "You welcomed people.",
            }))]);

        if (d.ForumMember is { } f)
            page.Section("You on the forum's list", [
                S("You are on the list of this forum:"), Q(f.Forum),
                S("Your name on the list:"), Q(f.Person.DisplayName),
                .. f.Person.Represents is { } from ? (Line[])[S("You come from:"), Q(from)] : [],
                S(f.Person.KeepsRecord ? "You said yes: we may keep a record of the meetings you come to." : "You said no: we keep no record of the meetings you come to."),
                S($"You came to {f.MeetingsCameTo.Count} {(f.MeetingsCameTo.Count == 1 ? "meeting" : "meetings")} of the forum."),
            ]);

        page.Sections("Your answers", d.Answers.Select(a => (Line[])
        [
            S(a.Question == Question.WhyAreYouHere ? "You answered \"Why are you here?\"" : "You answered \"What do you want to do?\""),
            Q(a.Text),
            .. Helped(a.WithSupportFrom),
        ]));
        page.Sections("Your ideas for the agenda", d.AgendaItems.Select(i => (Line[])
        [
            S("You asked to talk about this:"), Q(i.Title), S(ItemWords(i.Status)), .. Helped(i.WithSupportFrom),
        ]));
        page.Sections("Your votes", d.Votes.Select(v => (Line[])
        [
            S($"You voted on {Date(v.At)}."), S("The question was:"), Q(v.Question),
            .. v.Choice == PersonalDataExport.HiddenChoice
                ? (Line[])[S("This vote was secret. We do not show your answer here.")]
                : [S("Your answer was:"), Q(v.Choice)],
            .. Helped(v.WithSupportFrom),
        ]));
        page.Sections("Your actions", d.Actions.Select(a => (Line[])
        [
            S(a.Part == "owner" ? "You said you would do this:" : "You help with this action:"), Q(a.What),
            .. a.DueDate is { } due ? (Line[])[S($"It should be done by {Date(due)}.")] : [],
            S(a.Status switch { ActionStatus.Done => "This action is done.", ActionStatus.Dropped => "This action was stopped.", _ => "This action is not done yet." }),
        ]));
        page.Sections("What you said as a listener", d.ListenerResponses.Select(r => (Line[])[S("You said:"), Q(r.Text)]));
        page.Sections("Cards you showed", d.Cards.Select(c => (Line[])[S($"You showed the {CardWords(c.Kind)} card on {Date(c.RaisedAt)}.")]));
        page.Sections("Things you did with someone", d.HelpGiven.Select(h => (Line[])
        [
            S(h.Kind switch { "answer" => "You helped this person answer:", "agendaItem" => "You helped this person ask for an agenda item:", _ => "You helped this person vote:" }),
            Q(h.For), S("It was about this:"), Q(h.What),
        ]));
        page.Section("What you can do",
            S("You can ask us to delete your name."),
            S("Your name then changes to \"A member\" everywhere."),
            S("Votes stay counted, but nobody can see they were yours."),
            S("Ask the facilitator to do this for you."),
            S("Our privacy page tells you more."));
        return page.Html("Your information from ForumHub");
    }

    private static Line S(string sentence) => new(false, sentence);
    private static Line Q(string saidText) => new(true, saidText);
    private static Line[] Helped(string? helper) => helper is null ? [] : [S("This person helped you:"), Q(helper)];

    private static string RoleWords(Role role) => role switch
    {
        Role.Member => "a member",
        Role.Supporter => "a supporter",
        Role.Listener => "a listener",
        Role.Facilitator => "the facilitator",
        _ => "the shared screen",
    };

    private static string ItemWords(ItemStatus status) => status switch
    {
        ItemStatus.Proposed => "It was not chosen for the agenda.",
        ItemStatus.Agreed or ItemStatus.Current => "It is on the agenda.",
        ItemStatus.Done => "The meeting talked about it.",
        _ => "It moves to the next meeting.",
    };

    private static string CardWords(CardKind kind) => kind switch
    {
        CardKind.SlowDown => "Slow down",
        _ => kind.ToString(),
    };

    /// <summary>Dates in full, as people say them: "Tuesday 3 March 2026" (UK time).</summary>
    public static string Date(DateTimeOffset at) => Date(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, London).DateTime));

    public static string Date(DateOnly day) => day.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture);

    private static readonly TimeZoneInfo London = TimeZoneInfo.TryFindSystemTimeZoneById("Europe/London", out var tz) ? tz : TimeZoneInfo.Utc;

    private sealed record Line(bool Said, string Text);

    private sealed class Page
    {
        private readonly StringBuilder _body = new();

        public void Section(string heading, params Line[] lines)
        {
            _body.Append("<section><h2>").Append(E(heading)).Append("</h2>\n");
            var inList = false;
            foreach (var line in lines)
            {
                if (line.Said)
                {
                    if (inList) { _body.Append("</ul>\n"); inList = false; }
                    _body.Append("<blockquote><p>").Append(E(line.Text)).Append("</p></blockquote>\n");
                    continue;
                }
                if (!inList) { _body.Append("<ul>\n"); inList = true; }
                _body.Append("<li>").Append(E(line.Text)).Append("</li>\n");
            }
            if (inList) _body.Append("</ul>\n");
            _body.Append("</section>\n");
        }

        /// <summary>One group per thing; groups are packed into sections of at most 5 sentences ("Your votes, part 2").</summary>
        public void Sections(string heading, IEnumerable<Line[]> groups)
        {
            var all = groups.ToList();
            if (all.Count == 0) return;
            var parts = new List<List<Line>> { new() };
            foreach (var group in all)
            {
                var sentences = group.Count(l => !l.Said);
                if (parts[^1].Count > 0 && parts[^1].Count(l => !l.Said) + sentences > SentencesPerSection) parts.Add([]);
                parts[^1].AddRange(group);
            }
            for (var i = 0; i < parts.Count; i++)
                Section(parts.Count == 1 ? heading : $"{heading}, part {i + 1}", [.. parts[i]]);
        }

        public string Html(string title) =>
            "<!doctype html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n" +
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n" +
            $"<title>{E(title)}</title>\n<style>{Style}</style>\n</head>\n<body>\n<main>\n<h1>{E(title)}</h1>\n{_body}</main>\n</body>\n</html>\n";

        private static string E(string text) => HtmlEncoder.Default.Encode(text);
    }
}
