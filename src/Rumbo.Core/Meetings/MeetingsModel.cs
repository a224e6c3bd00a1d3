using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Agreements;
using Rumbo.Core.Records;

namespace Rumbo.Core.Meetings;

/// <summary>Tables of meetings, their series, agenda items and participants.</summary>
internal static class MeetingsModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<Meeting>(e =>
        {
            e.ToTable("meetings");
            e.Property(m => m.Kind).HasConversion<string>().HasMaxLength(32);
            e.Property(m => m.Format).HasConversion<string>().HasMaxLength(16);
            e.Property(m => m.Access).HasConversion<string>().HasMaxLength(16);
            e.Property(m => m.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(m => m.TimeZone).HasMaxLength(64);
            e.Property(m => m.OnlineUrl).HasMaxLength(500);
            e.Property(m => m.Place).HasMaxLength(300);
            e.Property(m => m.City).HasMaxLength(100);
            e.Property(m => m.CalendarUid).HasMaxLength(100);
            e.Property(m => m.Version).IsConcurrencyToken();
            e.HasIndex(m => new { m.GroupId, m.StartsAtUtc });
            e.HasIndex(m => m.StartsAtUtc);
            e.HasIndex(m => m.CalendarUid).IsUnique();
            e.ComplexProperty(m => m.Title);
            e.ComplexProperty(m => m.Description);
            e.HasOne(m => m.Group).WithMany().HasForeignKey(m => m.GroupId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(m => m.Country).WithMany().HasForeignKey(m => m.CountryId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(m => m.Series).WithMany().HasForeignKey(m => m.SeriesId).OnDelete(DeleteBehavior.SetNull);
            e.HasMany(m => m.Items).WithOne().HasForeignKey(i => i.MeetingId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(m => m.Participants).WithOne(p => p.Meeting).HasForeignKey(p => p.MeetingId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(m => m.Records).WithOne(r => r.Meeting).HasForeignKey(r => r.MeetingId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(m => m.Agreements).WithOne(a => a.Meeting).HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<MeetingSeries>(e =>
        {
            e.ToTable("meeting_series");
            e.Property(s => s.RecurrenceRule).HasMaxLength(200);
            e.Property(s => s.TimeZone).HasMaxLength(64);
            e.HasOne<Groups.Group>().WithMany().HasForeignKey(s => s.GroupId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<MeetingItem>(e =>
        {
            e.ToTable("meeting_items");
            e.Property(i => i.PresenterName).HasMaxLength(200);
            e.HasIndex(i => new { i.MeetingId, i.Position });
            e.ComplexProperty(i => i.Title);
            e.ComplexProperty(i => i.Description);
            e.HasOne(i => i.PresenterPerson).WithMany().HasForeignKey(i => i.PresenterPersonId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(i => i.Lines).WithOne().HasForeignKey(l => l.MeetingItemId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<MeetingItemLine>(e =>
        {
            e.ToTable("meeting_item_lines");
            e.HasKey(l => new { l.MeetingItemId, l.LineOfActionId });
            e.HasIndex(l => l.LineOfActionId);
            e.HasOne(l => l.LineOfAction).WithMany().HasForeignKey(l => l.LineOfActionId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<MeetingParticipant>(e =>
        {
            e.ToTable("meeting_participants");
            e.Property(p => p.Response).HasConversion<string>().HasMaxLength(16);
            e.HasIndex(p => new { p.MeetingId, p.PersonId }).IsUnique();
            e.HasIndex(p => p.PersonId);
            e.HasOne(p => p.Person).WithMany().HasForeignKey(p => p.PersonId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(p => p.Country).WithMany().HasForeignKey(p => p.CountryId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
