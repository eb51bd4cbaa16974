using System.Xml.Linq;
using ForumHub.Api.Persistence;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace ForumHub.Api.Access;

/// <summary>
/// Keeps ASP.NET Core Data Protection keys (which protect the facilitator cookie) in PostgreSQL, so every node
/// accepts the same cookies and a restart signs nobody out. Anyone who can read the database can read these keys;
/// the database already holds everything they protect.
/// </summary>
public sealed class PostgresKeyRing(IServiceScopeFactory scopes) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ForumDbContext>();
        return db.DataProtectionKeys.AsEnumerable().Select(k => XElement.Parse(k.Xml)).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ForumDbContext>();
        db.DataProtectionKeys.Add(new DataProtectionKeyRow { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        db.SaveChanges();
    }
}
