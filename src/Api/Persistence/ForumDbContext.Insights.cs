using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;

namespace ForumHub.Api.Persistence;

/// <summary>Forum insights (issue 14): the full-text search column of the minutes. SQL twin: Migrations/0009_forum_insights.sql.</summary>
public sealed partial class ForumDbContext
{
    /// <summary>Same expression as the migration: Easy Read words without the picture markup, English configuration.</summary>
    internal const string MinutesSearchSql =
        """to_tsvector('english'::regconfig, regexp_replace(easy_read, '!\[[^]]*\]\([^)]*\)', ' ', 'g'))""";

    /// <summary>Called from OnModelCreating. A shadow property: only the search query reads it, no C# code does.</summary>
    private static void ConfigureForumInsights(ModelBuilder b) =>
        b.Entity<MinutesVersionRow>(e =>
        {
            e.Property<NpgsqlTsVector>("SearchVector").HasComputedColumnSql(MinutesSearchSql, stored: true);
            e.HasIndex("SearchVector").HasMethod("gin");
        });
}
