using Rumbo.Core.Agendas;
using Rumbo.Core.Policies;

namespace Rumbo.Core.Tests.Policies;

/// <summary>The transitions on the entity and the one check, as pure functions: no database.</summary>
public sealed class PolicyWorkflowTests
{
    private static readonly DateOnly Today = new(2026, 12, 7);
    private static readonly DateTime Now = new(2026, 12, 7, 12, 0, 0, DateTimeKind.Utc);

    private static Policy New(PolicyStatus status = PolicyStatus.Design) =>
        new() { Status = status, StatusChanges = [new PolicyStatusChange { To = status, On = new(2024, 1, 1) }] };

    [Fact]
    public void The_status_moves_forward_one_step_or_ends_and_each_change_is_kept()
    {
        var p = New();
        Assert.Equal("A policy cannot go from this status to that one.", p.ChangeStatus(PolicyStatus.InImplementation, new(2024, 2, 1), Today, 1, null, Now));
        Assert.Null(p.ChangeStatus(PolicyStatus.Approved, new(2024, 2, 1), Today, 1, "Decree", Now));
        Assert.Null(p.ChangeStatus(PolicyStatus.InImplementation, new(2024, 3, 1), Today, 1, null, Now));
        Assert.Null(p.ChangeStatus(PolicyStatus.Evaluated, new(2025, 3, 1), Today, 1, null, Now));
        // After an evaluation, a new period of implementation.
        Assert.Null(p.ChangeStatus(PolicyStatus.InImplementation, new(2025, 4, 1), Today, 1, null, Now));
        Assert.Null(p.ChangeStatus(PolicyStatus.Ended, new(2026, 1, 1), Today, 1, null, Now));
        Assert.Equal("This policy has ended: its status no longer changes.", p.ChangeStatus(PolicyStatus.InImplementation, Today, Today, 1, null, Now));
        Assert.Equal(6, p.StatusChanges.Count);
        Assert.Equal((PolicyStatus?)PolicyStatus.Design, p.StatusChanges[1].From);
        Assert.Equal("Decree", p.StatusChanges[1].Note);
    }

    [Fact]
    public void A_change_is_refused_before_the_previous_one_in_the_future_or_with_a_long_note_and_changes_nothing()
    {
        var p = New();
        Assert.NotNull(p.ChangeStatus(PolicyStatus.Approved, new(2023, 12, 31), Today, 1, null, Now));
        Assert.NotNull(p.ChangeStatus(PolicyStatus.Approved, Today.AddDays(1), Today, 1, null, Now));
        Assert.NotNull(p.ChangeStatus(PolicyStatus.Approved, Today, Today, 1, new string('x', 2001), Now));
        Assert.NotNull(p.ChangeStatus((PolicyStatus)42, Today, Today, 1, null, Now));
        Assert.Equal(PolicyStatus.Design, p.Status);
        Assert.Single(p.StatusChanges);
    }

    [Fact]
    public void Review_draft_submitted_returned_with_a_comment_reviewed_and_back_on_a_country_s_change()
    {
        var p = New();
        Assert.NotNull(p.MarkReviewed(1, Now, null));
        Assert.NotNull(p.Return(1, Now, "Why"));
        Assert.Null(p.Submit());
        Assert.NotNull(p.Submit());
        Assert.Equal("Say what the country should change.", p.Return(1, Now, " "));
        Assert.NotNull(p.Return(1, Now, new string('x', 2001)));
        Assert.Null(p.Return(2, Now, "Add the law."));
        Assert.Equal((PolicyReview.Returned, "Add the law.", (int?)2), (p.Review, p.ReviewComment, p.ReviewedByPersonId));
        Assert.Null(p.Submit());
        Assert.Null(p.MarkReviewed(2, Now, null));
        p.IsPublic = true;
        Assert.True(p.IsPublished);
        p.ChangedByCountry();
        Assert.Equal(PolicyReview.Submitted, p.Review);
        Assert.False(p.IsPublished);
        // A draft stays a draft when the country changes it.
        var draft = New();
        draft.ChangedByCountry();
        Assert.Equal(PolicyReview.Draft, draft.Review);
    }

    private static readonly PolicyContext Context = new(
        [new(1, "3.4.5", false), new(2, "2.1.1", true)],
        [new(7, "MIDEPLAN", new LocalizedString("Ministerio de Planificación Nacional y Política Económica", "Ministry of National Planning", null, null, null, null))]);

    private static PolicyEntry Entry(string? level = "National", string? territory = null, string? institution = null, string? institutionName = null,
        string? start = null, string? end = null, string? amount = null, string? currency = null, string? percent = null, string? links = null, string? lines = null,
        string? sdg = null, string? status = "Design", string? language = "es", string title = "Plan") =>
        new(language, new LocalizedText { Source = title }, new LocalizedText(), level, territory, "plan", institution, institutionName, start, end, amount, currency,
            status, percent, new LocalizedText(), new LocalizedText(), links, lines, sdg, true);

    [Fact]
    public void The_check_reads_what_people_type_and_refuses_by_the_field()
    {
        var (ok, none) = PolicyCheck.Check(Entry(status: "in implementation", institutionName: "mideplan", amount: "1500000.505", currency: "crc", percent: "40%",
            links: "https://example.org/a\nhttp://example.org/b", lines: "3.4.5", sdg: "16.6, 17.18, 4.A"), Context, []);
        Assert.Empty(none);
        Assert.Equal(PolicyStatus.InImplementation, ok!.Status);
        Assert.Equal(7, ok.InstitutionId);
        Assert.Null(ok.InstitutionName);
        Assert.Equal((1500000.50m, "CRC"), (ok.BudgetAmount!.Value, ok.BudgetCurrency));
        Assert.Equal(40, ok.ProgressPercent);
        Assert.Equal(["16.6", "17.18", "4.a"], ok.SdgTargets);

        var (bad, problems) = PolicyCheck.Check(Entry(level: "Regional", language: "de", title: "", start: "1800", end: "x", amount: "-5", percent: "-1",
            links: "javascript:alert(1)", lines: "3.4.5, 9.9.9", sdg: "SDG16", institution: "99", status: "3"), Context, []);
        Assert.Null(bad);
        var fields = problems.Select(p => p.Field).ToHashSet();
        foreach (var f in (string[])["Language", "Title.Source", "Level", "Status", "Institution", "StartYear", "EndYear", "BudgetAmount", "ProgressPercent", "Links", "Lines", "SdgTargets"])
            Assert.Contains(f, fields);

        // A retired line may stay linked, not be newly linked; a subnational policy names its territory; an amount needs its currency.
        Assert.Contains(PolicyCheck.Check(Entry(lines: "2.1.1"), Context, []).Problems, p => p.Field == "Lines");
        Assert.Empty(PolicyCheck.Check(Entry(lines: "2.1.1"), Context, [2]).Problems);
        Assert.Contains(PolicyCheck.Check(Entry(level: "subnational"), Context, []).Problems, p => p.Field == "Territory");
        Assert.Contains(PolicyCheck.Check(Entry(amount: "10"), Context, []).Problems, p => p.Field == "BudgetCurrency");
        Assert.Contains(PolicyCheck.Check(Entry(start: "2030", end: "2020"), Context, []).Problems, p => p.Field == "EndYear");
        Assert.Contains(PolicyCheck.Check(Entry(links: string.Join(' ', Enumerable.Range(0, 11).Select(i => $"https://example.org/{i}"))), Context, []).Problems, p => p.Field == "Links");
        // A national policy keeps no territory.
        Assert.Null(PolicyCheck.Check(Entry(territory: "Somewhere"), Context, []).Policy!.Territory);
    }
}
