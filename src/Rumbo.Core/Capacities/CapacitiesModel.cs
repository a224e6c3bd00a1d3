using Microsoft.EntityFrameworkCore;

namespace Rumbo.Core.Capacities;

internal static class CapacitiesModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<CapacityInstrument>(e =>
        {
            e.ToTable("capacity_instruments");
            e.Property(i => i.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(i => i.Version).IsConcurrencyToken();
            e.ComplexProperty(i => i.Note);
            // Two editors making "the next version" at once meet here, and the second answers as a conflict.
            e.HasIndex(i => new { i.AgendaId, i.Number }).IsUnique();
            e.HasOne(i => i.Agenda).WithMany().HasForeignKey(i => i.AgendaId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(i => i.Questions).WithOne(q => q.Instrument).HasForeignKey(q => q.InstrumentId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<CapacityQuestion>(e =>
        {
            e.ToTable("capacity_questions");
            e.Property(q => q.Dimension).HasConversion<string>().HasMaxLength(16);
            e.ComplexProperty(q => q.Text);
            e.ComplexProperty(q => q.Guidance);
            e.Ignore(q => q.ScaleMax);
            e.HasIndex(q => q.InstrumentId);
            e.HasIndex(q => q.AreaId);
            e.HasOne(q => q.Area).WithMany().HasForeignKey(q => q.AreaId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(q => q.Levels).WithOne().HasForeignKey(l => l.QuestionId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<CapacityLevel>(e =>
        {
            e.ToTable("capacity_levels");
            e.HasKey(l => new { l.QuestionId, l.Value });
            e.ComplexProperty(l => l.Descriptor);
        });
        b.Entity<CapacityRound>(e =>
        {
            e.ToTable("capacity_rounds");
            e.ComplexProperty(r => r.Title);
            e.HasIndex(r => r.AgendaId);
            e.HasOne(r => r.Agenda).WithMany().HasForeignKey(r => r.AgendaId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(r => r.Instrument).WithMany().HasForeignKey(r => r.InstrumentId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(r => r.Assessments).WithOne(a => a.Round).HasForeignKey(a => a.RoundId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<CapacityAssessment>(e =>
        {
            e.ToTable("capacity_assessments");
            e.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(a => a.Publicity).HasConversion<string>().HasMaxLength(20);
            e.Property(a => a.ReviewComment).HasMaxLength(CapacityAssessment.MaxComment);
            e.Property(a => a.Version).IsConcurrencyToken();
            e.Ignore(a => a.IsAnswerable);
            // One diagnosis per country and round; a country's history is read by country.
            e.HasIndex(a => new { a.RoundId, a.CountryId }).IsUnique();
            e.HasIndex(a => a.CountryId);
            e.HasOne(a => a.Country).WithMany().HasForeignKey(a => a.CountryId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(a => a.Answers).WithOne().HasForeignKey(x => x.AssessmentId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(a => a.Transitions).WithOne().HasForeignKey(t => t.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<CapacityAnswer>(e =>
        {
            e.ToTable("capacity_answers");
            e.Property(a => a.Comment).HasMaxLength(CapacityAssessment.MaxComment);
            e.Property(a => a.ReviewComment).HasMaxLength(CapacityAssessment.MaxComment);
            e.Property(a => a.EvidenceUrl).HasMaxLength(CapacityAnswer.MaxUrl);
            e.HasIndex(a => new { a.AssessmentId, a.QuestionId }).IsUnique();
            e.HasIndex(a => a.QuestionId);
            e.HasOne(a => a.Question).WithMany().HasForeignKey(a => a.QuestionId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(a => a.AnsweredBy).WithMany().HasForeignKey(a => a.AnsweredByPersonId).OnDelete(DeleteBehavior.SetNull);
        });
        b.Entity<AssessmentTransition>(e =>
        {
            e.ToTable("capacity_assessment_transitions");
            e.Property(t => t.From).HasConversion<string>().HasMaxLength(16);
            e.Property(t => t.To).HasConversion<string>().HasMaxLength(16);
            e.Property(t => t.Reason).HasMaxLength(CapacityAssessment.MaxComment);
            e.HasIndex(t => t.AssessmentId);
            e.HasOne(t => t.By).WithMany().HasForeignKey(t => t.ByPersonId).OnDelete(DeleteBehavior.SetNull);
        });
    }
}
