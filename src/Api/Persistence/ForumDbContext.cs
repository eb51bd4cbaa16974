using System.Text;
using Microsoft.EntityFrameworkCore;

namespace ForumHub.Api.Persistence;

public sealed partial class ForumDbContext(DbContextOptions<ForumDbContext> options) : DbContext(options)
{
    public DbSet<MeetingRow> Meetings => Set<MeetingRow>();
    public DbSet<EventRow> Events => Set<EventRow>();
    public DbSet<ParticipantRow> Participants => Set<ParticipantRow>();
    public DbSet<AccessTokenRow> AccessTokens => Set<AccessTokenRow>();
    public DbSet<BallotRow> Ballots => Set<BallotRow>();
    public DbSet<ProcessedCommandRow> ProcessedCommands => Set<ProcessedCommandRow>();
    public DbSet<MinutesVersionRow> MinutesVersions => Set<MinutesVersionRow>();
    public DbSet<MinutesPublicationRow> MinutesPublications => Set<MinutesPublicationRow>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.Entity<MeetingRow>(e =>
        {
            e.ToTable("meetings").HasKey(m => m.Id);
            e.Property(m => m.Title).HasMaxLength(200);
            e.Property(m => m.Phase).HasMaxLength(20);
            e.Property(m => m.Version).IsConcurrencyToken();
            e.Property(m => m.JoinCode).HasMaxLength(12);
            e.Property(m => m.ListenerCode).HasMaxLength(12);
            e.HasIndex(m => m.JoinCode).IsUnique();
            e.HasIndex(m => m.ListenerCode).IsUnique();
        });
        b.Entity<EventRow>(e =>
        {
            e.ToTable("meeting_events").HasKey(x => new { x.MeetingId, x.Seq });
            e.Property(x => x.Type).HasMaxLength(60);
            e.Property(x => x.Payload).HasColumnType("jsonb");
            e.HasOne<MeetingRow>().WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<ParticipantRow>(e =>
        {
            e.ToTable("participants").HasKey(p => p.Id);
            e.Property(p => p.DisplayName).HasMaxLength(100);
            e.Property(p => p.Role).HasMaxLength(20);
            e.Property(p => p.Picture).HasMaxLength(60);
            e.HasIndex(p => p.MeetingId);
            e.HasOne<MeetingRow>().WithMany().HasForeignKey(p => p.MeetingId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<AccessTokenRow>(e =>
        {
            e.ToTable("access_tokens").HasKey(t => t.TokenHash);
            e.Property(t => t.Role).HasMaxLength(20);
            e.HasIndex(t => t.ParticipantId);
            e.HasOne<ParticipantRow>().WithMany().HasForeignKey(t => t.ParticipantId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<BallotRow>(e =>
        {
            // The primary key is the "one ballot per member per poll" rule, enforced by the database itself.
            e.ToTable("ballots").HasKey(x => new { x.PollId, x.MemberId });
            e.Property(x => x.OptionId).HasMaxLength(20);
            e.HasIndex(x => x.MeetingId);
            e.HasOne<MeetingRow>().WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<ProcessedCommandRow>(e =>
        {
            // Per meeting: a command id only has to be unique among one meeting's commands (checked in memory by
            // its writer), so a batch of many commands can never fail because of one client's reused id.
            e.ToTable("processed_commands").HasKey(c => new { c.MeetingId, c.CommandId });
            e.Property(c => c.Result).HasColumnType("jsonb");
            e.HasIndex(c => c.CommandId);
            e.HasOne<MeetingRow>().WithMany().HasForeignKey(c => c.MeetingId).OnDelete(DeleteBehavior.Cascade);
        });
        // Each group of tables is configured in the file that holds its rows.
        MinutesModel.ConfigureMinutes(b); // Persistence/MinutesRows.cs
        ConfigureAccessAndPrivacy(b); // ForumDbContext.Access.cs
        ConfigureTakeOverCodes(b); // ForumDbContext.TakeOver.cs
        ConfigureForumMembers(b); // ForumMemberRows.cs
        ConfigureFollowUps(b); // ForumDbContext.FollowUps.cs
        ConfigureForumInsights(b); // ForumDbContext.Insights.cs
        ConfigureForumRecord(b); // ForumDbContext.Record.cs
        UseSnakeCaseColumns(b);
    }

    /// <summary>PostgreSQL convention: snake_case columns, so hand-written SQL migrations read naturally.</summary>
    private static void UseSnakeCaseColumns(ModelBuilder b)
    {
        foreach (var entity in b.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties()) property.SetColumnName(ToSnakeCase(property.Name));
            foreach (var key in entity.GetKeys()) key.SetName($"pk_{entity.GetTableName()}");
            foreach (var fk in entity.GetForeignKeys())
                fk.SetConstraintName($"fk_{entity.GetTableName()}_{string.Join("_", fk.Properties.Select(p => ToSnakeCase(p.Name)))}");
            foreach (var index in entity.GetIndexes())
                index.SetDatabaseName($"ix_{entity.GetTableName()}_{string.Join("_", index.Properties.Select(p => ToSnakeCase(p.Name)))}");
        }
    }

    internal static string ToSnakeCase(string name)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0) sb.Append('_');
            sb.Append(char.ToLowerInvariant(name[i]));
        }
        return sb.ToString();
    }
}
