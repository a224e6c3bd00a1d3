using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Agendas;
using Rumbo.Core.Data;
using Rumbo.Core.Indicators;

namespace Rumbo.Core.Seed;

/// <summary>
/// Example indicators for the planning agenda (LC/CRP.20/6), whose ad hoc working group has not yet defined any:
/// twelve indicators across its four areas, regional targets, values for fourteen countries from 2015 and a reporting
/// round. All are marked as examples. The values are generated (a fixed seed, so every installation shows the same),
/// not statistics of any country.
/// </summary>
public static class DemoIndicators
{
    public const string AgendaSlug = "lc-crp-20-6";

    /// <summary>The countries with example values: large and small, every subregion, two small Caribbean States.</summary>
    public static readonly string[] Countries = ["AR", "BB", "BR", "CL", "CO", "CR", "DO", "EC", "GT", "JM", "MX", "PE", "TT", "UY"];

    public sealed record Definition(
        string Code, string Objective, string[] Lines, string[] Sdg, string En, string Es, string DefinitionEn, string DefinitionEs,
        IndicatorUnit Unit, int Decimals, double? Min, double? Max, Direction Direction, string Dimensions,
        double Start, double YearlyChange, double Noise, double? Target);

    public static readonly IReadOnlyList<Definition> Definitions =
    [
        new("1.1-a", "1.1", ["1.1.1"], ["16.7"],
            "National development plans prepared with citizen participation mechanisms",
            "Planes nacionales de desarrollo elaborados con mecanismos de participación ciudadana",
            "Share of the national and sector development plans approved in the year whose preparation included at least one formal mechanism of citizen participation (consultation, deliberative forum, advisory council).",
            "Proporción de los planes de desarrollo nacionales y sectoriales aprobados en el año cuya elaboración incluyó al menos un mecanismo formal de participación ciudadana.",
            IndicatorUnit.Percent, 1, 0, 100, Direction.Increase, "", 42, 2.8, 4, 75),
        new("1.2-a", "1.2", [], ["5.5"],
            "Women in senior positions of the central public administration",
            "Mujeres en cargos directivos de la administración pública central",
            "Share of women among the holders of senior management positions (vice-minister, undersecretary, director general or equivalent) in the central government.",
            "Proporción de mujeres entre quienes ocupan cargos de alta dirección en el gobierno central.",
            IndicatorUnit.Percent, 1, 0, 100, Direction.Increase, "", 31, 1.1, 2, 45),
        new("1.3-a", "1.3", [], ["16.6"],
            "Central government procedures available fully online",
            "Trámites del gobierno central disponibles completamente en línea",
            "Share of the central government's procedures for people and firms that can be started and completed online.",
            "Proporción de los trámites del gobierno central que pueden iniciarse y completarse en línea.",
            IndicatorUnit.Percent, 1, 0, 100, Direction.Increase, "", 28, 5.5, 5, 80),
        new("2.2-a", "2.2", [], ["17.9"],
            "Public officials trained in foresight",
            "Funcionarios públicos capacitados en prospectiva",
            "Public officials who completed a course of 20 hours or more in foresight or anticipatory governance in the year, per 100,000 public employees.",
            "Funcionarios públicos que completaron un curso de 20 horas o más en prospectiva en el año, por cada 100.000 empleados públicos.",
            IndicatorUnit.Rate, 1, 0, null, Direction.Increase, "sex", 12, 1.5, 3, null),
        new("2.7-a", "2.7", [], ["16.7"],
            "People who took part in a participatory exercise on the future",
            "Personas que participaron en un ejercicio participativo sobre el futuro",
            "Share of the adult population that took part in a public consultation or exercise on long-term national or territorial visions in the last three years.",
            "Proporción de la población adulta que participó en una consulta o ejercicio público sobre visiones de largo plazo en los últimos tres años.",
            IndicatorUnit.Percent, 1, 0, 100, Direction.Increase, "sex,area", 3.5, 0.35, 0.6, 8),
        new("3.1-a", "3.1", [], ["17.14"],
            "Public investment linked to the national development plan",
            "Inversión pública vinculada al plan nacional de desarrollo",
            "Share of the central government's public investment budget executed through projects linked to a programme of the national development plan.",
            "Proporción del presupuesto de inversión pública del gobierno central ejecutado mediante proyectos vinculados a un programa del plan nacional de desarrollo.",
            IndicatorUnit.Percent, 1, 0, 100, Direction.Increase, "", 55, 2.2, 4, 85),
        new("3.2-a", "3.2", [], ["17.14"],
            "Days to approve an inter-institutional public investment project",
            "Días para aprobar un proyecto de inversión pública interinstitucional",
            "Median number of calendar days from the submission of a public investment project that involves two or more institutions to its approval.",
            "Mediana de días corridos desde la presentación de un proyecto de inversión pública que involucra a dos o más instituciones hasta su aprobación.",
            IndicatorUnit.Number, 0, 0, 2000, Direction.Decrease, "", 210, -6, 12, 120),
        new("3.4-a", "3.4", [], ["17.14"],
            "Sector plans aligned with the national development plan",
            "Planes sectoriales alineados con el plan nacional de desarrollo",
            "Share of the sector plans in force whose objectives are mapped to objectives of the national development plan.",
            "Proporción de los planes sectoriales vigentes cuyos objetivos están vinculados a objetivos del plan nacional de desarrollo.",
            IndicatorUnit.Percent, 1, 0, 100, Direction.Increase, "", 60, -0.4, 5, 90),
        new("4.1-a", "4.1", [], ["17.18"],
            "Programmes of the national plan with a monitoring and evaluation framework",
            "Programas del plan nacional con un marco de seguimiento y evaluación",
            "Share of the programmes of the national development plan with approved indicators, baselines, targets and a responsible institution.",
            "Proporción de los programas del plan nacional de desarrollo con indicadores, líneas de base, metas y una institución responsable aprobados.",
            IndicatorUnit.Percent, 1, 0, 100, Direction.Increase, "", 38, 3.4, 4, 70),
        new("4.4-a", "4.4", [], ["17.18"],
            "Evaluations of public policies published",
            "Evaluaciones de políticas públicas publicadas",
            "Number of evaluations of public policies or programmes published in the year by the national government.",
            "Número de evaluaciones de políticas o programas públicos publicadas en el año por el gobierno nacional.",
            IndicatorUnit.Number, 0, 0, 10000, Direction.Increase, "", 14, 0.9, 3, null),
        new("4.5-a", "4.5", [], ["16.10"],
            "Open government data index",
            "Índice de datos abiertos de gobierno",
            "Score from 0 to 100 on the openness, timeliness and reuse of the central government's data, from the national assessment.",
            "Puntaje de 0 a 100 sobre la apertura, oportunidad y reutilización de los datos del gobierno central.",
            IndicatorUnit.Index, 1, 0, 100, Direction.Increase, "", 47, 1.6, 3, 70),
        new("4.6-a", "4.6", [], ["17.18"],
            "Evaluations that used participatory or innovative methods",
            "Evaluaciones que usaron métodos participativos o innovadores",
            "Share of the published evaluations that used participatory, experimental or data-science methods.",
            "Proporción de las evaluaciones publicadas que usaron métodos participativos, experimentales o de ciencia de datos.",
            IndicatorUnit.Percent, 1, 0, 100, Direction.Increase, "", 18, 0.2, 4, 40),
    ];

    public const int FirstYear = 2015;

    /// <summary>When a country sent its example values: Chile and Mexico before the round's due date, Jamaica after.</summary>
    private static DateTime SubmittedOn(string country) =>
        DateTime.SpecifyKind(country == "JM" ? new DateTime(2026, 5, 12, 15, 0, 0) : new DateTime(2026, 4, 2 + country[0] % 20, 15, 0, 0), DateTimeKind.Utc);
    public const int LastApprovedYear = 2024;
    public const int BaselineYear = 2020;
    public const int TargetYear = 2030;

    /// <summary>Creates the example framework when the planning agenda exists and has no indicator; returns how many indicators it created.</summary>
    public static async Task<int> SeedAsync(RumboDbContext db, CancellationToken ct = default)
    {
        var agenda = await db.Agendas.AsNoTracking().Where(a => a.Slug == AgendaSlug).Select(a => new { a.Id }).SingleOrDefaultAsync(ct);
        if (agenda is null || await db.Indicators.AnyAsync(i => i.AgendaId == agenda.Id, ct)) return 0;
        var objectives = await db.Objectives.AsNoTracking().Where(o => o.AgendaId == agenda.Id).ToDictionaryAsync(o => o.Code, o => o.Id, ct);
        var lines = await db.Lines.AsNoTracking().Where(l => l.AgendaId == agenda.Id).ToDictionaryAsync(l => l.Code, l => l.Id, ct);
        var countries = await db.Countries.AsNoTracking().Where(c => Countries.Contains(c.Code)).ToDictionaryAsync(c => c.Code, c => c.Id, ct);
        var adHoc = await db.Groups.AsNoTracking().Where(g => g.AgendaId == agenda.Id && g.Kind == Groups.GroupKind.AdHocWorkingGroup)
            .Select(g => (int?)g.Id).FirstOrDefaultAsync(ct);

        var round = new ReportingRound
        {
            AgendaId = agenda.Id,
            Title = new LocalizedText { Source = "2025 reporting round (example)", En = "2025 reporting round (example)", Es = "Ronda de reporte 2025 (ejemplo)" },
            FirstYear = 2024, LastYear = 2025, OpensOn = new DateOnly(2026, 1, 15), DueOn = new DateOnly(2026, 4, 30),
        };
        db.ReportingRounds.Add(round);

        var created = DateTime.SpecifyKind(new DateTime(2025, 6, 30, 12, 0, 0), DateTimeKind.Utc);
        var indicators = new List<Indicator>();
        foreach (var d in Definitions)
        {
            if (!objectives.TryGetValue(d.Objective, out var objectiveId)) continue;
            var version = new IndicatorVersion
            {
                Number = 1,
                Title = new LocalizedText { Source = d.En, En = d.En, Es = d.Es },
                Definition = new LocalizedText { Source = d.DefinitionEn, En = d.DefinitionEn, Es = d.DefinitionEs },
                Method = new LocalizedText
                {
                    Source = "Reported by each country from its administrative records. The regional value is the simple mean of the countries that reported the year.",
                    En = "Reported by each country from its administrative records. The regional value is the simple mean of the countries that reported the year.",
                    Es = "Informado por cada país a partir de sus registros administrativos. El valor regional es el promedio simple de los países que informaron el año.",
                },
                Source = new LocalizedText { Source = "National planning bodies (example data)", En = "National planning bodies (example data)", Es = "Organismos nacionales de planificación (datos de ejemplo)" },
                Unit = d.Unit, Decimals = d.Decimals, Minimum = d.Min, Maximum = d.Max, Periodicity = Periodicity.Annual, Direction = d.Direction,
                Dimensions = d.Dimensions, ResponsibleGroupId = adHoc, CreatedAtUtc = created,
            };
            var indicator = new Indicator
            {
                AgendaId = agenda.Id, ObjectiveId = objectiveId, Code = d.Code, Status = IndicatorStatus.Proposed, IsExample = true,
                Versions = [version],
                Lines = d.Lines.Where(lines.ContainsKey).Select(c => new IndicatorLine { LineOfActionId = lines[c] }).ToList(),
                SdgTargets = d.Sdg.Select(c => new IndicatorSdgTarget { Code = c }).ToList(),
            };
            indicators.Add(indicator);
            db.Indicators.Add(indicator);
        }
        await db.SaveChangesAsync(ct);

        var values = new List<IndicatorValue>();
        var targets = new List<IndicatorTarget>();
        var random = new Random(20_261_207);
        foreach (var (indicator, d) in indicators.Zip(Definitions.Where(x => objectives.ContainsKey(x.Objective))))
        {
            var version = indicator.Versions[0];
            var regional = new Dictionary<(string Breakdown, int Year), List<double>>();
            foreach (var code in Countries)
            {
                if (!countries.TryGetValue(code, out var countryId)) continue;
                // Each country starts at its own level and moves at its own pace; a few go the wrong way.
                var level = d.Start * (0.7 + 0.6 * random.NextDouble());
                var pace = d.YearlyChange * (random.NextDouble() < 0.15 ? -0.25 : 0.3 + 1.2 * random.NextDouble());
                foreach (var breakdown in Disaggregations.Breakdowns(Disaggregations.Of(d.Dimensions)))
                {
                    var shift = breakdown.Length == 0 ? 0 : (random.NextDouble() - 0.5) * d.Noise * 2;
                    for (var year = FirstYear; year <= LastApprovedYear + 1; year++)
                    {
                        // Small States report from 2018, some years are missing: series as countries really have them.
                        if (code is "BB" or "TT" && year < 2018) continue;
                        if (random.NextDouble() < 0.08 && year != BaselineYear && year <= LastApprovedYear) continue;
                        var value = level + shift + pace * (year - FirstYear) + (random.NextDouble() - 0.5) * d.Noise;
                        value = Math.Round(Math.Clamp(value, d.Min ?? double.MinValue, d.Max ?? double.MaxValue), d.Decimals);
                        var status = year <= LastApprovedYear ? ValueStatus.Approved : code is "CL" or "MX" or "JM" ? ValueStatus.Submitted : ValueStatus.Draft;
                        var entry = new IndicatorValue
                        {
                            IndicatorVersionId = version.Id, CountryId = countryId, Year = year, Breakdown = breakdown, Value = value,
                            Source = "Example data", Status = status, Locked = status == ValueStatus.Approved, UpdatedAtUtc = created,
                            RoundId = year >= round.FirstYear ? round.Id : null,
                        };
                        // Values sent in the round were sent on a day, which completeness and timeliness read.
                        if (status == ValueStatus.Submitted)
                        {
                            entry.Transitions.Add(new ValueTransition { From = ValueStatus.Draft, To = ValueStatus.Submitted, AtUtc = SubmittedOn(code) });
                        }
                        values.Add(entry);
                        if (status == ValueStatus.Approved)
                        {
                            (regional.TryGetValue((breakdown, year), out var list) ? list : regional[(breakdown, year)] = []).Add(value);
                        }
                    }
                }
            }
            foreach (var ((breakdown, year), list) in regional)
            {
                values.Add(new IndicatorValue
                {
                    IndicatorVersionId = version.Id, Year = year, Breakdown = breakdown, Value = Math.Round(list.Average(), d.Decimals),
                    Source = "Simple mean of the reporting countries (example data)", Status = ValueStatus.Approved, Locked = true, UpdatedAtUtc = created,
                });
            }
            var baseline = regional.TryGetValue(("", BaselineYear), out var b) ? Math.Round(b.Average(), d.Decimals) : (double?)null;
            var target = new IndicatorTarget
            {
                IndicatorId = indicator.Id, BaselineYear = BaselineYear, BaselineValue = baseline, TargetYear = TargetYear, TargetValue = d.Target,
                Note = "Example target.",
            };
            if (d.Target is double t && baseline is double bv)
            {
                foreach (var year in new[] { 2025, 2027 })
                {
                    target.Milestones.Add(new TargetMilestone { Year = year, Value = Math.Round(bv + (t - bv) * (year - BaselineYear) / (TargetYear - BaselineYear), d.Decimals) });
                }
            }
            targets.Add(target);
        }
        // Chile set its own, more ambitious target for the online procedures.
        var online = indicators.FirstOrDefault(i => i.Code == "1.3-a");
        if (online is not null && countries.TryGetValue("CL", out var chile))
        {
            targets.Add(new IndicatorTarget { IndicatorId = online.Id, CountryId = chile, BaselineYear = BaselineYear, TargetYear = TargetYear, TargetValue = 95, Note = "Chile's own target (example)." });
        }
        db.IndicatorValues.AddRange(values);
        db.IndicatorTargets.AddRange(targets);
        await db.SaveChangesAsync(ct);
        return indicators.Count;
    }

    /// <summary>
    /// The benchmark's framework: <paramref name="count"/> example indicators spread over the agenda's objectives (codes
    /// "{objective}-b{n}"), each broken down by sex and area, with a regional target. Made through the context, as the
    /// framework's pages make them.
    /// </summary>
    public static async Task<IReadOnlyList<string>> CreateBenchmarkFrameworkAsync(RumboDbContext db, int count, CancellationToken ct = default)
    {
        var agenda = await db.Agendas.AsNoTracking().Where(a => a.Slug == AgendaSlug).Select(a => a.Id).SingleAsync(ct);
        var objectives = await db.Objectives.AsNoTracking().Where(o => o.AgendaId == agenda).OrderBy(o => o.Id).Select(o => new { o.Id, o.Code }).ToListAsync(ct);
        var codes = new List<string>();
        var created = DateTime.SpecifyKind(new DateTime(2025, 6, 30, 12, 0, 0), DateTimeKind.Utc);
        for (var n = 0; n < count; n++)
        {
            var o = objectives[n % objectives.Count];
            var code = $"{o.Code}-b{n / objectives.Count + 1}";
            var title = $"Benchmark indicator {n + 1} of objective {o.Code}";
            db.Indicators.Add(new Indicator
            {
                AgendaId = agenda, ObjectiveId = o.Id, Code = code, Status = IndicatorStatus.Proposed, IsExample = true,
                Versions =
                [
                    new IndicatorVersion
                    {
                        Number = 1, Title = new LocalizedText { Source = title, En = title }, Definition = new LocalizedText { Source = "Generated for the benchmark." },
                        Unit = IndicatorUnit.Percent, Decimals = 2, Minimum = 0, Maximum = 100, Periodicity = Periodicity.Annual,
                        Direction = n % 4 == 3 ? Direction.Decrease : Direction.Increase, Dimensions = "sex,area", CreatedAtUtc = created,
                    },
                ],
            });
            codes.Add(code);
        }
        await db.SaveChangesAsync(ct);
        var ids = await db.Indicators.Where(i => i.AgendaId == agenda && codes.Contains(i.Code)).Select(i => i.Id).ToListAsync(ct);
        db.IndicatorTargets.AddRange(ids.Select(id => new IndicatorTarget { IndicatorId = id, BaselineYear = 2015, TargetYear = 2030, TargetValue = 80 }));
        await db.SaveChangesAsync(ct);
        return codes;
    }

    /// <summary>The four series the benchmark reports per indicator and country: the total, women, men and rural areas.</summary>
    public static readonly string[] BenchmarkBreakdowns = ["", "sex=female", "sex=male", "area=rural"];

    /// <summary>
    /// Writes the benchmark's values as the import reads them (the template's columns, each country's rows together):
    /// every country × indicator × year × breakdown, smooth series with noise, two decimals, from a fixed seed.
    /// Returns the number of rows.
    /// </summary>
    public static async Task<long> WriteBenchmarkValuesAsync(TextWriter output, IReadOnlyList<string> indicatorCodes, IReadOnlyList<string> countryCodes,
        int firstYear, int lastYear)
    {
        var random = new Random(20_261_207);
        await output.WriteLineAsync(string.Join(',', ReportingCheck.Columns));
        var columns = ReportingCheck.Columns;
        var cells = new string[columns.Count];
        long rows = 0;
        foreach (var country in countryCodes)
        {
            foreach (var code in indicatorCodes)
            {
                var start = 20 + 40 * random.NextDouble();
                var pace = 0.2 + 1.5 * random.NextDouble();
                foreach (var breakdown in BenchmarkBreakdowns)
                {
                    var pairs = Disaggregations.Read(breakdown);
                    var shift = breakdown.Length == 0 ? 0 : (random.NextDouble() - 0.5) * 6;
                    for (var year = firstYear; year <= lastYear; year++)
                    {
                        var value = Math.Clamp(start + shift + pace * (year - firstYear) + (random.NextDouble() - 0.5), 0, 100);
                        Array.Clear(cells);
                        for (var c = 0; c < columns.Count; c++)
                        {
                            cells[c] = columns[c] switch
                            {
                                ReportingCheck.IndicatorColumn => code,
                                ReportingCheck.CountryColumn => country,
                                ReportingCheck.YearColumn => year.ToString(System.Globalization.CultureInfo.InvariantCulture),
                                ReportingCheck.ValueColumn => Math.Round(value, 2).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture),
                                ReportingCheck.SourceColumn => "Benchmark data",
                                var dim => pairs.GetValueOrDefault(dim) ?? "",
                            };
                        }
                        await output.WriteLineAsync(string.Join(',', cells));
                        rows++;
                    }
                }
            }
        }
        return rows;
    }
}
