using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rumbo.Core.Agendas;

namespace Rumbo.Core.Data;

public sealed class RumboDbContext(DbContextOptions<RumboDbContext> options) : DbContext(options)
{
    public DbSet<Agenda> Agendas => Set<Agenda>();
    public DbSet<Principle> Principles => Set<Principle>();
    public DbSet<Area> Areas => Set<Area>();
    public DbSet<StrategicObjective> Objectives => Set<StrategicObjective>();
    public DbSet<LineOfAction> Lines => Set<LineOfAction>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Agenda>(e =>
        {
            e.ToTable("agendas");
            e.Property(a => a.Slug).HasMaxLength(64);
            e.Property(a => a.Symbol).HasMaxLength(64);
            e.Property(a => a.SourceDocument).HasMaxLength(64);
            e.Property(a => a.Place).HasMaxLength(200);
            e.Property(a => a.DocumentLanguage).HasMaxLength(8);
            e.Property(a => a.OriginalLanguage).HasMaxLength(8);
            e.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(a => a.ContentHash).HasMaxLength(64);
            e.Property(a => a.Version).IsConcurrencyToken();
            e.HasIndex(a => a.Slug).IsUnique();
            e.HasIndex(a => a.Symbol).IsUnique();
            e.ComplexProperty(a => a.Title);
            e.ComplexProperty(a => a.AdoptingBody);
            e.ComplexProperty(a => a.Meeting);
            e.ComplexProperty(a => a.AreaLevelName);
            e.ComplexProperty(a => a.Description);
            e.ComplexProperty(a => a.FollowUpMechanism);
            e.HasMany(a => a.Principles).WithOne().HasForeignKey(p => p.AgendaId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(a => a.Areas).WithOne().HasForeignKey(p => p.AgendaId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<Principle>(e =>
        {
            e.ToTable("principles");
            e.HasIndex(p => new { p.AgendaId, p.Number }).IsUnique();
            e.ComplexProperty(p => p.Text);
        });
        modelBuilder.Entity<Area>(e =>
        {
            e.ToTable("areas");
            e.Property(a => a.Code).HasMaxLength(16);
            e.HasIndex(a => new { a.AgendaId, a.Code }).IsUnique();
            e.ComplexProperty(a => a.Title);
            e.HasMany(a => a.Objectives).WithOne().HasForeignKey(o => o.AreaId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<StrategicObjective>(e =>
        {
            e.ToTable("strategic_objectives");
            e.Property(o => o.Code).HasMaxLength(16);
            e.HasIndex(o => new { o.AgendaId, o.Code }).IsUnique();
            e.HasOne(o => o.Agenda).WithMany().HasForeignKey(o => o.AgendaId).OnDelete(DeleteBehavior.NoAction);
            e.ComplexProperty(o => o.Text);
            e.HasMany(o => o.Lines).WithOne().HasForeignKey(l => l.ObjectiveId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<LineOfAction>(e =>
        {
            e.ToTable("lines_of_action");
            e.Property(l => l.Code).HasMaxLength(16);
            e.HasIndex(l => new { l.AgendaId, l.Code }).IsUnique();
            e.HasOne(l => l.Agenda).WithMany().HasForeignKey(l => l.AgendaId).OnDelete(DeleteBehavior.NoAction);
            e.ComplexProperty(l => l.Text);
        });
    }
}
