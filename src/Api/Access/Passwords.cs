using System.Security.Cryptography;
using System.Text;
using ForumHub.Api.Access;
using ForumHub.Api.Persistence;
using ForumHub.Api.Runtime;
using Microsoft.AspNetCore.Identity;

namespace ForumHub.Api.Access;

/// <summary>
/// Password hashing with ASP.NET Core's PasswordHasher (PBKDF2-HMAC-SHA512, salted, from the shared framework), the
/// password rules, and the one-time set-up codes that let a new facilitator choose their own password.
/// </summary>
public sealed class Passwords(AccountOptions options)
{
    public const int MaxLength = 200;
    private readonly PasswordHasher<FacilitatorAccountRow> _hasher =
        new(Microsoft.Extensions.Options.Options.Create(new PasswordHasherOptions { IterationCount = options.PasswordHashIterations }));
    private string? _dummyHash;

    public string Hash(FacilitatorAccountRow account, string password) => _hasher.HashPassword(account, password);

    /// <summary>Checks a password; true in <paramref name="rehash"/> when the stored hash should be upgraded.</summary>
    public bool Verify(FacilitatorAccountRow account, string password, out bool rehash)
    {
        rehash = false;
        if (account.PasswordHash is null || password.Length > MaxLength)
        {
            SpendTheSameTime(password);
            return false;
        }
        var result = _hasher.VerifyHashedPassword(account, account.PasswordHash, password);
        rehash = result == PasswordVerificationResult.SuccessRehashNeeded;
        return result != PasswordVerificationResult.Failed;
    }

    /// <summary>An unknown email costs as much time as a wrong password, so timing does not tell which emails exist.</summary>
    public void SpendTheSameTime(string password)
    {
        var dummy = new FacilitatorAccountRow { Email = "", DisplayName = "", SecurityStamp = "" };
        _dummyHash ??= _hasher.HashPassword(dummy, "not a real password, only here to spend time");
        _hasher.VerifyHashedPassword(dummy, _dummyHash, password.Length > MaxLength ? password[..MaxLength] : password);
    }

    /// <summary>Length is what matters (NIST SP 800-63B): at least MinPasswordLength characters, no composition rules.</summary>
    public void Check(string? password, string? email)
    {
        if (string.IsNullOrEmpty(password) || password.Length < options.MinPasswordLength)
            throw new CommandException(AccountErrorCodes.PasswordTooShort,
                $"Please choose a password of at least {options.MinPasswordLength} characters. A few words together work well.");
        if (password.Length > MaxLength)
            throw new CommandException(AccountErrorCodes.PasswordTooLong, $"Please choose a password of at most {MaxLength} characters.");
        if (email is not null && password.Trim().Equals(email.Trim(), StringComparison.OrdinalIgnoreCase))
            throw new CommandException(AccountErrorCodes.PasswordTooWeak, "Please do not use your email address as your password.");
    }

    /// <summary>A one-time set-up code: 16 characters of the unambiguous join-code alphabet (about 73 bits).</summary>
    public static string NewSetupCode() => JoinCodes.New(16);

    public static byte[] HashSetupCode(string code) => SHA256.HashData(Encoding.UTF8.GetBytes(JoinCodes.Normalize(code)));

    public static string NewSecurityStamp() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    public static string NormalizeEmail(string? email) => (email ?? "").Trim().ToLowerInvariant();
}

public static class AccountErrorCodes
{
    public const string SignInFailed = "sign_in_failed";
    public const string AccountLocked = "account_locked";
    public const string PasswordTooShort = "password_too_short";
    public const string PasswordTooLong = "password_too_long";
    public const string PasswordTooWeak = "password_too_weak";
    public const string EmailInvalid = "email_invalid";
    public const string EmailTaken = "email_taken";
    public const string SetupCodeInvalid = "setup_code_invalid";
    public const string AccountNotFound = "account_not_found";
    public const string ForumNotFound = "forum_not_found";
    public const string ForumNameTaken = "forum_name_taken";
    public const string CannotChangeYourself = "cannot_change_yourself";
    public const string TooManyAttempts = "too_many_attempts";
    public const string WrongOrganisation = "wrong_organisation";
}
