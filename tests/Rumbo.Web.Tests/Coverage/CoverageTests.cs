using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Agendas;
using Rumbo.Core.Agreements;
using Rumbo.Core.Indicators;
using Rumbo.Core.Meetings;
using Rumbo.Core.People;
using Rumbo.Core.Plans;
using Rumbo.Core.Policies;
using Rm = Rumbo.Core.RoadMaps;
using Rumbo.TestSupport;
using Rumbo.Web.Tests.Policies;

namespace Rumbo.Web.Tests.Coverage;

/// <summary>
/// The coverage matrix: what each kind counts in a country and a line, what a reader may not see left uncounted, the
/// filters and their bad values, and the same figures in the page, the API and the downloads. Each test works in a
/// country of its own, which the demo data leaves empty.
/// </summary>
public abstract class CoverageTests(RumboApp app)
{
    private const string Agenda = PolicyKit.Agenda;
    private readonly PolicyKit kit = new(app);

    private static string Unique => Guid.NewGuid().ToString("n")[..8];

    /// <summary>The number a cell shows (the value of the kinds counted), by line code, for one country's column.</summary>
    private async Task<Dictionary<string, int>> ColumnAsync(string query, string country, string? cookie = null)
    {
        var page = await kit.Kit.PageAsync($"/agendas/{Agenda}/coverage?{query}&country={country}&t={Unique}", cookie);
        return page.QuerySelectorAll($"table.coverage tbody tr[data-line] td[data-country={country}]")
            .ToDictionary(td => td.ParentElement!.GetAttribute("data-line")!, td => int.Parse(td.GetAttribute("data-value")!, System.Globalization.CultureInfo.InvariantCulture));
    }

    private async Task<JsonElement> ApiAsync(string query, string? cookie = null)
    {
        var response = await kit.Kit.GetAsync($"/api/v1/agendas/{Agenda}/coverage?{query}&t={Unique}", cookie);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private static JsonElement? Cell(JsonElement matrix, string country, string line) =>
        matrix.GetProperty("cells").EnumerateArray().Cast<JsonElement?>()
            .FirstOrDefault(c => c!.Value.GetProperty("country").GetString() == country && c.Value.GetProperty("line").GetString() == line);

    [Fact]
    public async Task A_country_s_policies_count_on_their_lines_and_only_published_ones_for_the_public()
    {
        await kit.CreateAsync("HN", PolicyReview.Reviewed, isPublic: true, lines: ["2.5.1"]);
        await kit.CreateAsync("HN", PolicyReview.Reviewed, isPublic: true, lines: ["2.5.1", "2.6.1"]);
        await kit.CreateAsync("HN", PolicyReview.Draft, isPublic: false, lines: ["2.5.2"]);

        var column = await ColumnAsync("kind=policies", "HN");
        Assert.Equal(2, column["2.5.1"]);
        Assert.Equal(1, column["2.6.1"]);
        Assert.Equal(0, column["2.5.2"]);
        Assert.Equal(2, column.Values.Count(v => v > 0));

        var secretariat = await kit.SecretariatAsync();
        Assert.Equal(1, (await ColumnAsync("kind=policies", "HN", secretariat))["2.5.2"]);
        var (focalPoint, _) = await kit.FocalPointAsync("HN");
        Assert.Equal(1, (await ColumnAsync("kind=policies", "HN", focalPoint))["2.5.2"]);
        var (otherFocalPoint, _) = await kit.FocalPointAsync("NI");
        Assert.Equal(0, (await ColumnAsync("kind=policies", "HN", otherFocalPoint))["2.5.2"]);

        var matrix = await ApiAsync("country=HN");
        Assert.Equal(2, Cell(matrix, "HN", "2.5.1")!.Value.GetProperty("policies").GetInt32());
        Assert.Null(Cell(matrix, "HN", "2.5.2"));
        Assert.Equal(matrix.GetProperty("totalCells").GetInt32() - 2, matrix.GetProperty("emptyCells").GetInt32());

        // The download has every pair, the gaps included, with the same counts.
        var csv = await (await kit.Kit.GetAsync($"/agendas/{Agenda}/coverage.csv?country=HN&kind=policies&t={Unique}")).Content.ReadAsStringAsync();
        var rows = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(r => r.TrimEnd('\r').Split(',')).ToList();
        Assert.Equal(matrix.GetProperty("totalCells").GetInt32(), rows.Count);
        var row = rows.Single(r => r[3] == "2.5.1");
        Assert.Equal(["HN", "2", "", "no"], [row[4], row[6], row[7], row[12]]);
        Assert.Equal("yes", rows.Single(r => r[3] == "2.5.2")[12]);
        Assert.Equal(HttpStatusCode.OK, (await kit.Kit.GetAsync($"/agendas/{Agenda}/coverage.xlsx?country=HN&t={Unique}")).StatusCode);
    }

    [Fact]
    public async Task Meetings_agreements_activities_and_indicators_count_where_the_country_takes_part_and_the_reader_may_see()
    {
        await ScenarioAsync("NI");
        var anonymous = await ApiAsync("country=NI");
        int Count(JsonElement m, string line, string kind) => Cell(m, "NI", line) is { } c ? c.GetProperty(kind).GetInt32() : 0;

        Assert.Equal(1, Count(anonymous, "3.1.1", "meetings"));
        Assert.Equal(0, Count(anonymous, "3.1.2", "meetings"));   // a members-only meeting
        Assert.Equal(0, Count(anonymous, "3.1.3", "meetings"));   // a cancelled one
        Assert.Equal(0, Count(anonymous, "3.5.7", "meetings"));   // the country declined
        Assert.Equal(1, Count(anonymous, "3.2.1", "agreements"));
        Assert.Equal(0, Count(anonymous, "3.2.2", "agreements")); // a members-only agreement
        Assert.Equal(1, Count(anonymous, "3.3.1", "activities"));
        Assert.Equal(1, Count(anonymous, "3.4.1", "indicators"));
        Assert.Equal(0, Count(anonymous, "3.4.2", "indicators")); // submitted, not approved

        var secretariat = await kit.SecretariatAsync();
        var all = await ApiAsync("country=NI", secretariat);
        Assert.Equal(1, Count(all, "3.1.2", "meetings"));
        Assert.Equal(0, Count(all, "3.1.3", "meetings"));
        Assert.Equal(1, Count(all, "3.2.2", "agreements"));
        Assert.Equal(0, Count(all, "3.4.2", "indicators"));
        Assert.Equal(0, Count(anonymous, "3.5.1", "capacities")); // the road map is not public
        Assert.Equal(1, Count(all, "3.5.1", "capacities"));
        Assert.Equal(0, Count(all, "3.5.2", "capacities"));       // a cancelled action

        // Every kind at once: the page's cell gives how many kinds serve the pair; one kind asked, its count.
        var kinds = await ColumnAsync("", "NI");
        Assert.Equal(1, kinds["3.1.1"]);
        Assert.Equal(0, kinds["3.1.2"]);
        var meetings = await ColumnAsync("kind=meetings&kind=agreements", "NI");
        Assert.Equal(1, meetings["3.1.1"]);
        Assert.Equal(0, meetings["3.3.1"]);
    }

    [Fact]
    public async Task The_filters_cut_the_matrix_and_the_gaps_only_view_leaves_out_covered_lines()
    {
        await kit.CreateAsync("SV", PolicyReview.Reviewed, isPublic: true, lines: ["1.1.2"]);
        var area = await kit.Kit.PageAsync($"/agendas/{Agenda}/coverage?area=1&subregion=CentralAmerica&kind=policies&t={Unique}");
        var lines = area.QuerySelectorAll("table.coverage tbody tr[data-line]").Select(r => r.GetAttribute("data-line")!).ToList();
        Assert.NotEmpty(lines);
        Assert.All(lines, l => Assert.StartsWith("1.", l, StringComparison.Ordinal));
        var countries = area.QuerySelectorAll("table.coverage thead th.country").Select(th => th.TextContent.Trim()).ToList();
        Assert.Contains("SV", countries);
        Assert.DoesNotContain("BR", countries);
        Assert.DoesNotContain("MX", countries);

        await using var db = app.Database.CreateContext();
        var lineCount = await db.Lines.CountAsync(l => l.Agenda!.Slug == Agenda && l.RetiredOn == null);
        var whole = await kit.Kit.PageAsync($"/agendas/{Agenda}/coverage?country=SV&kind=policies&t={Unique}");
        Assert.Equal(lineCount, whole.QuerySelectorAll("table.coverage tbody tr[data-line]").Length);
        var gaps = await kit.Kit.PageAsync($"/agendas/{Agenda}/coverage?country=SV&kind=policies&gaps=true&t={Unique}");
        var gapLines = gaps.QuerySelectorAll("table.coverage tbody tr[data-line]").Select(r => r.GetAttribute("data-line")).ToList();
        Assert.Equal(lineCount - 1, gapLines.Count);
        Assert.DoesNotContain("1.1.2", gapLines);

        // Associate members only when asked for.
        var associate = await db.Countries.Where(c => c.Status == CountryStatus.AssociateMember).Select(c => c.Code).FirstAsync();
        var members = await ApiAsync("area=1");
        Assert.DoesNotContain(members.GetProperty("countries").EnumerateArray(), c => c.GetProperty("code").GetString() == associate);
        Assert.Equal(33, members.GetProperty("countries").GetArrayLength());
        var withAssociates = await ApiAsync("area=1&associates=true");
        Assert.Contains(withAssociates.GetProperty("countries").EnumerateArray(), c => c.GetProperty("code").GetString() == associate);
    }

    [Theory]
    [InlineData("area=9")]
    [InlineData("subregion=Europe")]
    [InlineData("subregion=2")]
    [InlineData("kind=budgets")]
    [InlineData("country=ZZ")]
    [InlineData("country=Honduras")]
    public async Task A_filter_naming_nothing_is_refused_by_its_field_on_the_page_and_as_a_problem_in_the_api_and_downloads(string query)
    {
        var response = await kit.Kit.GetAsync($"/agendas/{Agenda}/coverage?{query}&t={Unique}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        var field = query.Split('=')[0];
        Assert.NotNull(page.QuerySelector($"#{field}-error"));
        Assert.Null(page.QuerySelector("table.coverage"));

        var api = await kit.Kit.GetAsync($"/api/v1/agendas/{Agenda}/coverage?{query}&t={Unique}");
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, (await kit.Kit.GetAsync($"/agendas/{Agenda}/coverage.csv?{query}&t={Unique}")).StatusCode);
    }

    [Fact]
    public async Task An_agenda_that_does_not_exist_answers_404_everywhere()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await kit.Kit.GetAsync($"/agendas/no-such-agenda/coverage?t={Unique}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await kit.Kit.GetAsync($"/api/v1/agendas/no-such-agenda/coverage?t={Unique}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await kit.Kit.GetAsync($"/agendas/no-such-agenda/coverage.csv?t={Unique}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await kit.Kit.GetAsync($"/agendas/{Agenda}/coverage.pdf?t={Unique}")).StatusCode);
    }

    /// <summary>
    /// In a group the country belongs to: a public meeting on 3.1.1 it took part in, a members-only one on 3.1.2, a
    /// cancelled one on 3.1.3, one on 3.5.7 it declined; a public agreement on 3.2.1 and a members-only one on 3.2.2; a plan
    /// activity naming it on 3.3.1; an indicator of 3.4.1 with an approved value for it and one of 3.4.2 with a submitted one.
    /// </summary>
    private async Task ScenarioAsync(string code)
    {
        await using var db = app.Database.CreateContext();
        var agenda = await db.Agendas.SingleAsync(a => a.Slug == Agenda);
        var country = await db.Countries.SingleAsync(c => c.Code == code);
        var lines = await db.Lines.Where(l => l.AgendaId == agenda.Id).ToDictionaryAsync(l => l.Code, l => l.Id);
        var group = await db.Groups.OrderBy(g => g.Id).FirstAsync(g => g.AgendaId == agenda.Id);
        if (!await db.GroupCountries.AnyAsync(gc => gc.GroupId == group.Id && gc.CountryId == country.Id))
            db.GroupCountries.Add(new Rumbo.Core.Groups.GroupCountry { GroupId = group.Id, CountryId = country.Id });
        var person = new Person { GivenName = "Delegate", FamilyName = Unique, CountryId = country.Id, IsExample = true };
        db.People.Add(person);
        await db.SaveChangesAsync();

        Meeting MeetingOn(string line, Visibility access, MeetingStatus status, ParticipantResponse response)
        {
            var m = new Meeting
            {
                GroupId = group.Id, Kind = MeetingKind.WorkingMeeting, Format = MeetingFormat.Virtual, Title = new LocalizedText { Source = "Coverage " + line },
                StartsAtUtc = new DateTime(2025, 3, 10, 14, 0, 0, DateTimeKind.Utc), CalendarUid = $"{Guid.NewGuid():n}@rumbo.test", Access = access, Status = status,
                Items = [new MeetingItem { Position = 1, Title = new LocalizedText { Source = "Item" }, Lines = [new MeetingItemLine { LineOfActionId = lines[line] }] }],
                Participants = [new MeetingParticipant { PersonId = person.Id, CountryId = country.Id, Response = response }],
            };
            db.Meetings.Add(m);
            return m;
        }
        var held = MeetingOn("3.1.1", Visibility.Public, MeetingStatus.Scheduled, ParticipantResponse.Accepted);
        MeetingOn("3.1.2", Visibility.Members, MeetingStatus.Scheduled, ParticipantResponse.Accepted);
        MeetingOn("3.1.3", Visibility.Public, MeetingStatus.Cancelled, ParticipantResponse.Accepted);
        MeetingOn("3.5.7", Visibility.Public, MeetingStatus.Scheduled, ParticipantResponse.Declined);
        await db.SaveChangesAsync();

        db.Agreements.Add(new Agreement
        {
            MeetingId = held.Id, GroupId = group.Id, Number = 1, Kind = AgreementKind.Agreement, Text = new LocalizedText { Source = "Agreed." },
            AdoptedOn = new DateOnly(2025, 3, 10), Visibility = Visibility.Public, Lines = [new AgreementLine { LineOfActionId = lines["3.2.1"] }],
        });
        db.Agreements.Add(new Agreement
        {
            MeetingId = held.Id, GroupId = group.Id, Number = 2, Kind = AgreementKind.Agreement, Text = new LocalizedText { Source = "Agreed among members." },
            AdoptedOn = new DateOnly(2025, 3, 10), Visibility = Visibility.Members, Lines = [new AgreementLine { LineOfActionId = lines["3.2.2"] }],
        });
        db.WorkPlans.Add(new WorkPlan
        {
            GroupId = group.Id, Title = new LocalizedText { Source = "Coverage plan" }, PeriodStart = new DateOnly(2025, 1, 1), PeriodEnd = new DateOnly(2026, 12, 31),
            Activities =
            [
                new PlanActivity
                {
                    Position = 1, Title = new LocalizedText { Source = "Training" }, Countries = [new PlanActivityCountry { CountryId = country.Id }],
                    Lines = [new PlanActivityLine { LineOfActionId = lines["3.3.1"] }],
                },
            ],
        });
        var versions = await db.IndicatorVersions.Where(v => v.Indicator!.AgendaId == agenda.Id).OrderBy(v => v.Id).Select(v => new { v.Id, v.IndicatorId }).Take(2).ToListAsync();
        db.IndicatorLines.Add(new IndicatorLine { IndicatorId = versions[0].IndicatorId, LineOfActionId = lines["3.4.1"] });
        db.IndicatorLines.Add(new IndicatorLine { IndicatorId = versions[1].IndicatorId, LineOfActionId = lines["3.4.2"] });
        IndicatorValue Value(int version, ValueStatus status) => new()
        {
            IndicatorVersionId = version, CountryId = country.Id, Year = 1991, Breakdown = "", Value = 1, Source = "Test", Status = status, UpdatedAtUtc = DateTime.UtcNow,
        };
        db.IndicatorValues.Add(Value(versions[0].Id, ValueStatus.Approved));
        db.IndicatorValues.Add(Value(versions[1].Id, ValueStatus.Submitted));
        var objective = await db.Lines.Where(l => l.Id == lines["3.5.1"]).Select(l => l.ObjectiveId).SingleAsync();
        var area = await db.Objectives.Where(o => o.Id == objective).Select(o => o.AreaId).SingleAsync();
        Rm.CapacityAction ActionOn(string line, Rm.CapacityActionStatus status) => new()
        {
            Title = new LocalizedText { Source = "Acción " + line }, AreaId = area, Dimension = Rumbo.Core.Capacities.CapacityDimension.Technical,
            Status = status, CreatedAtUtc = DateTime.UtcNow, Lines = [new Rm.CapacityActionLine { LineOfActionId = lines[line] }],
        };
        db.RoadMaps.Add(new Rm.RoadMap
        {
            AgendaId = agenda.Id, CountryId = country.Id, Language = "es", IsPublic = false,
            Actions = [ActionOn("3.5.1", Rm.CapacityActionStatus.Planned), ActionOn("3.5.2", Rm.CapacityActionStatus.Cancelled)],
        });
        await db.SaveChangesAsync();
    }
}

public sealed class SqliteCoverageTests(SqliteApp app) : CoverageTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresCoverageTests(PostgresApp app) : CoverageTests(app), IClassFixture<PostgresApp>;
