using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Agendas;
using Rumbo.Core.Data;
using Rumbo.Core.Policies;

namespace Rumbo.Core.Seed;

/// <summary>
/// Example entries of the public-policy register for the planning agenda (LC/CRP.20/6), whose line 3.4.5 asks for the
/// registers. The national plans and strategies are real instruments named as their countries publish them; their
/// statuses, progress, outcomes, budgets and the subnational entries are written for the demonstration, and every entry
/// is marked as an example. Spanish- and Portuguese-speaking countries' entries are written in their language, with an
/// English translation that is not official.
/// </summary>
public static class DemoPolicies
{
    private sealed record Example(
        string Country, string Language, (string Source, string En) Title, (string Source, string En) Summary, PolicyLevel Level, string? Territory,
        PolicyInstrument Instrument, string Institution, int? Start, int? End, (decimal Amount, string Currency)? Budget,
        (PolicyStatus Status, DateOnly On)[] History, int? Progress, (string Source, string En)? ProgressText, (string Source, string En)? Outcomes,
        string[] Links, string[] Lines, string[] Sdg, PolicyReview Review, bool Public, string? ReviewComment = null);

    private const string Note = " (Example entry for the demonstration.)";
    private const string NoteEs = " (Registro de ejemplo para la demostración.)";
    private const string NotePt = " (Registro de exemplo para a demonstração.)";

    private static readonly Example[] Examples =
    [
        new("CO", "es",
            ("Plan Nacional de Desarrollo 2022-2026 «Colombia, potencia mundial de la vida»", "National Development Plan 2022-2026 'Colombia, world power of life'"),
            ("Plan cuatrienal del Gobierno nacional, expedido por la Ley 2294 de 2023, organizado en cinco transformaciones: ordenamiento del territorio alrededor del agua, seguridad humana y justicia social, derecho humano a la alimentación, transformación productiva y acción climática, y convergencia regional.",
             "The national Government's four-year plan, issued by Law 2294 of 2023, organized in five transformations: land-use planning around water, human security and social justice, the human right to food, productive transformation and climate action, and regional convergence."),
            PolicyLevel.National, null, PolicyInstrument.Plan, "Departamento Nacional de Planeación", 2022, 2026, null,
            [(PolicyStatus.Design, new(2022, 8, 7)), (PolicyStatus.Approved, new(2023, 5, 19)), (PolicyStatus.InImplementation, new(2023, 5, 20))], 55,
            ("Seguimiento anual por medio de SINERGIA, con el avance de los indicadores del plan.", "Followed up yearly through SINERGIA, with the progress of the plan's indicators."),
            null, ["https://www.dnp.gov.co/plan-nacional-desarrollo/pnd-2022-2026"], ["3.2.1", "3.2.6", "4.2.1"], ["16.6", "17.14"], PolicyReview.Reviewed, true),
        new("CO", "es",
            ("Sistema Nacional de Evaluación de Gestión y Resultados (SINERGIA)", "National System for the Evaluation of Management and Results (SINERGIA)"),
            ("Sistema que sigue las metas del Plan Nacional de Desarrollo y evalúa las políticas públicas prioritarias.", "The system that follows the National Development Plan's targets and evaluates priority public policies."),
            PolicyLevel.National, null, PolicyInstrument.Programme, "Departamento Nacional de Planeación", 1994, null, null,
            [(PolicyStatus.InImplementation, new(2020, 1, 1))], null, null,
            ("- Tablero público de seguimiento de las metas del plan.\n- Agenda anual de evaluaciones.", "- A public dashboard following the plan's targets.\n- A yearly agenda of evaluations."),
            ["https://sinergia.dnp.gov.co"], ["4.1.1", "4.2.1"], ["16.6"], PolicyReview.Reviewed, true),
        new("BR", "pt",
            ("Plano Plurianual 2024-2027", "Multi-Year Plan 2024-2027"),
            ("Instrumento de planejamento de médio prazo do Governo Federal, instituído pela Lei nº 14.802 de 2024, que organiza os programas finalísticos e suas metas para o período.",
             "The Federal Government's medium-term planning instrument, established by Law 14,802 of 2024, which organizes the programmes and their targets for the period."),
            PolicyLevel.National, null, PolicyInstrument.Plan, "Ministério do Planejamento e Orçamento", 2024, 2027, null,
            [(PolicyStatus.Design, new(2023, 1, 2)), (PolicyStatus.Approved, new(2024, 1, 10)), (PolicyStatus.InImplementation, new(2024, 1, 11))], 40,
            ("Relatórios anuais de monitoramento dos programas e das agendas transversais.", "Yearly monitoring reports on the programmes and the cross-cutting agendas."),
            null, ["https://www.gov.br/planejamento/pt-br/assuntos/plano-plurianual"], ["3.2.6", "4.2.1", "3.4.5"], ["16.6", "17.14"], PolicyReview.Reviewed, true),
        new("BR", "pt",
            ("Estratégia Federal de Desenvolvimento para o Brasil 2020-2031", "Federal Development Strategy for Brazil 2020-2031"),
            ("Estratégia de longo prazo instituída pelo Decreto nº 10.531 de 2020, com diretrizes, desafios e metas-chave para os eixos econômico, institucional, de infraestrutura, ambiental e social.",
             "A long-term strategy established by Decree 10,531 of 2020, with guidelines, challenges and key targets for the economic, institutional, infrastructure, environmental and social axes."),
            PolicyLevel.National, null, PolicyInstrument.Strategy, "Ministério do Planejamento e Orçamento", 2020, 2031, null,
            [(PolicyStatus.Approved, new(2020, 10, 26)), (PolicyStatus.InImplementation, new(2021, 1, 1)), (PolicyStatus.Evaluated, new(2024, 6, 30))], null, null,
            null, [], ["2.1.2", "2.2.2"], ["17.14"], PolicyReview.Reviewed, true),
        new("BR", "pt",
            ("Plano Plurianual participativo de um estado (exemplo)", "A state's participatory multi-year plan (example)"),
            ("Plano de médio prazo de um governo estadual, elaborado com escutas territoriais em todos os territórios de identidade.",
             "A state government's medium-term plan, drawn up with hearings in every identity territory."),
            PolicyLevel.Subnational, "Bahia", PolicyInstrument.Plan, "Secretaria do Planejamento do Estado", 2024, 2027, (1_250_000_000m, "BRL"),
            [(PolicyStatus.Design, new(2023, 3, 1)), (PolicyStatus.Approved, new(2023, 12, 20))], 10, null, null,
            [], ["3.1.3", "3.5.2"], ["11.a"], PolicyReview.Returned, false,
            "Indicate the law that approved the plan and the source of the budget figure."),
        new("CL", "es",
            ("Política Nacional de Desarrollo Urbano", "National Urban Development Policy"),
            ("Política de Estado que orienta el desarrollo de las ciudades en torno a la integración social, el desarrollo económico, el equilibrio ambiental, la identidad y el patrimonio, y la institucionalidad y gobernanza.",
             "A State policy that guides the development of cities around social integration, economic development, environmental balance, identity and heritage, and institutions and governance."),
            PolicyLevel.National, null, PolicyInstrument.Policy, "Ministerio de Vivienda y Urbanismo", 2014, null, null,
            [(PolicyStatus.Approved, new(2014, 3, 4)), (PolicyStatus.InImplementation, new(2014, 3, 5))], 60,
            ("Seguimiento por medio del Sistema de Indicadores y Estándares de Desarrollo Urbano.", "Followed up through the System of Indicators and Standards of Urban Development."),
            null, [], ["3.1.3", "3.5.2"], ["11.3", "11.a"], PolicyReview.Reviewed, true),
        new("CL", "es",
            ("Estrategia regional de desarrollo 2020-2030 (ejemplo)", "Regional development strategy 2020-2030 (example)"),
            ("Instrumento de planificación de largo plazo de un gobierno regional, en preparación con los municipios de la región.",
             "A regional government's long-term planning instrument, being prepared with the region's municipalities."),
            PolicyLevel.Subnational, "Región de Valparaíso", PolicyInstrument.Strategy, "Gobierno Regional", 2020, 2030, null,
            [(PolicyStatus.Design, new(2024, 4, 1))], null, null, null, [], ["2.1.1", "3.1.3"], [], PolicyReview.Draft, false),
        new("UY", "es",
            ("Estrategia Nacional de Desarrollo Uruguay 2050", "National Development Strategy Uruguay 2050"),
            ("Estrategia de largo plazo elaborada por la Oficina de Planeamiento y Presupuesto a partir de estudios prospectivos sobre la transformación productiva, demográfica y de género.",
             "A long-term strategy drawn up by the Office of Planning and Budget from foresight studies on productive, demographic and gender transformation."),
            PolicyLevel.National, null, PolicyInstrument.Strategy, "Oficina de Planeamiento y Presupuesto", 2019, 2050, null,
            [(PolicyStatus.Design, new(2017, 1, 1)), (PolicyStatus.Approved, new(2019, 12, 1))], null, null, null,
            [], ["2.1.1", "2.1.2", "2.2.2"], ["17.14"], PolicyReview.Reviewed, true),
        new("UY", "es",
            ("Registro nacional de políticas públicas (ejemplo)", "National register of public policies (example)"),
            ("Programa para reunir en un registro las políticas públicas vigentes, con su estado de implementación, avance y resultados.",
             "A programme to gather the policies in force in a register, with their implementation status, progress and outcomes."),
            PolicyLevel.National, null, PolicyInstrument.Programme, "Oficina de Planeamiento y Presupuesto", 2025, 2027, (350_000m, "USD"),
            [(PolicyStatus.Approved, new(2025, 3, 1)), (PolicyStatus.InImplementation, new(2025, 5, 1))], 25,
            ("Primer relevamiento con los ministerios realizado.", "A first survey with the ministries done."), null,
            [], ["3.4.5", "4.2.1"], ["16.6"], PolicyReview.Submitted, true),
        new("MX", "es",
            ("Plan Nacional de Desarrollo 2019-2024", "National Development Plan 2019-2024"),
            ("Plan sexenal del Gobierno federal, organizado en tres ejes: política y gobierno, política social y economía.",
             "The federal Government's six-year plan, organized in three axes: politics and government, social policy, and the economy."),
            PolicyLevel.National, null, PolicyInstrument.Plan, "Secretaría de Hacienda y Crédito Público", 2019, 2024, null,
            [(PolicyStatus.Approved, new(2019, 7, 12)), (PolicyStatus.InImplementation, new(2019, 7, 13)), (PolicyStatus.Ended, new(2024, 9, 30))], 100, null,
            ("El informe final de ejecución se publica con la cuenta pública.", "The final implementation report is published with the public accounts."),
            [], ["3.2.1", "4.2.1"], ["16.6"], PolicyReview.Reviewed, true),
        new("CR", "es",
            ("Plan Nacional de Desarrollo e Inversión Pública 2023-2026", "National Development and Public Investment Plan 2023-2026"),
            ("Plan que articula las intervenciones estratégicas del Gobierno con la inversión pública para el cuatrienio.",
             "The plan that links the Government's strategic interventions with public investment for the four years."),
            PolicyLevel.National, null, PolicyInstrument.Plan, "Ministerio de Planificación Nacional y Política Económica", 2023, 2026, null,
            [(PolicyStatus.Approved, new(2022, 12, 15)), (PolicyStatus.InImplementation, new(2023, 1, 1))], 45, null, null,
            [], ["3.2.6", "4.2.1"], ["17.14"], PolicyReview.Reviewed, true),
        new("GT", "es",
            ("Plan Nacional de Desarrollo K'atun: Nuestra Guatemala 2032", "K'atun National Development Plan: Our Guatemala 2032"),
            ("Política nacional de desarrollo de largo plazo que orienta la planificación y el presupuesto del sector público.",
             "A long-term national development policy that guides the public sector's planning and budget."),
            PolicyLevel.National, null, PolicyInstrument.Plan, "Secretaría de Planificación y Programación de la Presidencia", 2014, 2032, null,
            [(PolicyStatus.Approved, new(2014, 8, 1)), (PolicyStatus.InImplementation, new(2014, 8, 2))], 35, null, null,
            [], ["2.1.2", "3.2.1", "4.1.1"], ["17.14"], PolicyReview.Reviewed, true),
    ];

    /// <summary>Creates the examples when the database has no policy and the planning agenda is there; returns how many.</summary>
    public static async Task<int> SeedAsync(RumboDbContext db, CancellationToken ct = default)
    {
        if (await db.Policies.AnyAsync(ct)) return 0;
        var agenda = await db.Agendas.AsNoTracking().Where(a => a.Slug == DemoIndicators.AgendaSlug).Select(a => (int?)a.Id).SingleOrDefaultAsync(ct);
        if (agenda is null) return 0;
        var codes = Examples.Select(e => e.Country).Distinct().ToList();
        var countries = await db.Countries.AsNoTracking().Where(c => codes.Contains(c.Code)).ToDictionaryAsync(c => c.Code, c => c.Id, ct);
        var lines = await db.Lines.AsNoTracking().Where(l => l.AgendaId == agenda).Select(l => new LineLinks.Line(l.Id, l.Code, l.RetiredOn != null)).ToListAsync(ct);
        var created = 0;
        foreach (var e in Examples.Where(e => countries.ContainsKey(e.Country)))
        {
            var note = e.Language == "pt" ? NotePt : NoteEs;
            var first = e.History[0].On;
            var at = first.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            var policy = new Policy
            {
                AgendaId = agenda.Value, CountryId = countries[e.Country], Language = e.Language,
                Title = Text(e.Title), Summary = Text((e.Summary.Source + note, e.Summary.En + Note)),
                Level = e.Level, Territory = e.Territory, Instrument = e.Instrument, InstitutionName = e.Institution, StartYear = e.Start, EndYear = e.End,
                BudgetAmount = e.Budget?.Amount, BudgetCurrency = e.Budget?.Currency, Status = e.History[^1].Status, ProgressPercent = e.Progress,
                Progress = e.ProgressText is { } p ? Text(p) : new LocalizedText(), Outcomes = e.Outcomes is { } o ? Text(o) : new LocalizedText(),
                Links = PolicyLinks.Join(e.Links), Review = e.Review, IsPublic = e.Public, ReviewComment = e.ReviewComment,
                ReviewedAtUtc = e.Review is PolicyReview.Reviewed or PolicyReview.Returned ? new DateTime(2025, 11, 3, 15, 0, 0, DateTimeKind.Utc) : null,
                IsExample = true, CreatedAtUtc = at, UpdatedAtUtc = at,
                Lines = [.. LineLinks.Resolve(lines, e.Lines).Ids.Select(id => new PolicyLine { LineOfActionId = id })],
                SdgTargets = [.. e.Sdg.Select(c => new PolicySdgTarget { Code = c })],
            };
            PolicyStatus? from = null;
            foreach (var (status, on) in e.History)
            {
                policy.StatusChanges.Add(new PolicyStatusChange { From = from, To = status, On = on, AtUtc = on.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) });
                from = status;
            }
            db.Policies.Add(policy);
            created++;
        }
        await db.SaveChangesAsync(ct);
        return created;
    }

    private static LocalizedText Text((string Source, string En) t) => new() { Source = t.Source, En = t.En };
}
