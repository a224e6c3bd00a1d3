using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Accounts;
using Rumbo.Core.Data;
using Rumbo.Core.Meetings;
using Rumbo.Web.Pages.Agreements;
using Rumbo.Core.Agreements;

namespace Rumbo.Web.Pages.Agreements;

/// <summary>Records an agreement or recommendation adopted at a meeting; it takes the meeting's next number.</summary>
public sealed class NewModel(RumboDbContext db, CurrentUser currentUser) : AgreementFormPage(db, currentUser)
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await RefuseUnlessAllowedAsync(id, ct) is { } refused) return refused;
        AdoptedOn = Meeting.LocalDate;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await RefuseUnlessAllowedAsync(id, ct) is { } refused) return refused;
        if (!await ValidateAsync(new HashSet<int>(), ct)) return Invalid();
        for (var attempt = 0; ; attempt++)
        {
            var number = (await Db.Agreements.Where(a => a.MeetingId == id).MaxAsync(a => (int?)a.Number, ct) ?? 0) + 1;
            var agreement = new Agreement { MeetingId = id, GroupId = Meeting.GroupId, Number = number };
            ApplyTo(agreement);
            Db.Agreements.Add(agreement);
            try
            {
                await Db.SaveChangesAsync(ct);
                return Redirect($"/agreements/{agreement.Id}");
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Another agreement took the number: take the next one.
                Db.ChangeTracker.Clear();
            }
        }
    }
}
