using System.Text.Json;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Rumbo.Core.Accounts;
using Rumbo.Core.Agendas;
using Rumbo.Core.Auditing;
using Rumbo.Core.Groups;
using Rumbo.Core.People;

namespace Rumbo.Core.Data;

/// <remarks>
/// Contexts are pooled (<see cref="RumboDatabase.AddRumboDatabase"/>), so the constructor takes only the options: who
/// acts, the clock and the content stamp are given with each lease by <see cref="Lease"/>.
/// </remarks>
public sealed class RumboDbContext(DbContextOptions<RumboDbContext> options) : IdentityDbContext<RumboUser, RumboRole, int>(options)
{
    private IAuditActor? actor;
    private TimeProvider? clock;
    private ContentStamp? stamp;

    /// <summary>Who saves through this context, the time it records and the stamp a save invalidates, for one request or job.</summary>
    public RumboDbContext Lease(IAuditActor? actor, TimeProvider? clock, ContentStamp? stamp)
    {
        this.actor = actor;
        this.clock = clock;
        this.stamp = stamp;
        return this;
    }

    public DbSet<Agenda> Agendas => Set<Agenda>();
    public DbSet<Principle> Principles => Set<Principle>();
    public DbSet<Area> Areas => Set<Area>();
    public DbSet<StrategicObjective> Objectives => Set<StrategicObjective>();
    public DbSet<LineOfAction> Lines => Set<LineOfAction>();
    public DbSet<Country> Countries => Set<Country>();
    public DbSet<Institution> Institutions => Set<Institution>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<Group> Groups => Set<Group>();
    public DbSet<GroupCountry> GroupCountries => Set<GroupCountry>();
    public DbSet<GroupMember> GroupMembers => Set<GroupMember>();
    public DbSet<GroupLine> GroupLines => Set<GroupLine>();
    public DbSet<FocalPoint> FocalPoints => Set<FocalPoint>();
    public DbSet<GroupPageSnapshot> GroupPageSnapshots => Set<GroupPageSnapshot>();
    public DbSet<GroupPageChange> GroupPageChanges => Set<GroupPageChange>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<PersonalAccessToken> AccessTokens => Set<PersonalAccessToken>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<ContentVersion> ContentVersions => Set<ContentVersion>();
    public DbSet<Meetings.Meeting> Meetings => Set<Meetings.Meeting>();
    public DbSet<Meetings.MeetingSeries> MeetingSeries => Set<Meetings.MeetingSeries>();
    public DbSet<Meetings.MeetingItem> MeetingItems => Set<Meetings.MeetingItem>();
    public DbSet<Meetings.MeetingItemLine> MeetingItemLines => Set<Meetings.MeetingItemLine>();
    public DbSet<Meetings.MeetingParticipant> MeetingParticipants => Set<Meetings.MeetingParticipant>();
    public DbSet<Records.MeetingRecord> MeetingRecords => Set<Records.MeetingRecord>();
    public DbSet<Records.RecordSection> RecordSections => Set<Records.RecordSection>();
    public DbSet<Records.RecordOutcome> RecordOutcomes => Set<Records.RecordOutcome>();
    public DbSet<Records.RecordComment> RecordComments => Set<Records.RecordComment>();
    public DbSet<Agreements.Agreement> Agreements => Set<Agreements.Agreement>();
    public DbSet<Agreements.AgreementLine> AgreementLines => Set<Agreements.AgreementLine>();
    public DbSet<Agreements.AgreementFollowUp> AgreementFollowUps => Set<Agreements.AgreementFollowUp>();
    public DbSet<Calendars.CalendarFeed> CalendarFeeds => Set<Calendars.CalendarFeed>();
    public DbSet<Documents.Document> Documents => Set<Documents.Document>();
    public DbSet<Documents.DocumentVersion> DocumentVersions => Set<Documents.DocumentVersion>();
    public DbSet<Documents.DocumentLine> DocumentLines => Set<Documents.DocumentLine>();
    public DbSet<Plans.WorkPlan> WorkPlans => Set<Plans.WorkPlan>();
    public DbSet<Plans.PlanActivity> PlanActivities => Set<Plans.PlanActivity>();
    public DbSet<Plans.PlanActivityCountry> PlanActivityCountries => Set<Plans.PlanActivityCountry>();
    public DbSet<Plans.PlanActivityLine> PlanActivityLines => Set<Plans.PlanActivityLine>();
    public DbSet<Indicators.Indicator> Indicators => Set<Indicators.Indicator>();
    public DbSet<Indicators.IndicatorVersion> IndicatorVersions => Set<Indicators.IndicatorVersion>();
    public DbSet<Indicators.IndicatorLine> IndicatorLines => Set<Indicators.IndicatorLine>();
    public DbSet<Indicators.IndicatorSdgTarget> IndicatorSdgTargets => Set<Indicators.IndicatorSdgTarget>();
    public DbSet<Indicators.IndicatorTarget> IndicatorTargets => Set<Indicators.IndicatorTarget>();
    public DbSet<Indicators.IndicatorValue> IndicatorValues => Set<Indicators.IndicatorValue>();
    public DbSet<Indicators.ValueTransition> ValueTransitions => Set<Indicators.ValueTransition>();
    public DbSet<Indicators.ReportingRound> ReportingRounds => Set<Indicators.ReportingRound>();
    public DbSet<Indicators.IndicatorImport> IndicatorImports => Set<Indicators.IndicatorImport>();
    public DbSet<Indicators.EvidenceFile> EvidenceFiles => Set<Indicators.EvidenceFile>();
    public DbSet<Policies.Policy> Policies => Set<Policies.Policy>();
    public DbSet<Policies.PolicyStatusChange> PolicyStatusChanges => Set<Policies.PolicyStatusChange>();
    public DbSet<Policies.PolicyLine> PolicyLines => Set<Policies.PolicyLine>();
    public DbSet<Policies.PolicySdgTarget> PolicySdgTargets => Set<Policies.PolicySdgTarget>();
    public DbSet<Capacities.CapacityInstrument> CapacityInstruments => Set<Capacities.CapacityInstrument>();
    public DbSet<Capacities.CapacityQuestion> CapacityQuestions => Set<Capacities.CapacityQuestion>();
    public DbSet<Capacities.CapacityLevel> CapacityLevels => Set<Capacities.CapacityLevel>();
    public DbSet<Capacities.CapacityRound> CapacityRounds => Set<Capacities.CapacityRound>();
    public DbSet<Capacities.CapacityAssessment> CapacityAssessments => Set<Capacities.CapacityAssessment>();
    public DbSet<Capacities.CapacityAnswer> CapacityAnswers => Set<Capacities.CapacityAnswer>();
    public DbSet<Capacities.AssessmentTransition> AssessmentTransitions => Set<Capacities.AssessmentTransition>();
    public DbSet<RoadMaps.RoadMap> RoadMaps => Set<RoadMaps.RoadMap>();
    public DbSet<RoadMaps.RoadMapTransition> RoadMapTransitions => Set<RoadMaps.RoadMapTransition>();
    public DbSet<RoadMaps.CapacityAction> CapacityActions => Set<RoadMaps.CapacityAction>();
    public DbSet<RoadMaps.CapacityActionLine> CapacityActionLines => Set<RoadMaps.CapacityActionLine>();
    public DbSet<RoadMaps.CapacityMilestone> CapacityMilestones => Set<RoadMaps.CapacityMilestone>();
    public DbSet<RoadMaps.CapacityActivity> CapacityActivities => Set<RoadMaps.CapacityActivity>();
    public DbSet<RoadMaps.CapacityParticipant> CapacityParticipants => Set<RoadMaps.CapacityParticipant>();
    public DbSet<RoadMaps.CapacityActivityAction> CapacityActivityActions => Set<RoadMaps.CapacityActivityAction>();
    public DbSet<Policies.Suggestions.PolicyLineRejection> PolicyLineRejections => Set<Policies.Suggestions.PolicyLineRejection>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every DateTime is UTC; SQLite would otherwise read them back with an unspecified kind.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);

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

        modelBuilder.Entity<Country>(e =>
        {
            e.ToTable("countries");
            e.Property(c => c.Code).HasMaxLength(2);
            e.Property(c => c.Code3).HasMaxLength(3);
            e.Property(c => c.Subregion).HasConversion<string>().HasMaxLength(24);
            e.Property(c => c.Status).HasConversion<string>().HasMaxLength(24);
            e.HasIndex(c => c.Code).IsUnique();
            e.ComplexProperty(c => c.Name);
        });
        modelBuilder.Entity<Institution>(e =>
        {
            e.ToTable("institutions");
            e.Property(i => i.Acronym).HasMaxLength(32);
            e.Property(i => i.Kind).HasConversion<string>().HasMaxLength(32);
            e.Property(i => i.Website).HasMaxLength(300);
            e.Property(i => i.Version).IsConcurrencyToken();
            e.HasOne(i => i.Country).WithMany().HasForeignKey(i => i.CountryId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(i => i.Parent).WithMany().HasForeignKey(i => i.ParentId).OnDelete(DeleteBehavior.Restrict);
            e.ComplexProperty(i => i.Name);
        });
        modelBuilder.Entity<Person>(e =>
        {
            e.ToTable("people");
            e.Property(p => p.GivenName).HasMaxLength(100);
            e.Property(p => p.FamilyName).HasMaxLength(100);
            e.Property(p => p.Position).HasMaxLength(200);
            e.Property(p => p.Email).HasMaxLength(256);
            e.Property(p => p.Phone).HasMaxLength(64);
            e.Property(p => p.Version).IsConcurrencyToken();
            e.Ignore(p => p.FullName);
            e.HasIndex(p => p.Email);
            e.HasOne(p => p.Institution).WithMany().HasForeignKey(p => p.InstitutionId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(p => p.Country).WithMany().HasForeignKey(p => p.CountryId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<Group>(e =>
        {
            e.ToTable("groups");
            e.Property(g => g.Slug).HasMaxLength(100);
            e.Property(g => g.Kind).HasConversion<string>().HasMaxLength(32);
            e.Property(g => g.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(g => g.Version).IsConcurrencyToken();
            e.HasIndex(g => g.Slug).IsUnique();
            e.ComplexProperty(g => g.Name);
            e.ComplexProperty(g => g.Mandate);
            e.HasOne(g => g.Agenda).WithMany().HasForeignKey(g => g.AgendaId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(g => g.Parent).WithMany().HasForeignKey(g => g.ParentId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(g => g.Area).WithMany().HasForeignKey(g => g.AreaId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(g => g.Countries).WithOne().HasForeignKey(c => c.GroupId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(g => g.Members).WithOne(m => m.Group).HasForeignKey(m => m.GroupId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(g => g.Lines).WithOne().HasForeignKey(l => l.GroupId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<GroupCountry>(e =>
        {
            e.ToTable("group_countries");
            e.HasKey(c => new { c.GroupId, c.CountryId });
            e.Property(c => c.Role).HasConversion<string>().HasMaxLength(16);
            e.HasOne(c => c.Country).WithMany().HasForeignKey(c => c.CountryId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<GroupMember>(e =>
        {
            e.ToTable("group_members");
            e.Property(m => m.Role).HasConversion<string>().HasMaxLength(16);
            e.HasIndex(m => new { m.GroupId, m.PersonId }).IsUnique();
            e.HasOne(m => m.Person).WithMany().HasForeignKey(m => m.PersonId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(m => m.RepresentsInstitution).WithMany().HasForeignKey(m => m.RepresentsInstitutionId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<GroupLine>(e =>
        {
            e.ToTable("group_lines");
            e.HasKey(l => new { l.GroupId, l.LineOfActionId });
            e.HasOne(l => l.LineOfAction).WithMany().HasForeignKey(l => l.LineOfActionId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<FocalPoint>(e =>
        {
            e.ToTable("focal_points");
            e.HasIndex(f => new { f.AgendaId, f.CountryId, f.PersonId }).IsUnique();
            e.HasOne(f => f.Agenda).WithMany().HasForeignKey(f => f.AgendaId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(f => f.Country).WithMany().HasForeignKey(f => f.CountryId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(f => f.Person).WithMany().HasForeignKey(f => f.PersonId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<RumboUser>(e =>
        {
            e.HasOne(u => u.Person).WithMany().HasForeignKey(u => u.PersonId).OnDelete(DeleteBehavior.SetNull);
            e.HasIndex(u => u.PersonId).IsUnique();
            // As long as a meeting's zone.
            e.Property(u => u.TimeZone).HasMaxLength(64);
            e.Property(u => u.Language).HasMaxLength(8);
        });
        modelBuilder.Entity<Invitation>(e =>
        {
            e.ToTable("invitations");
            e.Property(i => i.Email).HasMaxLength(256);
            e.Property(i => i.Grant).HasConversion<string>().HasMaxLength(24);
            e.Property(i => i.TokenHash).HasMaxLength(64);
            e.Property(i => i.Language).HasMaxLength(8).HasDefaultValue(Localization.InterfaceLanguages.Default);
            e.HasIndex(i => i.TokenHash).IsUnique();
            e.HasOne(i => i.Person).WithMany().HasForeignKey(i => i.PersonId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<PersonalAccessToken>(e =>
        {
            e.ToTable("access_tokens");
            e.Property(t => t.Name).HasMaxLength(100);
            e.Property(t => t.Prefix).HasMaxLength(16);
            e.Property(t => t.TokenHash).HasMaxLength(64);
            e.HasIndex(t => t.TokenHash).IsUnique();
            e.HasOne(t => t.User).WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<GroupPageSnapshot>(e =>
        {
            e.ToTable("group_page_snapshots");
            e.HasKey(x => new { x.GroupId, x.Internals });
            // A group's removal takes its snapshots with it.
            e.HasOne<Group>().WithMany().HasForeignKey(x => x.GroupId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<GroupPageChange>(e =>
        {
            e.ToTable("group_page_changes");
            e.HasKey(x => x.GroupId);
            // Group 0 is every group: no foreign key.
            e.Property(x => x.GroupId).ValueGeneratedNever();
        });
        modelBuilder.Entity<ContentVersion>(e =>
        {
            e.ToTable("content_version");
            e.Property(v => v.Id).ValueGeneratedNever();
            e.HasData(new ContentVersion { Id = 1, Value = 0 });
        });
        modelBuilder.Entity<AuditEntry>(e =>
        {
            e.ToTable("audit_entries");
            e.Property(a => a.Actor).HasMaxLength(256);
            e.Property(a => a.Action).HasConversion<string>().HasMaxLength(16);
            e.Property(a => a.EntityType).HasMaxLength(64);
            e.Property(a => a.EntityId).HasMaxLength(64);
            e.HasIndex(a => new { a.EntityType, a.EntityId });
            e.HasIndex(a => a.At);
        });

        // Each feature of issue 5 on keeps its tables in a file of its own folder.
        Rumbo.Core.Meetings.MeetingsModel.Configure(modelBuilder);
        Rumbo.Core.Records.RecordsModel.Configure(modelBuilder);
        Rumbo.Core.Agreements.AgreementsModel.Configure(modelBuilder);
        Rumbo.Core.Calendars.CalendarsModel.Configure(modelBuilder);
        Rumbo.Core.Documents.DocumentsModel.Configure(modelBuilder);
        Rumbo.Core.Plans.PlansModel.Configure(modelBuilder);
        Rumbo.Core.Indicators.IndicatorsModel.Configure(modelBuilder);
        Rumbo.Core.Policies.PoliciesModel.Configure(modelBuilder);
        Rumbo.Core.Capacities.CapacitiesModel.Configure(modelBuilder);
        Rumbo.Core.RoadMaps.RoadMapsModel.Configure(modelBuilder);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    /// <summary>
    /// Every change is saved with its audit entries in the same transaction. Keys generated by the database are
    /// only known after the insert, so entries for new records are completed and saved in a second step inside
    /// that transaction.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var pending = CollectAudit();
        if (pending.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        var pages = await GroupPageInvalidation.CollectAsync(this, pending.Select(p => p.Entry), cancellationToken);
        var owned = Database.CurrentTransaction is null;
        var transaction = owned ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var count = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            var now = (clock ?? TimeProvider.System).GetUtcNow().UtcDateTime;
            var who = actor ?? SystemActor.Default;
            foreach (var p in pending)
            {
                AuditEntries.Add(new AuditEntry
                {
                    At = now,
                    UserId = who.UserId,
                    Actor = who.Name,
                    Action = p.Action,
                    EntityType = p.Entry.Metadata.ClrType.Name,
                    EntityId = KeyOf(p.Entry),
                    // A new record's values are read after the insert: before it, its keys are temporary. So are the
                    // foreign keys of a changed record that now points to a new one.
                    Changes = JsonSerializer.Serialize(p.Action == AuditAction.Created ? Describe(p.Entry, AuditAction.Created) : Saved(p)),
                });
            }
            await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            await ContentVersions.Where(v => v.Id == 1).ExecuteUpdateAsync(u => u.SetProperty(v => v.Value, v => v.Value + 1), cancellationToken);
            await pages.RecordAsync(this, cancellationToken);
            if (transaction is not null) await transaction.CommitAsync(cancellationToken);
            // Pages cached by this instance are refreshed at once; other instances see it within their check interval.
            stamp?.Invalidate();
            return count;
        }
        finally
        {
            if (transaction is not null) await transaction.DisposeAsync();
        }
    }

    private sealed record PendingAudit(EntityEntry Entry, AuditAction Action, Dictionary<string, object?> Changes, Dictionary<string, object?> TemporaryOld);

    /// <summary>An update's changes, with the values that were temporary before the save (a key given by the database) as saved.</summary>
    private static Dictionary<string, object?> Saved(PendingAudit p)
    {
        foreach (var (name, old) in p.TemporaryOld) p.Changes[name] = new { old, @new = p.Entry.Property(name).CurrentValue };
        return p.Changes;
    }

    /// <summary>
    /// Rows that are not content: the trail itself, the content version and the group page's read model (decision 0025),
    /// which are written by raw SQL and never through the change tracker.
    /// </summary>
    public static readonly IReadOnlySet<Type> Unaudited = new HashSet<Type>
    {
        typeof(AuditEntry), typeof(ContentVersion), typeof(GroupPageSnapshot), typeof(GroupPageChange),
    };

    private static readonly HashSet<string> Secret =
        ["PasswordHash", "SecurityStamp", "ConcurrencyStamp", "TokenHash"];

    /// <summary>Texts derived from files: the trail says how long they are rather than copying them.</summary>
    private static readonly HashSet<string> Bulky = ["SearchText", "ExtractedText"];

    private List<PendingAudit> CollectAudit()
    {
        ChangeTracker.DetectChanges();
        var pending = new List<PendingAudit>();
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.Entity is AuditEntry && entry.State is EntityState.Modified or EntityState.Deleted)
            {
                throw new InvalidOperationException("Audit entries are never changed or deleted.");
            }
            if (Unaudited.Contains(entry.Metadata.ClrType) || entry.State is EntityState.Detached or EntityState.Unchanged) continue;
            var action = entry.State switch
            {
                EntityState.Added => AuditAction.Created,
                EntityState.Deleted => AuditAction.Deleted,
                _ => AuditAction.Updated,
            };
            var changes = Describe(entry, action);
            if (action == AuditAction.Updated && changes.Count == 0) continue;
            var temporary = action == AuditAction.Updated
                ? entry.Properties.Where(p => p.IsTemporary && changes.ContainsKey(p.Metadata.Name)).ToDictionary(p => p.Metadata.Name, p => p.OriginalValue)
                : [];
            pending.Add(new PendingAudit(entry, action, changes, temporary));
        }
        return pending;
    }

    /// <summary>Field by field: new values for a creation, old ones for a deletion, both for the fields an update changed.</summary>
    private static Dictionary<string, object?> Describe(EntityEntry entry, AuditAction action)
    {
        var changes = new Dictionary<string, object?>();
        foreach (var property in entry.Properties)
        {
            if (property.Metadata.IsPrimaryKey() && action != AuditAction.Deleted) continue;
            var name = property.Metadata.Name;
            var secret = Secret.Contains(name);
            var bulky = Bulky.Contains(name);
            if (action == AuditAction.Updated && !property.IsModified) continue;
            if (action == AuditAction.Updated && Equals(property.OriginalValue, property.CurrentValue)) continue;
            object? Shown(object? v) => v switch
            {
                not null when secret => "(hidden)",
                string text when bulky => $"({text.Length} characters)",
                _ => v,
            };
            changes[name] = action switch
            {
                AuditAction.Created => new { @new = Shown(property.CurrentValue) },
                AuditAction.Deleted => new { old = Shown(property.OriginalValue) },
                _ => new { old = Shown(property.OriginalValue), @new = Shown(property.CurrentValue) },
            };
        }
        foreach (var complex in entry.ComplexProperties)
        {
            foreach (var property in complex.Properties)
            {
                if (action == AuditAction.Updated && (!property.IsModified || Equals(property.OriginalValue, property.CurrentValue))) continue;
                var name = $"{complex.Metadata.Name}.{property.Metadata.Name}";
                changes[name] = action switch
                {
                    AuditAction.Created => new { @new = property.CurrentValue },
                    AuditAction.Deleted => new { old = property.OriginalValue },
                    _ => new { old = property.OriginalValue, @new = property.CurrentValue },
                };
            }
        }
        return changes;
    }

    private static string KeyOf(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey();
        if (key is null) return string.Empty;
        return string.Join(",", key.Properties.Select(p => entry.Property(p.Name).CurrentValue?.ToString() ?? ""));
    }
}
