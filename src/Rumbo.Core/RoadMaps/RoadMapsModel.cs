using Microsoft.EntityFrameworkCore;

namespace Rumbo.Core.RoadMaps;

internal static class RoadMapsModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<RoadMap>(e =>
        {
            e.ToTable("road_maps");
            e.Property(r => r.Language).HasMaxLength(2);
            e.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(r => r.Version).IsConcurrencyToken();
            // One road map per country and agenda; a second made in a race meets the index.
            e.HasIndex(r => new { r.AgendaId, r.CountryId }).IsUnique();
            e.HasIndex(r => r.CountryId);
            e.ComplexProperty(r => r.Summary);
            e.HasOne(r => r.Agenda).WithMany().HasForeignKey(r => r.AgendaId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(r => r.Country).WithMany().HasForeignKey(r => r.CountryId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(r => r.Actions).WithOne(a => a.RoadMap).HasForeignKey(a => a.RoadMapId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(r => r.Transitions).WithOne().HasForeignKey(t => t.RoadMapId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<RoadMapTransition>(e =>
        {
            e.ToTable("road_map_transitions");
            e.Property(t => t.From).HasConversion<string>().HasMaxLength(20);
            e.Property(t => t.To).HasConversion<string>().HasMaxLength(20);
            e.HasIndex(t => t.RoadMapId);
            e.HasOne(t => t.By).WithMany().HasForeignKey(t => t.ByPersonId).OnDelete(DeleteBehavior.SetNull);
        });
        b.Entity<CapacityAction>(e =>
        {
            e.ToTable("capacity_actions");
            e.Property(a => a.Dimension).HasConversion<string>().HasMaxLength(16);
            e.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(a => a.BaselineRound).HasMaxLength(100);
            e.Property(a => a.ResponsibleInstitution).HasMaxLength(300);
            e.Property(a => a.ResponsiblePerson).HasMaxLength(200);
            e.Property(a => a.Version).IsConcurrencyToken();
            e.Ignore(a => a.IsOpen);
            e.HasIndex(a => a.RoadMapId);
            e.HasIndex(a => a.AreaId);
            e.ComplexProperty(a => a.Title);
            e.ComplexProperty(a => a.Description);
            e.HasOne(a => a.Area).WithMany().HasForeignKey(a => a.AreaId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(a => a.Lines).WithOne().HasForeignKey(l => l.CapacityActionId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(a => a.Milestones).WithOne().HasForeignKey(m => m.CapacityActionId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<CapacityActionLine>(e =>
        {
            e.ToTable("capacity_action_lines");
            e.HasKey(l => new { l.CapacityActionId, l.LineOfActionId });
            e.HasIndex(l => l.LineOfActionId);
            e.HasOne(l => l.LineOfAction).WithMany().HasForeignKey(l => l.LineOfActionId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<CapacityMilestone>(e =>
        {
            e.ToTable("capacity_milestones");
            e.HasIndex(m => m.CapacityActionId);
            e.ComplexProperty(m => m.Title);
        });
        b.Entity<CapacityActivity>(e =>
        {
            e.ToTable("capacity_activities");
            e.Property(a => a.Kind).HasConversion<string>().HasMaxLength(24);
            e.Property(a => a.Mode).HasConversion<string>().HasMaxLength(16);
            e.Property(a => a.Language).HasMaxLength(2);
            e.Property(a => a.Providers).HasMaxLength(1000);
            e.Property(a => a.Version).IsConcurrencyToken();
            e.HasIndex(a => new { a.AgendaId, a.StartOn });
            e.ComplexProperty(a => a.Topic);
            e.ComplexProperty(a => a.Outcome);
            e.HasOne(a => a.Agenda).WithMany().HasForeignKey(a => a.AgendaId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(a => a.HostCountry).WithMany().HasForeignKey(a => a.HostCountryId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(a => a.Participants).WithOne().HasForeignKey(p => p.CapacityActivityId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(a => a.Actions).WithOne().HasForeignKey(x => x.CapacityActivityId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<CapacityParticipant>(e =>
        {
            e.ToTable("capacity_participants");
            e.Property(p => p.Institution).HasMaxLength(300);
            e.HasIndex(p => p.CapacityActivityId);
            e.HasIndex(p => p.CountryId);
            e.HasOne(p => p.Country).WithMany().HasForeignKey(p => p.CountryId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<CapacityActivityAction>(e =>
        {
            e.ToTable("capacity_activity_actions");
            e.HasKey(x => new { x.CapacityActivityId, x.CapacityActionId });
            e.HasIndex(x => x.CapacityActionId);
            e.HasOne(x => x.Action).WithMany().HasForeignKey(x => x.CapacityActionId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
