using ForumHub.Api.Access;
using ForumHub.Api.Audit;
using ForumHub.Api.Persistence;
using ForumHub.Api.Runtime;
using Microsoft.EntityFrameworkCore;

namespace ForumHub.Api.Features.Admin;

/// <summary>
/// The first administrator. There is no default password: either run
/// <c>scripts/run.sh create-admin --email you@example.org</c> or
/// <c>dotnet ForumHub.Api.dll create-admin --email you@example.org [--name "Your Name"] [--organisation "Name"]</c>
/// (the password comes from FORUMHUB_ADMIN_PASSWORD or is read from standard input), or set Bootstrap__AdminEmail
/// and Bootstrap__AdminPassword, which create the administrator at start-up only while there is none.
/// See docs/configuration.md.
/// </summary>
public static class AdminBootstrap
{
    public const string Command = "create-admin";
    public const string PasswordVariable = "FORUMHUB_ADMIN_PASSWORD";

    /// <summary>Bootstrap settings: create the first administrator (and organisation) if there is no administrator yet.</summary>
    public static async Task EnsureFromConfigurationAsync(IServiceProvider services, IConfiguration configuration, ILogger log)
    {
        var email = configuration["Bootstrap:AdminEmail"];
        if (string.IsNullOrWhiteSpace(email)) return;
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ForumDbContext>();
        if (await db.FacilitatorAccounts.AnyAsync(a => a.IsAdmin))
        {
            log.LogInformation("Bootstrap:AdminEmail is set but an administrator already exists; nothing to do (you can remove the Bootstrap settings)");
            return;
        }
        var password = configuration["Bootstrap:AdminPassword"];
        if (string.IsNullOrEmpty(password))
            throw new InvalidOperationException("Bootstrap:AdminEmail is set without Bootstrap:AdminPassword. Set both, or use the create-admin command.");
        var account = await CreateAdminAsync(scope.ServiceProvider, email, configuration["Bootstrap:AdminName"] ?? "Administrator", password,
            configuration["Bootstrap:OrganisationName"], configuration["Bootstrap:ForumName"]);
        log.LogInformation("Created the first administrator {AccountId} from the Bootstrap settings", account.Id);
    }

    /// <summary>create-admin: returns the process exit code.</summary>
    public static async Task<int> RunCommandAsync(string[] args, IServiceProvider services, TextReader input, TextWriter output, TextWriter error)
    {
        string? Option(string name)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }
        var email = Option("--email");
        var name = Option("--name") ?? "Administrator";
        if (string.IsNullOrWhiteSpace(email))
        {
            await error.WriteLineAsync($"Usage: dotnet ForumHub.Api.dll {Command} --email you@example.org [--name \"Your Name\"] [--organisation \"Name\"] [--forum \"Name\"]\n" +
                                       $"The password is read from {PasswordVariable}, or from standard input.");
            return 64;
        }
        var password = Environment.GetEnvironmentVariable(PasswordVariable);
        if (string.IsNullOrEmpty(password))
        {
            await output.WriteLineAsync("Password for the new administrator (one line):");
            password = ReferenceEquals(input, Console.In) && !Console.IsInputRedirected ? ReadHidden() : (await input.ReadLineAsync())?.TrimEnd('\r', '\n');
        }
        try
        {
            await using var scope = services.CreateAsyncScope();
            var account = await CreateAdminAsync(scope.ServiceProvider, email, name, password ?? "", Option("--organisation"), Option("--forum"));
            var site = services.GetRequiredService<ForumHub.Api.Infrastructure.SiteOptions>();
            await output.WriteLineAsync($"Administrator {account.Email} created. Sign in at {site.SignInPage}");
            return 0;
        }
        catch (CommandException e)
        {
            await error.WriteLineAsync($"{e.Code}: {e.Message}");
            return 1;
        }
    }

    /// <summary>A password typed at a terminal, not shown on the screen.</summary>
    private static string ReadHidden()
    {
        var typed = new System.Text.StringBuilder();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace) { if (typed.Length > 0) typed.Length--; }
            else if (!char.IsControl(key.KeyChar)) typed.Append(key.KeyChar);
        }
        Console.WriteLine();
        return typed.ToString();
    }

    /// <summary>Creates an administrator in the named organisation (made if missing; the only one if no name is given).</summary>
    public static async Task<FacilitatorAccountRow> CreateAdminAsync(IServiceProvider services, string email, string name, string password,
        string? organisationName, string? forumName)
    {
        var db = services.GetRequiredService<ForumDbContext>();
        var passwords = services.GetRequiredService<Passwords>();
        var clock = services.GetRequiredService<TimeProvider>();
        var now = clock.GetUtcNow();
        var cleanEmail = AccountRules.Email(email);
        var cleanName = AccountRules.Name(name, "name");
        passwords.Check(password, cleanEmail);
        if (await db.FacilitatorAccounts.AnyAsync(a => a.Email == cleanEmail))
            throw new CommandException(AccountErrorCodes.EmailTaken, "There is already an account with this email address.", StatusCodes.Status409Conflict);

        var organisation = organisationName is null
            ? await db.Organisations.OrderBy(o => o.CreatedAt).FirstOrDefaultAsync()
            : await db.Organisations.FirstOrDefaultAsync(o => o.Name == organisationName.Trim());
        if (organisation is null)
        {
            organisation = new OrganisationRow { Id = Guid.NewGuid(), Name = AccountRules.Name(organisationName ?? "Our organisation", "organisation name"), CreatedAt = now };
            db.Organisations.Add(organisation);
        }
        if (!string.IsNullOrWhiteSpace(forumName))
            db.Forums.Add(new ForumRow { Id = Guid.NewGuid(), OrganisationId = organisation.Id, Name = AccountRules.Name(forumName, "forum name"), CreatedAt = now });

        var account = new FacilitatorAccountRow
        {
            Id = Guid.NewGuid(),
            OrganisationId = organisation.Id,
            Email = cleanEmail,
            DisplayName = cleanName,
            IsAdmin = true,
            SecurityStamp = Passwords.NewSecurityStamp(),
            CreatedAt = now,
        };
        account.PasswordHash = passwords.Hash(account, password);
        db.FacilitatorAccounts.Add(account);
        services.GetRequiredService<AuditLog>().Add(db, new AuditLog.Entry("admin.bootstrap_administrator_created", organisation.Id, account.Id, Target: account.Id.ToString()));
        await db.SaveChangesAsync();
        return account;
    }
}

/// <summary>Checks on what people type into account forms.</summary>
public static class AccountRules
{
    public static string Email(string? email)
    {
        var clean = Passwords.NormalizeEmail(email);
        var at = clean.IndexOf('@');
        if (clean.Length is 0 or > 254 || at <= 0 || at != clean.LastIndexOf('@') || at == clean.Length - 1 || clean.Any(char.IsWhiteSpace))
            throw new CommandException(AccountErrorCodes.EmailInvalid, "Please give a whole email address, like name@example.org.");
        return clean;
    }

    public static string Name(string? name, string what)
    {
        var clean = (name ?? "").Trim();
        if (clean.Length == 0) throw new CommandException("text_empty", $"Please give a {what}.");
        if (clean.Length > 100) throw new CommandException("text_too_long", $"The {what} can have at most 100 characters.");
        return clean;
    }
}
