using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Indicators;
using Rumbo.TestSupport;

namespace Rumbo.Web.Tests;

public abstract partial class PermissionMatrixTests
{
    /// <summary>
    /// The matrix's focal point reports the scenario's country A; the secretariat reports any. Everyone else may not even
    /// read the country's unapproved values: 404, as for a country that is not there.
    /// </summary>
    private static Who[] Reporters => [Who.FocalPoint, Who.Secretariat];

    private static Who[] NotReporters => [Who.SignedIn, Who.GroupMember, Who.GroupCoordinator];

    /// <summary>Every write of the indicators' reporting: the country's focal points report, the secretariat also reviews.</summary>
    private static IEnumerable<Write> IndicatorWrites() =>
    [
        new("save a country's indicator values", async t => await t.ReportingUrl("save"),
            async t =>
            {
                await t.ReportingCountry(null);
                return new()
                {
                    ["submit"] = "false", ["Rows[0].Indicator"] = "1.1-a", ["Rows[0].Year"] = "2025", ["Rows[0].Breakdown"] = "",
                    ["Rows[0].Value"] = "45.5", ["Rows[0].Source"] = "Matrix", ["Rows[0].Notes"] = "", ["Rows[0].Evidence"] = "",
                };
            },
            Reporters, NotReporters),
        new("upload a country's filled template", async t => await t.ReportingUrl("upload"),
            async t =>
            {
                await t.ReportingCountry(null);
                return new();
            },
            Reporters, NotReporters) { File = () => ("file", "matrix.csv", Encoding.UTF8.GetBytes("indicator,year,value,source\n1.1-a,2025,45.5,Matrix\n")) },
        new("attach an evidence file to a country's value", async t => await t.ReportingUrl("evidence"),
            async t =>
            {
                var (id, version) = (await t.ReportingCountry(ValueStatus.Draft))!.Value;
                return new() { ["value"] = FormattableString.Invariant($"{id}.{version}") };
            },
            Reporters, NotReporters) { File = () => ("evidence", "evidence.pdf", DocumentFiles.Pdf("National household survey, 2025.")) },
        new("send a country's drafts for approval", async t => await t.ReportingUrl("submit"),
            async t =>
            {
                await t.ReportingCountry(ValueStatus.Draft);
                return new();
            },
            Reporters, NotReporters),
        new("approve a reported value", async t => await t.ReportingUrl("review"),
            async t => await t.ReviewFields(ValueStatus.Submitted, "Approve", ""), [Who.Secretariat], NotReporters),
        new("return a reported value", async t => await t.ReportingUrl("review"),
            async t => await t.ReviewFields(ValueStatus.Submitted, "Return", "The source is missing."), [Who.Secretariat], NotReporters),
        new("unlock an approved value", async t => await t.ReportingUrl("review"),
            async t => await t.ReviewFields(ValueStatus.Approved, "Unlock", "A revision of the series."), [Who.Secretariat], NotReporters),
        new("approve every submitted value of a country", async t => await t.ReportingUrl("approveall"),
            async t =>
            {
                await t.ReportingCountry(ValueStatus.Submitted);
                return new();
            },
            [Who.Secretariat], NotReporters),
        new("open a reporting round", _ => Task.FromResult($"/agendas/{IndicatorScenario.Agenda}/reporting?handler=Round"),
            _ => Task.FromResult(new Dictionary<string, string>
            {
                ["RoundTitle.Source"] = $"Matrix round {Guid.NewGuid():n}", ["FirstYear"] = "2026", ["LastYear"] = "2026", ["OpensOn"] = "2027-01-15",
                ["DueOn"] = "2027-04-30",
            }),
            [Who.Secretariat], NotReporters),
        new("create an indicator", _ => Task.FromResult($"/agendas/{IndicatorScenario.Agenda}/indicators/new"),
            _ => Task.FromResult(new Dictionary<string, string>
            {
                ["Objective"] = "2.1", ["Status"] = "Proposed", ["Title.Source"] = "Matrix indicator", ["Definition.Source"] = "What the matrix measures.",
                ["Unit"] = "Percent", ["Decimals"] = "1", ["Minimum"] = "0", ["Maximum"] = "100", ["Periodicity"] = "Annual", ["Direction"] = "Increase",
                ["Lines"] = "", ["SdgTargets"] = "17.18",
            }),
            FrameworkEditors),
        new("edit an indicator", _ => Task.FromResult($"/agendas/{IndicatorScenario.Agenda}/indicators/{MatrixIndicator}/edit"),
            async t => await t.IndicatorEditFields(), FrameworkEditors),
        new("set an indicator's regional target", _ => Task.FromResult(MatrixTargets), async t => await t.TargetFields(null), FrameworkEditors),
        new("set a country's own target for an indicator", _ => Task.FromResult(MatrixTargets),
            async t => await t.TargetFields((await t.Scenario()).CountryA), Reporters),
    ];

    /// <summary>
    /// Those who keep the framework (indicators, their versions, the regional targets): the secretariat and the coordinators
    /// of the agenda's ad hoc working group on targets and indicators. The matrix has no kind of user for the latter (its
    /// group coordinator coordinates a thematic working group, who may not): FrameworkEditingTests try them.
    /// </summary>
    private static Who[] FrameworkEditors => [Who.Secretariat];

    /// <summary>A seeded indicator with values, which the matrix edits and whose targets it sets.</summary>
    private const string MatrixIndicator = "4.5-a";

    private const string MatrixTargets = $"/agendas/{IndicatorScenario.Agenda}/indicators/{MatrixIndicator}/targets";

    /// <summary>The indicator's form as saved, with its Spanish title changed: an edit that does not change what it measures.</summary>
    private async Task<Dictionary<string, string>> IndicatorEditFields()
    {
        await using var db = app.Database.CreateContext();
        var i = await db.Indicators.AsNoTracking().Include(x => x.Versions).Include(x => x.SdgTargets).Include(x => x.Objective)
            .Include(x => x.Lines).ThenInclude(l => l.LineOfAction)
            .SingleAsync(x => x.Code == MatrixIndicator && x.Agenda!.Slug == IndicatorScenario.Agenda);
        var v = i.Versions.OrderByDescending(x => x.Number).First();
        var group = v.ResponsibleGroupId is int g ? await db.Groups.Where(x => x.Id == g).Select(x => x.Slug).SingleAsync() : "";
        static string N(double? d) => d?.ToString("R", CultureInfo.InvariantCulture) ?? "";
        return new()
        {
            ["Version"] = i.Version.ToString(CultureInfo.InvariantCulture), ["Objective"] = i.Objective!.Code, ["Status"] = i.Status.ToString(),
            ["Title.Source"] = v.Title.Source, ["Title.Es"] = $"Índice de datos abiertos {Guid.NewGuid():n}", ["Definition.Source"] = v.Definition.Source,
            ["Method.Source"] = v.Method.Source, ["Source.Source"] = v.Source.Source, ["Unit"] = v.Unit.ToString(),
            ["Decimals"] = v.Decimals.ToString(CultureInfo.InvariantCulture), ["Minimum"] = N(v.Minimum), ["Maximum"] = N(v.Maximum),
            ["Periodicity"] = v.Periodicity.ToString(), ["Direction"] = v.Direction.ToString(), ["ResponsibleGroup"] = group,
            ["Lines"] = string.Join(", ", i.Lines.Select(l => l.LineOfAction!.Code)), ["SdgTargets"] = string.Join(", ", i.SdgTargets.Select(t => t.Code)),
            ["ChangeNote"] = "",
        };
    }

    /// <summary>A baseline and target of the matrix's indicator: the regional one (no country) or the country's own, against the version stored.</summary>
    private async Task<Dictionary<string, string>> TargetFields(string? country)
    {
        var target = await IndicatorScenario.TargetAsync(app.Database, MatrixIndicator, country);
        return new()
        {
            ["Country"] = country ?? "", ["Version"] = (target?.Version ?? -1).ToString(CultureInfo.InvariantCulture), ["BaselineYear"] = "2020",
            ["BaselineValue"] = "50", ["TargetYear"] = "2030", ["TargetValue"] = "70", ["Milestones"] = "2025 60", ["Note"] = $"Matrix {Guid.NewGuid():n}",
        };
    }

    /// <summary>The bulk reporting API, which takes a JSON or CSV body that the matrix's rows (forms and uploads) cannot post.</summary>
    private const string BulkReportingWrite = "POST api/v1/agendas/{key}/reporting/{country}/values";

    static PermissionMatrixTests()
    {
        // Static initializers of every part have run here. The endpoint is not a row because a row posts a form; the theory
        // below tries it as every kind of user, as a row would be.
        OpenWrites.Add(BulkReportingWrite,
            "tried as every kind of user by The_bulk_reporting_API_is_allowed_or_refused_as_the_matrix_says (PermissionMatrixTests.Indicators.cs): it takes JSON or CSV, which a row cannot post");
        AddPolicyOpenWrites();
    }

    public static IEnumerable<object[]> EveryKindOfUser() => Enum.GetValues<Who>().Select(w => new object[] { w });

    /// <summary>
    /// The bulk reporting API as a matrix row: with a personal access token, the country's focal point and the secretariat
    /// report; anyone else signed in may not even read the country's drafts (404, as the page); no token is 401.
    /// </summary>
    [Theory]
    [MemberData(nameof(EveryKindOfUser))]
    public async Task The_bulk_reporting_API_is_allowed_or_refused_as_the_matrix_says(Who who)
    {
        var token = await UserCredential(who, api: true);
        var country = (await Scenario()).CountryA;
        await ReportingCountry(null);
        var before = await AuditCount();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/agendas/{IndicatorScenario.Agenda}/reporting/{country.ToLowerInvariant()}/values")
        {
            Content = JsonContent.Create(new { values = new[] { new { indicator = "1.1-a", year = 2025, value = 45.5, source = "Matrix" } }, submit = false }),
        };
        if (token is not null) request.Headers.Authorization = new("Bearer", token);
        var response = await client.SendAsync(request);
        var status = (int)response.StatusCode;
        if (Reporters.Contains(who))
        {
            Assert.True(status == 200, $"the bulk reporting API as {who}: expected 200, got {status} {await response.Content.ReadAsStringAsync()}");
            Assert.True(await AuditCount() > before, $"the bulk reporting API as {who} answered {status} but changed nothing");
        }
        else
        {
            Assert.Equal(who == Who.Anonymous ? 401 : 404, status);
            Assert.Equal(before, await AuditCount());
        }
    }

    /// <summary>The reporting page of the scenario's country A with the handler: a page the focal point of the matrix reports.</summary>
    private async Task<string> ReportingUrl(string handler) =>
        $"/agendas/{IndicatorScenario.Agenda}/reporting/{(await Scenario()).CountryA.ToLowerInvariant()}?handler={handler}";

    /// <summary>Country A starts each case afresh: no values, or one in the given status; its id and version.</summary>
    private async Task<(int Id, int Version)?> ReportingCountry(ValueStatus? status) =>
        await IndicatorScenario.ResetCountryAsync(app.Database, (await Scenario()).CountryA, status);

    private async Task<Dictionary<string, string>> ReviewFields(ValueStatus status, string action, string reason)
    {
        var (id, version) = (await ReportingCountry(status))!.Value;
        return new()
        {
            ["valueId"] = id.ToString(CultureInfo.InvariantCulture), ["version"] = version.ToString(CultureInfo.InvariantCulture),
            ["action"] = action, ["reason"] = reason,
        };
    }
}
