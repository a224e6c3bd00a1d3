using Microsoft.EntityFrameworkCore;

namespace Rumbo.Core.Meetings;

/// <summary>Tables of meetings, records, agreements and calendar feeds.</summary>
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
        b.Entity<MeetingRecord>(e =>
        {
            e.ToTable("meeting_records");
            e.Property(r => r.Kind).HasConversion<string>().HasMaxLength(16);
            e.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(r => r.Dissemination).HasConversion<string>().HasMaxLength(16);
            e.Property(r => r.Language).HasMaxLength(8);
            e.Property(r => r.Version).IsConcurrencyToken();
            e.HasIndex(r => new { r.MeetingId, r.Number }).IsUnique();
            e.HasOne(r => r.ApprovedBy).WithMany().HasForeignKey(r => r.ApprovedByPersonId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(r => r.Sections).WithOne().HasForeignKey(s => s.RecordId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(r => r.Comments).WithOne().HasForeignKey(c => c.RecordId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<RecordSection>(e =>
        {
            e.ToTable("record_sections");
            e.Property(s => s.Heading).HasMaxLength(500);
            e.HasIndex(s => new { s.RecordId, s.Position });
            e.HasOne(s => s.MeetingItem).WithMany().HasForeignKey(s => s.MeetingItemId).OnDelete(DeleteBehavior.SetNull);
            e.HasMany(s => s.Outcomes).WithOne().HasForeignKey(o => o.SectionId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<RecordOutcome>(e =>
        {
            e.ToTable("record_outcomes");
            e.Property(o => o.Kind).HasConversion<string>().HasMaxLength(16);
            e.Property(o => o.OwnerName).HasMaxLength(200);
            e.HasOne(o => o.Owner).WithMany().HasForeignKey(o => o.OwnerPersonId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<RecordComment>(e =>
        {
            e.ToTable("record_comments");
            e.HasOne(c => c.Person).WithMany().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<RecordSection>().WithMany().HasForeignKey(c => c.SectionId).OnDelete(DeleteBehavior.NoAction);
        });
        b.Entity<Agreement>(e =>
        {
            e.ToTable("agreements");
            e.Property(a => a.Kind).HasConversion<string>().HasMaxLength(16);
            e.Property(a => a.Visibility).HasConversion<string>().HasMaxLength(16);
            e.Property(a => a.Version).IsConcurrencyToken();
            e.HasIndex(a => new { a.MeetingId, a.Number }).IsUnique();
            e.HasIndex(a => a.GroupId);
            e.ComplexProperty(a => a.Text);
            e.HasOne(a => a.Group).WithMany().HasForeignKey(a => a.GroupId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(a => a.Lines).WithOne().HasForeignKey(l => l.AgreementId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(a => a.FollowUps).WithOne().HasForeignKey(f => f.AgreementId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<AgreementLine>(e =>
        {
            e.ToTable("agreement_lines");
            e.HasKey(l => new { l.AgreementId, l.LineOfActionId });
            e.HasIndex(l => l.LineOfActionId);
            e.HasOne(l => l.LineOfAction).WithMany().HasForeignKey(l => l.LineOfActionId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<AgreementFollowUp>(e =>
        {
            e.ToTable("agreement_follow_ups");
            e.Property(f => f.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(f => f.EvidenceUrl).HasMaxLength(500);
            e.Property(f => f.Version).IsConcurrencyToken();
            e.HasIndex(f => new { f.AgreementId, f.CountryId }).IsUnique();
            e.HasOne(f => f.Country).WithMany().HasForeignKey(f => f.CountryId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(f => f.ReportedBy).WithMany().HasForeignKey(f => f.ReportedByPersonId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<CalendarFeed>(e =>
        {
            e.ToTable("calendar_feeds");
            e.Property(f => f.TokenHash).HasMaxLength(64);
            e.HasIndex(f => f.TokenHash).IsUnique();
            e.HasIndex(f => f.UserId).IsUnique();
            e.HasOne<Accounts.RumboUser>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
