using Microsoft.AspNetCore.Mvc;
using Rumbo.Core.Agreements;
using Rumbo.Core.Groups;
using Rumbo.Core.Records;

namespace Rumbo.Web.Components;

/// <summary>The group page's agreements and the actions still due from its records, as the reader may see them.</summary>
public sealed class GroupAgreementsViewComponent : ViewComponent
{
    public sealed record Model(string Slug, string Language, IReadOnlyList<AgreementSummary> Agreements, int Total, IReadOnlyList<DueAction> Actions);

    // Both lists come from the page's read model, already those of the reader's audience.
    public IViewComponentResult Invoke(GroupPage page)
    {
        if (page.AgreementCount == 0 && page.Actions.Count == 0) return Content(string.Empty);
        return View(new Model(page.Group.Slug, page.Group.Agenda.DocumentLanguage, page.Agreements, page.AgreementCount, page.Actions));
    }
}
