using Microsoft.EntityFrameworkCore;

namespace Rumbo.Core.Calendars;

/// <summary>Table of the secret calendar links.</summary>
internal static class CalendarsModel
{
    public static void Configure(ModelBuilder b)
    {
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
