using Microsoft.EntityFrameworkCore;

namespace Rumbo.Core.Plans;

internal static class PlansModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<WorkPlan>(e =>
        {
            e.ToTable("work_plans");
            e.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(p => p.AdoptionNote).HasMaxLength(500);
            e.Property(p => p.Version).IsConcurrencyToken();
            e.HasIndex(p => p.GroupId);
            e.ComplexProperty(p => p.Title);
            e.ComplexProperty(p => p.Description);
            e.HasOne(p => p.Group).WithMany().HasForeignKey(p => p.GroupId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(p => p.AdoptedAtMeeting).WithMany().HasForeignKey(p => p.AdoptedAtMeetingId).OnDelete(DeleteBehavior.SetNull);
            e.HasMany(p => p.Activities).WithOne().HasForeignKey(a => a.PlanId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<PlanActivity>(e =>
        {
            e.ToTable("plan_activities");
            e.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);
            e.HasIndex(a => new { a.PlanId, a.Position });
            e.ComplexProperty(a => a.Title);
            e.ComplexProperty(a => a.Description);
            e.HasOne(a => a.ResponsibleGroup).WithMany().HasForeignKey(a => a.ResponsibleGroupId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(a => a.Countries).WithOne().HasForeignKey(c => c.ActivityId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(a => a.Lines).WithOne().HasForeignKey(l => l.ActivityId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<PlanActivityCountry>(e =>
        {
            e.ToTable("plan_activity_countries");
            e.HasKey(c => new { c.ActivityId, c.CountryId });
            e.HasOne(c => c.Country).WithMany().HasForeignKey(c => c.CountryId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<PlanActivityLine>(e =>
        {
            e.ToTable("plan_activity_lines");
            e.HasKey(l => new { l.ActivityId, l.LineOfActionId });
            e.HasIndex(l => l.LineOfActionId);
            e.HasOne(l => l.LineOfAction).WithMany().HasForeignKey(l => l.LineOfActionId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
