using System.Security.Cryptography;

namespace ForumHub.Api.Access;

/// <summary>
/// Codes people type on a keypad: no 0/O, 1/I/L, 2/Z, 5/S, 8/B look-alikes. Member codes have 6 characters,
/// listener invite codes 8, so the two never get mixed up.
/// </summary>
public static class JoinCodes
{
    public const string Alphabet = "ACDEFGHJKMNPQRTUVWXY3479";
    public const int MemberLength = 6;
    public const int ListenerLength = 8;

    public static string New(int length) =>
        string.Create(length, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++) span[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        });

    /// <summary>Upper-case, without spaces or dashes, so "abc-def" and "ABC DEF" both work.</summary>
    public static string Normalize(string? code) =>
        new((code ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-').Select(char.ToUpperInvariant).ToArray());
}
