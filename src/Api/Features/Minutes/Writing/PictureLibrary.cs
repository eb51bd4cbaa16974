using System.Collections.Frozen;
using System.Net;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ForumHub.Api.Features.Minutes.Writing;

/// <summary>
/// The OpenMoji pictures vendored in Minutes/Pictures (see vendor-openmoji.mjs there): a word -> hexcode map
/// (pictures.json, shared with the web app) and the SVGs, embedded in the Api so minutes stand alone offline.
/// </summary>
public static partial class PictureLibrary
{
    /// <summary>Markdown names a picture as an image with this URL scheme: <c>![Alt text](picture:vote)</c>.</summary>
    public const string Scheme = "picture:";

    private static readonly Lazy<Library> Loaded = new(Load);

    public static IReadOnlyDictionary<string, string> Codes => Loaded.Value.Codes;

    /// <summary>The line every page of minutes carries (CC BY-SA 4.0 asks for it).</summary>
    public static string Attribution => Loaded.Value.Attribution;

    public static bool IsKnown(string? word) => word is not null && Loaded.Value.Codes.ContainsKey(Normalize(word));

    /// <summary>The picture word to use: the user's choice when it is in the set, otherwise the fallback.</summary>
    public static string Pick(string? word, string fallback) => IsKnown(word) ? Normalize(word!) : fallback;

    /// <summary>The word named by a <c>picture:word</c> URL, or null when the URL names no known picture.</summary>
    public static string? WordOf(string? url)
    {
        if (url is null || !url.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase)) return null;
        var word = Normalize(url[Scheme.Length..]);
        return Loaded.Value.Codes.ContainsKey(word) ? word : null;
    }

    /// <summary>
    /// The picture as inline SVG. With alt text it is an image with that accessible name; without, it is
    /// decorative and hidden from screen readers (the words beside it say the same).
    /// </summary>
    public static string InlineSvg(string word, string? alt, string cssClass)
    {
        var body = Loaded.Value.Bodies[Loaded.Value.Codes[Normalize(word)]];
        var label = string.IsNullOrWhiteSpace(alt)
            ? "aria-hidden=\"true\""
            : $"role=\"img\" aria-label=\"{WebUtility.HtmlEncode(EasyReadText.Clean(alt))}\"";
        return $"<svg class=\"{cssClass}\" viewBox=\"0 0 72 72\" xmlns=\"http://www.w3.org/2000/svg\" focusable=\"false\" {label}>{body}</svg>";
    }

    private static string Normalize(string word) => word.Trim().ToLowerInvariant();

    private sealed record Library(FrozenDictionary<string, string> Codes, FrozenDictionary<string, string> Bodies, string Attribution);

    private static Library Load()
    {
        var assembly = typeof(PictureLibrary).Assembly;
        using var json = JsonDocument.Parse(Read(assembly, "pictures.json"));
        var codes = json.RootElement.GetProperty("pictures").EnumerateObject()
            .ToFrozenDictionary(p => p.Name, p => p.Value.GetString()!);
        var bodies = codes.Values.Distinct().ToFrozenDictionary(code => code, code => Body(Read(assembly, code + ".svg")));
        return new Library(codes, bodies, json.RootElement.GetProperty("attribution").GetString()!);
    }

    /// <summary>The drawing inside the root element, without ids (many pictures on one page must not share ids).</summary>
    private static string Body(string svg)
    {
        var open = svg.IndexOf("<svg", StringComparison.Ordinal);
        var start = svg.IndexOf('>', open) + 1;
        var end = svg.LastIndexOf("</svg>", StringComparison.Ordinal);
        var body = svg[start..end];
        body = Comment().Replace(body, "");
        body = IdAttribute().Replace(body, "");
        return Whitespace().Replace(body, " ").Trim();
    }

    private static string Read(Assembly assembly, string fileName)
    {
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith(".Minutes.Pictures." + fileName, StringComparison.Ordinal));
        using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"<!--.*?-->", RegexOptions.Singleline)]
    private static partial Regex Comment();

    [GeneratedRegex(@"\s+id=""[^""]*""")]
    private static partial Regex IdAttribute();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
